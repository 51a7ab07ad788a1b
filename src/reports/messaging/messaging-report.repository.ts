import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { ReportSqlRepository } from '../report-sql.repository.js';
import { filterSql, periodSql } from '../report-sql.js';

export interface MessageRow {
  channel: string; period: string | null;
  inbound: bigint; outbound: bigint; sent: bigint; delivered: bigint; read: bigint; failed: bigint; pending: bigint;
}
export interface OptOutRow { channel: string; opt_outs: bigint }

@Injectable()
export class MessagingReportRepository {
  constructor(private readonly sql: ReportSqlRepository) {}

  /** Per channel (and per channel and period), by each message's latest delivery status. */
  messages(q: ReportQuery): Promise<MessageRow[]> {
    return this.sql.rows<MessageRow>(Prisma.sql`
      WITH base AS (
        SELECT m.channel::text AS channel, m.direction::text AS direction, m.status, ${periodSql(q, 'm.created_at')} AS period
        FROM messages m
        WHERE m.clinic_id = ${q.clinicId}::uuid AND m.created_at >= ${q.range.start} AND m.created_at < ${q.range.end}
          ${filterSql(q, { channel: 'm.channel' })}
      )
      SELECT channel, period,
             count(*) FILTER (WHERE direction = 'inbound') AS inbound,
             count(*) FILTER (WHERE direction = 'outbound') AS outbound,
             count(*) FILTER (WHERE direction = 'outbound' AND status IN ('sent', 'delivered', 'read')) AS sent,
             count(*) FILTER (WHERE direction = 'outbound' AND status IN ('delivered', 'read')) AS delivered,
             count(*) FILTER (WHERE direction = 'outbound' AND status = 'read') AS read,
             count(*) FILTER (WHERE direction = 'outbound' AND status IN ('failed', 'undelivered')) AS failed,
             count(*) FILTER (WHERE direction = 'outbound' AND status = 'queued') AS pending
      FROM base GROUP BY GROUPING SETS ((channel), (channel, period))`);
  }

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
