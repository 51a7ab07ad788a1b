/** Case- and accent-insensitive "contains" for names ("garcia" finds "García"). Pure. */
export function normalizeName(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function nameMatches(name: string, query: string): boolean {
  const words = normalizeName(query).split(' ').filter(Boolean);
  const target = normalizeName(name);
  return words.length > 0 && words.every((w) => target.includes(w));
}
