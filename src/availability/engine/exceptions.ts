import { MINUTES_PER_DAY, parseLocalDate, parseLocalTime, type EpochDay } from './calendar.js';
import type { Interval, ScheduleException } from './types.js';
import type { ZoneClock } from './zone-clock.js';

/** Does a closed/holiday/staff_block exception take time away from this provider at this location? */
export function removesFrom(e: ScheduleException, providerId: string, locationId: string | null): boolean {
  if (e.kind === 'extra_hours') return false;
  if (e.providerId !== null && e.providerId !== providerId) return false;
  // A location-scoped removal cannot touch telehealth hours, which belong to no location.
  return e.locationId === null || e.locationId === locationId;
}

/**
 * Extra hours are added on purpose, so a clinic- or location-wide closure or holiday on the same date
 * does not cancel them; a removal aimed at the provider (a staff block, or a closure/holiday naming
 * the provider) still does.
 */
export function removesExtraHours(e: ScheduleException): boolean {
  return e.kind === 'staff_block' || e.providerId !== null;
}

/**
 * Does an extra_hours exception add time for this provider and service? The time goes to the
 * exception's own location (null = telehealth); a null providerId adds it for every provider given.
 */
export function addsHoursFor(e: ScheduleException, providerId: string, serviceId: string): boolean {
  return (
    e.kind === 'extra_hours' &&
    (e.providerId === null || e.providerId === providerId) &&
    (e.serviceIds.length === 0 || e.serviceIds.includes(serviceId))
  );
}

/** Local days and minutes an exception covers on each of its dates; `endMinute` past 1440 runs into the next date. */
export interface ExceptionSpan {
  firstDay: EpochDay;
  lastDay: EpochDay;
  startMinute: number;
  endMinute: number;
  wholeDays: boolean;
}

export function parseExceptionSpan(e: ScheduleException, what: string): ExceptionSpan {
  const firstDay = parseLocalDate(e.startsOn, `${what}.startsOn`);
  const lastDay = parseLocalDate(e.endsOn, `${what}.endsOn`);
  const startMinute = e.startTime === null ? 0 : parseLocalTime(e.startTime, `${what}.startTime`);
  let endMinute = e.endTime === null ? MINUTES_PER_DAY : parseLocalTime(e.endTime, `${what}.endTime`, true);
  if (endMinute < startMinute) endMinute += MINUTES_PER_DAY;
  return { firstDay, lastDay, startMinute, endMinute, wholeDays: startMinute === 0 && endMinute === MINUTES_PER_DAY };
}

/** The instants a removal exception covers, clipped to the local days `[fromDay, toDay]`. */
export function removalIntervals(
  e: ScheduleException,
  span: ExceptionSpan,
  fromDay: EpochDay,
  toDay: EpochDay,
  clock: ZoneClock,
): Interval[] {
  const first = Math.max(span.firstDay, fromDay);
  const last = Math.min(span.lastDay, toDay);
  if (first > last) return [];
  const toUtc = clock(e.timezone);
  // A run of whole days is one interval, so a months-long leave costs two conversions, not one per day.
  if (span.wholeDays) return [{ start: toUtc(first, 0), end: toUtc(last + 1, 0) }];
  const out: Interval[] = [];
  for (let day = first; day <= last; day++) {
    const start = toUtc(day, span.startMinute);
    const end = toUtc(day, span.endMinute);
    if (end > start) out.push({ start, end });
  }
  return out;
}
