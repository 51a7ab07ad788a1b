import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { ReportSqlRepository } from '../report-sql.repository.js';
import { periodSql } from '../report-sql.js';

export interface EntryRow { dim: 'status' | 'source' | 'period' | 'total'; key: string | null; entries: bigint }
export interface OfferRow {
  dim: 'outcome' | 'period' | 'total'; key: string | null;
  offers: bigint; accepted: bigint; slots_offered: bigint; slots_filled: bigint; median_minutes_to_fill: number | null;
}

/**
 * Waitlist entries carry an optional provider and location ("any" when null): a filter on either
 * keeps the entries for that one and the entries open to any.
 */
function entryFilters(q: ReportQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (q.locationIds) parts.push(Prisma.sql`(e.location_id IS NULL OR e.location_id = ANY(${q.locationIds}::uuid[]))`);
  if (q.providerId) parts.push(Prisma.sql`(e.provider_id IS NULL OR e.provider_id = ${q.providerId}::uuid)`);
  if (q.serviceId) parts.push(Prisma.sql`e.service_id = ${q.serviceId}::uuid`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

function offerFilters(q: ReportQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (q.locationIds) parts.push(Prisma.sql`o.location_id = ANY(${q.locationIds}::uuid[])`);
  if (q.providerId) parts.push(Prisma.sql`o.provider_id = ${q.providerId}::uuid`);
  if (q.serviceId) parts.push(Prisma.sql`o.service_id = ${q.serviceId}::uuid`);
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

@Injectable()
export class WaitlistReportRepository {
  constructor(private readonly sql: ReportSqlRepository) {}

  entries(q: ReportQuery): Promise<EntryRow[]> {
    return this.sql.rows<EntryRow>(Prisma.sql`
      WITH base AS (
        SELECT e.status::text AS status, e.source, ${periodSql(q, 'e.created_at')} AS period
        FROM waitlist_entries e
        WHERE e.clinic_id = ${q.clinicId}::uuid AND e.created_at >= ${q.range.start} AND e.created_at < ${q.range.end} ${entryFilters(q)}
      )
      SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(source) = 0 THEN 'source' WHEN GROUPING(period) = 0 THEN 'period' ELSE 'total' END AS dim,
             COALESCE(status, source, period) AS key, count(*) AS entries
      FROM base GROUP BY GROUPING SETS ((status), (source), (period), ())`);
  }

  /** Offers made in the range (waitlist_offers, written by src/waitlist). */
  offers(q: ReportQuery): Promise<OfferRow[]> {
    return this.sql.rows<OfferRow>(Prisma.sql`
      WITH base AS (
        SELECT o.outcome::text AS outcome, o.provider_id, o.slot_start, ${periodSql(q, 'o.offered_at')} AS period,
               extract(epoch FROM o.responded_at - o.slot_freed_at) / 60 AS minutes_to_fill
        FROM waitlist_offers o
        WHERE o.clinic_id = ${q.clinicId}::uuid AND o.offered_at >= ${q.range.start} AND o.offered_at < ${q.range.end} ${offerFilters(q)}
      )
      SELECT CASE WHEN GROUPING(outcome) = 0 THEN 'outcome' WHEN GROUPING(period) = 0 THEN 'period' ELSE 'total' END AS dim,
             COALESCE(outcome, period) AS key,
             count(*) AS offers, count(*) FILTER (WHERE outcome = 'accepted') AS accepted,
             count(DISTINCT (provider_id, slot_start)) AS slots_offered,
             count(DISTINCT (provider_id, slot_start)) FILTER (WHERE outcome = 'accepted') AS slots_filled,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes_to_fill) FILTER (WHERE outcome = 'accepted') AS median_minutes_to_fill
      FROM base GROUP BY GROUPING SETS ((outcome), (period), ())`);
  }
}
