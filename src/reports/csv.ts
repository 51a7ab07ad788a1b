/** Rows of one report table as RFC 4180 CSV: a header of the first row's keys, CRLF line ends. */
export type Row = Record<string, string | number | boolean | null>;

export function toCsv(rows: readonly Row[], columns: readonly string[] = rows[0] ? Object.keys(rows[0]) : []): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  // A cell starting with = + - @ is a formula to spreadsheet apps: neutralise it (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
