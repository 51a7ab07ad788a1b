import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { appointmentFilters, hourBucketSql, periodSql } from '../report-sql.js';

export interface NoShowRow {
  dim: 'provider' | 'service' | 'channel' | 'lead' | 'reminder' | 'heatmap' | 'period' | 'total';
  key: string | null;
  weekday: number | null;
  hour: number | null;
  appointments: bigint;
  no_shows: bigint;
}

/**
 * Appointments that started in the range and have an outcome (checked in, completed or no-show),
 * counted once per breakdown. A no-show that staff reversed has status checked_in/completed now,
 * so it counts as attended; a rescheduled appointment counts only as its replacement.
 * Also what the daily rollup stores for each closed day (src/reports/rollups).
 */
export function noShowBreakdownsSql(q: ReportQuery): Prisma.Sql {
  const hours = hourBucketSql(q, 'a.starts_at');
  return Prisma.sql`
      WITH base AS (
        SELECT provider_id, service_id, source, missed, lead, reminder, period,
               ${hours.weekday('hour_bucket')} AS weekday, ${hours.hour('hour_bucket')} AS hour
        FROM (
          SELECT a.provider_id, a.service_id, a.source, a.status = 'no_show' AS missed,
                 ${hours.bucket} AS hour_bucket, ${periodSql(q, 'a.starts_at')} AS period,
                 CASE WHEN a.starts_at - a.created_at < interval '24 hours' THEN 'under_24h'
                      WHEN a.starts_at - a.created_at <= interval '7 days' THEN '1_to_7_days'
                      ELSE 'over_7_days' END AS lead,
                 CASE WHEN a.confirmed_at IS NOT NULL THEN 'confirmed'
                      WHEN a.reminder_sent_at IS NOT NULL THEN 'no_answer'
                      ELSE 'no_reminder' END AS reminder
          FROM appointments a
          WHERE a.clinic_id = ${q.clinicId}::uuid AND a.starts_at >= ${q.range.start} AND a.starts_at < ${q.range.end}
            AND a.status IN ('checked_in', 'completed', 'no_show') ${appointmentFilters(q)}
        ) AS appointment
      )
      SELECT CASE WHEN GROUPING(provider_id) = 0 THEN 'provider' WHEN GROUPING(service_id) = 0 THEN 'service'
                  WHEN GROUPING(source) = 0 THEN 'channel' WHEN GROUPING(lead) = 0 THEN 'lead'
                  WHEN GROUPING(reminder) = 0 THEN 'reminder' WHEN GROUPING(weekday) = 0 THEN 'heatmap'
                  WHEN GROUPING(period) = 0 THEN 'period' ELSE 'total' END AS dim,
             COALESCE(provider_id::text, service_id::text, source::text, lead, reminder, period) AS key, weekday, hour,
             count(*) AS appointments, count(*) FILTER (WHERE missed) AS no_shows
      FROM base
      GROUP BY GROUPING SETS ((provider_id), (service_id), (source), (lead), (reminder), (weekday, hour), (period), ())`;
}
