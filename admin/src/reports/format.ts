/** Display helpers for report figures (the API sends ratios 0–1 and minutes). */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)} %`;
}

export function count(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? '—' : value.toLocaleString(locale);
}

export function minutes(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value >= 120 ? `${(value / 60).toFixed(1)} h` : `${Math.round(value)} min`;
}
