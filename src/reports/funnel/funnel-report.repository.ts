import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { ReportSqlRepository } from '../report-sql.repository.js';
import { appointmentFilters, filterSql, periodSql } from '../report-sql.js';
import { SESSION_GAP_MS } from './funnel.recorder.js';

export interface FunnelRow {
  dim: 'channelLanguage' | 'period' | 'outcome' | 'total';
  channel: string | null; language: string | null; period: string | null; outcome: string | null; stage: number | null;
  sessions: bigint; intent: bigint; shown: bigint; held: bigint; details: bigint; booked: bigint; bookings: bigint;
  median_minutes_to_book: number | null;
}

@Injectable()
export class FunnelReportRepository {
  constructor(private readonly sql: ReportSqlRepository) {}

  /**
   * Chat sessions that started in the range. `stage` is the furthest stage reached (0 started …
   * 5 booked); a session counts at every stage up to it, so each step of the funnel holds the next.
   */
  sessions(q: ReportQuery): Promise<FunnelRow[]> {
    const openSince = new Date(+q.now - SESSION_GAP_MS);
    return this.sql.rows<FunnelRow>(Prisma.sql`
      WITH base AS (
        SELECT f.channel::text AS channel, f.language, f.bookings, ${periodSql(q, 'f.started_at')} AS period,
               CASE WHEN f.booked_at IS NOT NULL THEN 5 WHEN f.details_at IS NOT NULL THEN 4 WHEN f.slot_held_at IS NOT NULL THEN 3
                    WHEN f.slots_shown_at IS NOT NULL THEN 2 WHEN f.intent_at IS NOT NULL THEN 1 ELSE 0 END AS stage,
               CASE WHEN f.booked_at IS NOT NULL THEN 'booked' WHEN f.opted_out_at IS NOT NULL THEN 'opted_out'
                    WHEN f.handoff_at IS NOT NULL THEN 'handed_off' WHEN f.last_activity_at > ${openSince} THEN 'open'
                    ELSE 'ended_early' END AS outcome,
               extract(epoch FROM f.booked_at - f.started_at) / 60 AS minutes_to_book
        FROM conversation_funnels f
        WHERE f.clinic_id = ${q.clinicId}::uuid AND f.started_at >= ${q.range.start} AND f.started_at < ${q.range.end}
          ${filterSql(q, { location: 'f.location_id', provider: 'f.provider_id', service: 'f.service_id', channel: 'f.channel' })}
      )
      SELECT CASE WHEN GROUPING(channel, language) = 0 THEN 'channelLanguage' WHEN GROUPING(period) = 0 THEN 'period'
                  WHEN GROUPING(outcome, stage) = 0 THEN 'outcome' ELSE 'total' END AS dim,
             channel, language, period, outcome, stage,
             count(*) AS sessions, count(*) FILTER (WHERE stage >= 1) AS intent, count(*) FILTER (WHERE stage >= 2) AS shown,
             count(*) FILTER (WHERE stage >= 3) AS held, count(*) FILTER (WHERE stage >= 4) AS details,
             count(*) FILTER (WHERE stage >= 5) AS booked, sum(bookings) AS bookings,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes_to_book) AS median_minutes_to_book
      FROM base GROUP BY GROUPING SETS ((channel, language), (period), (outcome, stage), ())`);
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
