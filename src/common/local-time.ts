/**
 * Prisma maps Postgres TIME and DATE columns to JS Dates at UTC (1970-01-01T09:00Z for 09:00,
 * 2026-11-21T00:00Z for a date). These convert between those and the 'HH:mm' / 'YYYY-MM-DD' strings
 * the rest of the code uses, without any timezone arithmetic.
 */
export function timeColumnToLocal(value: Date): string {
  return value.toISOString().slice(11, 16);
}

export function localToTimeColumn(hhmm: string): Date {
  return new Date(`1970-01-01T${hhmm}:00.000Z`);
}

export function dateColumnToLocal(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function localToDateColumn(yyyyMmDd: string): Date {
  return new Date(`${yyyyMmDd}T00:00:00.000Z`);
}
