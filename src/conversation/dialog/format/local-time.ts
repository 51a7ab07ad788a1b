import { DateTime, IANAZone } from 'luxon';

/**
 * Local-calendar helpers. Dates travel as 'YYYY-MM-DD' strings in the clinic's zone; instants as epoch
 * ms. An unknown zone falls back to UTC rather than throwing, so a bad setting degrades wording, not
 * the conversation.
 */
export function zoned(ms: number, zone: string): DateTime {
  const local = DateTime.fromMillis(ms, { zone });
  return local.isValid ? local : DateTime.fromMillis(ms, { zone: 'UTC' });
}

// The helpers below run for every slot a turn ranks or labels. They work on plain UTC arithmetic
// plus the zone's offset (which luxon caches per quarter hour, see common/luxon-offset-cache)
// instead of building luxon DateTimes; local-time.spec.ts checks them against luxon.

const DAY_MS = 86_400_000;

/** The zone's offset in minutes at `ms`; an unknown zone counts as UTC, like `zoned`. */
function offsetAt(ms: number, zone: string): number {
  const z = IANAZone.create(zone);
  return z.isValid ? z.offset(ms) : 0;
}

/** The UTC fields of this Date are the local wall clock at `ms` in `zone`. */
function wallClock(ms: number, zone: string): Date {
  return new Date(ms + offsetAt(ms, zone) * 60_000);
}

function isoDate(utc: Date): string {
  const year = utc.getUTCFullYear();
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : (year < 0 ? '-' : '+') + String(Math.abs(year)).padStart(6, '0');
  return `${y}-${String(utc.getUTCMonth() + 1).padStart(2, '0')}-${String(utc.getUTCDate()).padStart(2, '0')}`;
}

/** Midnight UTC of a 'YYYY-MM-DD' date, in epoch ms. */
function utcMidnight(date: string): number {
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return +d;
}

export function localDate(ms: number, zone: string): string {
  return isoDate(wallClock(ms, zone));
}

export function addDays(date: string, days: number): string {
  return isoDate(new Date(utcMidnight(date) + days * DAY_MS));
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return ((new Date(utcMidnight(date)).getUTCDay() + 6) % 7) + 1;
}

export function minutesOfDay(ms: number, zone: string): number {
  const local = wallClock(ms, zone);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** Offset from UTC in minutes at `ms` in `zone` (what chrono calls the reference timezone). */
export function offsetMinutes(ms: number, zone: string): number {
  return offsetAt(ms, zone);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
