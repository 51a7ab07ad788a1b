import { Prisma } from '../generated/prisma/client.js';
import type { ReportQuery } from './report-query.js';

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

/** The local date (YYYY-MM-DD) starting the day/week/month that holds `col`, in the clinic's zone. */
export function periodSql(q: ReportQuery, col: string): Prisma.Sql {
  return Prisma.sql`to_char(date_trunc(${q.range.groupBy}, ${Prisma.raw(col)} AT TIME ZONE ${q.range.timezone}), 'YYYY-MM-DD')`;
}

/** bigint/numeric from Postgres → number (counts here stay far below 2^53). */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** A duration or median, rounded to 2 decimals; null when there was nothing to measure. */
export function measure(value: unknown): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100;
}
