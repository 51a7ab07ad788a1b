import { DateTime } from 'luxon';
import { ValidationError } from '../common/errors.js';

/**
 * Report ranges are local dates of the clinic's own time zone (clinics.timezone), inclusive at both
 * ends: 2026-11-01..2026-11-30 in America/New_York is [Nov 1 00:00 EDT, Dec 1 00:00 EST).
 * Grouping uses the same zone: days are local days, weeks start on Monday, months are calendar months.
 */
export type GroupBy = 'day' | 'week' | 'month';
export const GROUP_BY: readonly GroupBy[] = ['day', 'week', 'month'];
/** A year and a bit: enough for year-on-year views, small enough to answer within a second. */
export const MAX_RANGE_DAYS = 400;

export interface ReportRange {
  from: string;
  to: string;
  timezone: string;
  groupBy: GroupBy;
  /** First instant of `from` in the zone. */
  start: Date;
  /** First instant after `to` in the zone (exclusive). */
  end: Date;
}

export function reportRange(from: string, to: string, timezone: string, groupBy: GroupBy = 'day'): ReportRange {
  const first = DateTime.fromISO(from, { zone: timezone });
  const last = DateTime.fromISO(to, { zone: timezone });
  if (!first.isValid || !last.isValid) throw new ValidationError('from and to must be dates like 2026-11-01', { from, to });
  if (last < first) throw new ValidationError('from must not be after to', { from, to });
  const days = last.diff(first, 'days').days + 1;
  if (days > MAX_RANGE_DAYS) throw new ValidationError(`A report covers at most ${MAX_RANGE_DAYS} days`, { from, to, days: Math.round(days) });
  return { from, to, timezone, groupBy, start: first.startOf('day').toJSDate(), end: last.plus({ days: 1 }).startOf('day').toJSDate() };
}

/** The local date (YYYY-MM-DD) that starts the period holding `instant` — what SQL's date_trunc gives. */
export function periodOf(instant: number, range: Pick<ReportRange, 'timezone' | 'groupBy'>): string {
  return DateTime.fromMillis(instant, { zone: range.timezone }).startOf(range.groupBy === 'week' ? 'week' : range.groupBy).toISODate()!;
}

/** Every local day of the range: [start, end) instants and its date, DST-correct (23- and 25-hour days). */
export function localDays(range: ReportRange): { date: string; start: number; end: number }[] {
  const out: { date: string; start: number; end: number }[] = [];
  for (let day = DateTime.fromJSDate(range.start, { zone: range.timezone }); +day < +range.end; day = day.plus({ days: 1 })) {
    out.push({ date: day.toISODate()!, start: +day, end: +day.plus({ days: 1 }) });
  }
  return out;
}

/** A ratio rounded to 4 decimals; null when there is nothing to divide by (a rate of 0 would be a claim). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/**
 * The range cut into periods (or local hours), as the instants each one starts at — the lower bounds
 * SQL's width_bucket() takes — and their labels. Bucketing by comparing instants against a few
 * hundred bounds costs far less per row than converting every timestamp to local time in SQL (which
 * dominated a year-long report), and luxon makes the bounds DST-correct.
 */
export interface Buckets<L> { starts: Date[]; labels: L[] }

export function periodBuckets(range: ReportRange): Buckets<string> {
  const starts: Date[] = [];
  const labels: string[] = [];
  const unit = range.groupBy;
  for (let at = DateTime.fromJSDate(range.start, { zone: range.timezone }); +at < +range.end; at = at.startOf(unit).plus({ [`${unit}s`]: 1 })) {
    starts.push(at.toJSDate());
    labels.push(at.startOf(unit).toISODate()!);
  }
  return { starts, labels };
}

export function hourBuckets(range: ReportRange): Buckets<{ weekday: number; hour: number }> {
  const starts: Date[] = [];
  const labels: { weekday: number; hour: number }[] = [];
  for (let at = DateTime.fromJSDate(range.start, { zone: range.timezone }); +at < +range.end; at = at.plus({ hours: 1 })) {
    starts.push(at.toJSDate());
    labels.push({ weekday: at.weekday, hour: at.hour });
  }
  return { starts, labels };
}
