/**
 * Cuts text to `max` characters as the patient sees them (code points, so an emoji is never split in
 * half), ending with "…" when anything was cut.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export function length(text: string): number {
  return Array.from(text).length;
}
