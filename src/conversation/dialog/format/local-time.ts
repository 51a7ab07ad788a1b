import { DateTime } from 'luxon';

/**
 * Local-calendar helpers. Dates travel as 'YYYY-MM-DD' strings in the clinic's zone; instants as epoch
 * ms. An unknown zone falls back to UTC rather than throwing, so a bad setting degrades wording, not
 * the conversation.
 */
export function zoned(ms: number, zone: string): DateTime {
  const local = DateTime.fromMillis(ms, { zone });
  return local.isValid ? local : DateTime.fromMillis(ms, { zone: 'UTC' });
}

export function localDate(ms: number, zone: string): string {
  return zoned(ms, zone).toISODate()!;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round(DateTime.fromISO(b, { zone: 'UTC' }).diff(DateTime.fromISO(a, { zone: 'UTC' }), 'days').days);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

export function minutesOfDay(ms: number, zone: string): number {
  const local = zoned(ms, zone);
  return local.hour * 60 + local.minute;
}

/** Offset from UTC in minutes at `ms` in `zone` (what chrono calls the reference timezone). */
export function offsetMinutes(ms: number, zone: string): number {
  return zoned(ms, zone).offset;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).isValid;
}
