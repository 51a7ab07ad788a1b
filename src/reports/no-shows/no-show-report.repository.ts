import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { appointmentFilters, periodSql } from '../report-sql.js';

export interface NoShowRow {
  dim: 'provider' | 'service' | 'channel' | 'lead' | 'reminder' | 'heatmap' | 'period' | 'total';
  key: string | null;
  weekday: number | null;
  hour: number | null;
  appointments: bigint;
  no_shows: bigint;
}

@Injectable()
export class NoShowReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Appointments that started in the range and have an outcome (checked in, completed or no-show),
   * counted once per breakdown. A no-show that staff reversed has status checked_in/completed now,
   * so it counts as attended; a rescheduled appointment counts only as its replacement.
   */
  breakdowns(q: ReportQuery): Promise<NoShowRow[]> {
    const tz = q.range.timezone;
    return this.prisma.$queryRaw<NoShowRow[]>(Prisma.sql`
      WITH base AS (
        SELECT a.provider_id::text AS provider, a.service_id::text AS service, a.source::text AS channel,
          a.status = 'no_show' AS missed,
          CASE WHEN a.starts_at - a.created_at < interval '24 hours' THEN 'under_24h'
               WHEN a.starts_at - a.created_at <= interval '7 days' THEN '1_to_7_days'
               ELSE 'over_7_days' END AS lead,
          CASE WHEN a.confirmed_at IS NOT NULL THEN 'confirmed'
               WHEN EXISTS (SELECT 1 FROM notifications n WHERE n.appointment_id = a.id AND n.kind = 'reminder' AND n.status IN ('sent', 'delivered')) THEN 'no_answer'
               ELSE 'no_reminder' END AS reminder,
          extract(isodow FROM a.starts_at AT TIME ZONE ${tz})::int AS weekday,
          extract(hour FROM a.starts_at AT TIME ZONE ${tz})::int AS hour,
          ${periodSql(q, 'a.starts_at')} AS period
        FROM appointments a
        WHERE a.clinic_id = ${q.clinicId}::uuid AND a.starts_at >= ${q.range.start} AND a.starts_at < ${q.range.end}
          AND a.status IN ('checked_in', 'completed', 'no_show') ${appointmentFilters(q)}
      )
      SELECT CASE WHEN GROUPING(provider) = 0 THEN 'provider' WHEN GROUPING(service) = 0 THEN 'service'
                  WHEN GROUPING(channel) = 0 THEN 'channel' WHEN GROUPING(lead) = 0 THEN 'lead'
                  WHEN GROUPING(reminder) = 0 THEN 'reminder' WHEN GROUPING(weekday) = 0 THEN 'heatmap'
                  WHEN GROUPING(period) = 0 THEN 'period' ELSE 'total' END AS dim,
             COALESCE(provider, service, channel, lead, reminder, period) AS key, weekday, hour,
             count(*) AS appointments, count(*) FILTER (WHERE missed) AS no_shows
      FROM base
      GROUP BY GROUPING SETS ((provider), (service), (channel), (lead), (reminder), (weekday, hour), (period), ())`);
  }
}
