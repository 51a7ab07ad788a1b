/**
 * Whether a reply looks like a person's full name: letters (any script) with spaces, apostrophes,
 * hyphens and dots; at least two letters; no digits; at most 80 characters.
 */
const MAX_NAME_LENGTH = 80;

export function cleanPersonName(text: string): string | null {
  const name = text.replace(/\s+/g, ' ').trim().replace(/[.,!]+$/, '');
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  if (/\p{N}/u.test(name)) return null;
  if (!/^[\p{L}\p{M}][\p{L}\p{M}' ’.-]*$/u.test(name)) return null;
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) return null;
  return name;
}
