import { Prisma } from '../generated/prisma/client.js';
import type { ReportQuery } from './report-query.js';
import { hourBuckets, periodBuckets } from './report-range.js';

/**
 * SQL pieces every report repository shares. Reports read with raw SQL: one scan per report with
 * GROUPING SETS gives every breakdown at once, which is what keeps a year of a large clinic under a
 * second (see bench/reports).
 */

/** WHERE conditions for the report's filters on a table whose columns are named in `cols`. */
export function filterSql(q: ReportQuery, cols: { location?: string; provider?: string; service?: string; channel?: string }): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (q.locationIds && cols.location) parts.push(Prisma.sql`${Prisma.raw(cols.location)} = ANY(${q.locationIds}::uuid[])`);
  if (q.providerId && cols.provider) parts.push(Prisma.sql`${Prisma.raw(cols.provider)} = ${q.providerId}::uuid`);
  if (q.serviceId && cols.service) parts.push(Prisma.sql`${Prisma.raw(cols.service)} = ${q.serviceId}::uuid`);
  if (q.channel && cols.channel) parts.push(Prisma.sql`${Prisma.raw(cols.channel)}::text = ${q.channel}`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

/** Appointment filters: location, provider, service, and channel = how it was booked (source). */
export function appointmentFilters(q: ReportQuery, alias = 'a'): Prisma.Sql {
  return filterSql(q, { location: `${alias}.location_id`, provider: `${alias}.provider_id`, service: `${alias}.service_id`, channel: `${alias}.source` });
}

/**
 * The local date (YYYY-MM-DD) starting the day/week/month that holds `col`, in the clinic's zone:
 * the period is found by width_bucket() over the periods' first instants (computed DST-correct in
 * report-range.ts), which is far cheaper per row than converting each timestamp to local time.
 */
export function periodSql(q: ReportQuery, col: string): Prisma.Sql {
  const { starts, labels } = periodBuckets(q.range);
  return Prisma.sql`(${labels}::text[])[width_bucket(${Prisma.raw(col)}, ${starts}::timestamptz[])]`;
}

/**
 * periodSql in two halves, for queries that sort many rows by period (GROUPING SETS with medians):
 * rows carry the period's number, sorted far faster than its label, and the few output rows are
 * labelled from it.
 */
export function periodNumberSql(q: ReportQuery, col: string): { number: Prisma.Sql; label: (number: string) => Prisma.Sql } {
  const { starts, labels } = periodBuckets(q.range);
  return {
    number: Prisma.sql`width_bucket(${Prisma.raw(col)}, ${starts}::timestamptz[])`,
    label: (number) => Prisma.sql`(${labels}::text[])[${Prisma.raw(number)}]`,
  };
}

/** The local hour bucket of `col` (1-based index into hourLabels(q)), for weekday × hour breakdowns. */
export function hourBucketSql(q: ReportQuery, col: string): { bucket: Prisma.Sql; weekday: (bucket: string) => Prisma.Sql; hour: (bucket: string) => Prisma.Sql } {
  const { starts, labels } = hourBuckets(q.range);
  const weekdays = labels.map((l) => l.weekday);
  const hours = labels.map((l) => l.hour);
  return {
    bucket: Prisma.sql`width_bucket(${Prisma.raw(col)}, ${starts}::timestamptz[])`,
    weekday: (bucket) => Prisma.sql`(${weekdays}::int[])[${Prisma.raw(bucket)}]`,
    hour: (bucket) => Prisma.sql`(${hours}::int[])[${Prisma.raw(bucket)}]`,
  };
}

/** bigint/numeric from Postgres → number (counts here stay far below 2^53). */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** A duration or median, rounded to 2 decimals; null when there was nothing to measure. */
export function measure(value: unknown): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100;
}
