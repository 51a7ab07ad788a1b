import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { ReportSqlRepository } from '../report-sql.repository.js';
import { appointmentFilters, filterSql, periodNumberSql, periodSql } from '../report-sql.js';
import { SESSION_GAP_MS } from './funnel.recorder.js';

export interface FunnelGroupRow {
  channel: string; language: string; period: string; stage: number; outcome: string; sessions: bigint; bookings: bigint;
}
export interface FunnelMedianRow { dim: 'channelLanguage' | 'period' | 'total'; channel: string | null; language: string | null; period: string | null; median: number | null }

function funnelFilters(q: ReportQuery): Prisma.Sql {
  return filterSql(q, { location: 'f.location_id', provider: 'f.provider_id', service: 'f.service_id', channel: 'f.channel' });
}

/**
 * Chat sessions that started in the range, counted per (channel, language, period, furthest stage,
 * outcome): a few hundred groups that the report folds into its tables. `stage` is the furthest
 * stage reached (0 started … 5 booked); a session counts at every stage up to it.
 * Also what the daily rollup stores for each closed day (src/reports/rollups).
 */
export function funnelSessionsSql(q: ReportQuery): Prisma.Sql {
  const openSince = new Date(+q.now - SESSION_GAP_MS);
  return Prisma.sql`
    SELECT f.channel::text AS channel, f.language, ${periodSql(q, 'f.started_at')} AS period,
           CASE WHEN f.booked_at IS NOT NULL THEN 5 WHEN f.details_at IS NOT NULL THEN 4 WHEN f.slot_held_at IS NOT NULL THEN 3
                WHEN f.slots_shown_at IS NOT NULL THEN 2 WHEN f.intent_at IS NOT NULL THEN 1 ELSE 0 END AS stage,
           CASE WHEN f.booked_at IS NOT NULL THEN 'booked' WHEN f.opted_out_at IS NOT NULL THEN 'opted_out'
                WHEN f.handoff_at IS NOT NULL THEN 'handed_off' WHEN f.last_activity_at > ${openSince} THEN 'open'
                ELSE 'ended_early' END AS outcome,
           count(*) AS sessions, sum(f.bookings) AS bookings
    FROM conversation_funnels f
    WHERE f.clinic_id = ${q.clinicId}::uuid AND f.started_at >= ${q.range.start} AND f.started_at < ${q.range.end} ${funnelFilters(q)}
    GROUP BY 1, 2, 3, 4, 5`;
}

@Injectable()
export class FunnelReportRepository {
  constructor(private readonly sql: ReportSqlRepository) {}

  /** Median minutes from session start to first booking, over booked sessions: per channel and language, per period, overall. */
  medianMinutesToBook(q: ReportQuery): Promise<FunnelMedianRow[]> {
    // Read from the booked sessions' own index; grouped by the channel enum and the period's number
    // (cheap to sort), labelled after grouping; minutes as the float8 percentile_cont takes anyway.
    const period = periodNumberSql(q, 'f.started_at');
    return this.sql.rows<FunnelMedianRow>(Prisma.sql`
      WITH booked AS (
        SELECT f.channel, f.language, ${period.number} AS period, (extract(epoch FROM f.booked_at - f.started_at) / 60)::float8 AS minutes
        FROM conversation_funnels f
        WHERE f.clinic_id = ${q.clinicId}::uuid AND f.started_at >= ${q.range.start} AND f.started_at < ${q.range.end}
          AND f.booked_at IS NOT NULL ${funnelFilters(q)}
      )
      SELECT CASE WHEN GROUPING(channel, language) = 0 THEN 'channelLanguage' WHEN GROUPING(period) = 0 THEN 'period' ELSE 'total' END AS dim,
             channel::text AS channel, language, ${period.label('period')} AS period, percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median
      FROM booked GROUP BY GROUPING SETS ((channel, language), (period), ())`);
  }

  /** New bookings made in the range, chat (WhatsApp, SMS) vs staff; the same population as the bookings report. */
  bookingsBySource(q: ReportQuery): Promise<{ chat: boolean; bookings: bigint }[]> {
    return this.sql.rows(Prisma.sql`
      SELECT a.source IN ('whatsapp', 'sms') AS chat, count(*) AS bookings
      FROM appointments a
      WHERE a.clinic_id = ${q.clinicId}::uuid AND a.created_at >= ${q.range.start} AND a.created_at < ${q.range.end}
        AND a.rescheduled_from_id IS NULL ${appointmentFilters(q)}
      GROUP BY 1`);
  }
}
