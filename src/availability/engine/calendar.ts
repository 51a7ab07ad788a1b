import type { LocalDate, LocalTime, Millis } from './types.js';

/** Days since 1970-01-01, naming a calendar date independently of any zone. */
export type EpochDay = number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTES_PER_DAY = 24 * 60;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Throws RangeError unless `value` is a real calendar date written `YYYY-MM-DD`. */
export function parseLocalDate(value: LocalDate, what: string): EpochDay {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2026-02-30 over to March; a round trip catches such dates.
    const back = new Date(ms);
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`${what}: expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/**
 * Minutes after local midnight. `24:00` is accepted only where `allowEndOfDay` (an end time), so
 * that a window can reach midnight without the "end before start = overnight" reading.
 */
export function parseLocalTime(value: LocalTime, what: string, allowEndOfDay = false): number {
  const m = typeof value === 'string' ? TIME_RE.exec(value) : null;
  if (m) {
    const hours = Number(m[1]);
    const minutes = Number(m[2]);
    if (hours < 24 && minutes < 60) return hours * 60 + minutes;
    if (allowEndOfDay && hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  }
  throw new RangeError(`${what}: expected a time HH:mm, got ${JSON.stringify(value)}`);
}

/** ISO weekday (1 = Monday … 7 = Sunday); 1970-01-01 was a Thursday. */
export function isoWeekday(day: EpochDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The UTC calendar date containing `instant`. */
export function utcDayOf(instant: Millis): EpochDay {
  return Math.floor(instant / DAY_MS);
}
