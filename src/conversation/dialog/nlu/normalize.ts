/**
 * Text clean-up shared by every matcher. `normalize` is for keyword matching: lower case, accents and
 * apostrophes gone ("can't" → "cant", "mañana" → "manana"), anything that is not a letter or digit
 * becomes a single space. Catalog phrases go through the same function, so both sides agree.
 */

/** Longer messages are real but rare; parsing only their start keeps every turn fast (chrono is regex-heavy). */
export const MAX_NLU_CHARS = 300;

export function clip(text: unknown): string {
  const value = typeof text === 'string' ? text : '';
  return value.length > MAX_NLU_CHARS ? value.slice(0, MAX_NLU_CHARS) : value;
}

/** Drops HTML tags and markdown emphasis so "<b>book</b>" and "*book*" read as "book". */
export function stripMarkup(text: string): string {
  return text.replace(/<[^>]{0,200}>/g, ' ').replace(/[*_~`]+/g, ' ');
}

export function normalize(text: string): string {
  return stripMarkup(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function tokenize(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}

/** True when `phrase` (already normalized) occurs in `normalized` on word boundaries. */
export function hasPhrase(normalized: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${normalized} `.includes(` ${phrase} `);
}

export function firstPhrase(normalized: string, phrases: readonly string[]): string | null {
  for (const phrase of phrases) if (hasPhrase(normalized, phrase)) return phrase;
  return null;
}

/** Removes every occurrence of `phrase` (word-bounded) and re-collapses spaces. */
export function removePhrase(normalized: string, phrase: string): string {
  return ` ${normalized} `.split(` ${phrase} `).join(' ').replace(/\s+/g, ' ').trim();
}
