import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { ReportSqlRepository } from '../report-sql.repository.js';
import { filterSql, periodSql } from '../report-sql.js';

export interface MessageRow {
  channel: string; period: string | null;
  inbound: bigint | null; outbound: bigint | null; sent: bigint | null; delivered: bigint | null; read: bigint | null; failed: bigint | null; pending: bigint | null;
}
export interface OptOutRow { channel: string; opt_outs: bigint }

/**
 * Per channel (and per channel and period), by each message's latest delivery status. Counted in
 * two steps: a plain GROUP BY over the (index-only) rows into a few hundred groups, then the
 * figures from those — a single pass with FILTERs and GROUPING SETS over a million rows cost 5x more.
 * Also what the daily rollup stores for each closed day (src/reports/rollups).
 */
export function messageCountsSql(q: ReportQuery): Prisma.Sql {
  return Prisma.sql`
    WITH counted AS (
      SELECT m.channel::text AS channel, m.direction::text AS direction, m.status, ${periodSql(q, 'm.created_at')} AS period, count(*) AS n
      FROM messages m
      WHERE m.clinic_id = ${q.clinicId}::uuid AND m.created_at >= ${q.range.start} AND m.created_at < ${q.range.end}
        ${filterSql(q, { channel: 'm.channel' })}
      GROUP BY 1, 2, 3, 4
    )
    SELECT channel, period,
           sum(n) FILTER (WHERE direction = 'inbound') AS inbound,
           sum(n) FILTER (WHERE direction = 'outbound') AS outbound,
           sum(n) FILTER (WHERE direction = 'outbound' AND status IN ('sent', 'delivered', 'read')) AS sent,
           sum(n) FILTER (WHERE direction = 'outbound' AND status IN ('delivered', 'read')) AS delivered,
           sum(n) FILTER (WHERE direction = 'outbound' AND status = 'read') AS read,
           sum(n) FILTER (WHERE direction = 'outbound' AND status IN ('failed', 'undelivered')) AS failed,
           sum(n) FILTER (WHERE direction = 'outbound' AND status = 'queued') AS pending
    FROM counted GROUP BY GROUPING SETS ((channel), (channel, period))`;
}

@Injectable()
export class MessagingReportRepository {
  constructor(private readonly sql: ReportSqlRepository) {}

  /** Conversations whose opt-out (STOP) happened in the range and still stands. */
  optOuts(q: ReportQuery): Promise<OptOutRow[]> {
    return this.sql.rows<OptOutRow>(Prisma.sql`
      SELECT c.channel::text AS channel, count(*) AS opt_outs
      FROM conversations c
      WHERE c.clinic_id = ${q.clinicId}::uuid AND c.opted_out_at >= ${q.range.start} AND c.opted_out_at < ${q.range.end}
        ${filterSql(q, { channel: 'c.channel' })}
      GROUP BY 1`);
  }
}
