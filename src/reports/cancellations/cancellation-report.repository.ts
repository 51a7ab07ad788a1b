import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { ReportSqlRepository } from '../report-sql.repository.js';
import { appointmentFilters, periodSql } from '../report-sql.js';

export interface CancellationRow { dim: 'reason' | 'actor' | 'period' | 'total'; key: string | null; cancellations: bigint; late: bigint; rebooked: bigint }
export interface RescheduleRow { dim: 'actor' | 'period' | 'total'; key: string | null; reschedules: bigint }

/** "patient:<id>", "staff:<id>" or "system" → who did it. */
const ACTOR = (col: string) => Prisma.raw(`CASE WHEN ${col} LIKE 'staff%' THEN 'staff' WHEN ${col} LIKE 'patient%' THEN 'patient' ELSE 'system' END`);

/** A patient rebooked if they booked anything new at the clinic within this long after cancelling. */
export const REBOOK_WINDOW_DAYS = 7;

@Injectable()
export class CancellationReportRepository {
  constructor(private readonly sql: ReportSqlRepository) {}

  cancellations(q: ReportQuery): Promise<CancellationRow[]> {
    return this.sql.rows<CancellationRow>(Prisma.sql`
      WITH base AS (
        SELECT COALESCE(NULLIF(a.cancel_reason, ''), '(no reason given)') AS reason, ${ACTOR('a.updated_by')} AS actor,
               a.late_cancellation AS late, ${periodSql(q, 'a.cancelled_at')} AS period,
               EXISTS (SELECT 1 FROM appointments b
                       WHERE b.patient_id = a.patient_id AND b.id <> a.id AND b.rescheduled_from_id IS NULL
                         AND b.created_at >= a.cancelled_at AND b.created_at < a.cancelled_at + make_interval(days => ${REBOOK_WINDOW_DAYS})) AS rebooked
        FROM appointments a
        WHERE a.clinic_id = ${q.clinicId}::uuid AND a.cancelled_at >= ${q.range.start} AND a.cancelled_at < ${q.range.end}
          AND a.status = 'cancelled' ${appointmentFilters(q)}
      )
      SELECT CASE WHEN GROUPING(reason) = 0 THEN 'reason' WHEN GROUPING(actor) = 0 THEN 'actor' WHEN GROUPING(period) = 0 THEN 'period' ELSE 'total' END AS dim,
             COALESCE(reason, actor, period) AS key,
             count(*) AS cancellations, count(*) FILTER (WHERE late) AS late, count(*) FILTER (WHERE rebooked) AS rebooked
      FROM base GROUP BY GROUPING SETS ((reason), (actor), (period), ())`);
  }

  /** Moves: replacement appointments made in the range (each move counts once, a chain of two moves twice). */
  reschedules(q: ReportQuery): Promise<RescheduleRow[]> {
    return this.sql.rows<RescheduleRow>(Prisma.sql`
      WITH base AS (
        SELECT ${ACTOR('a.created_by')} AS actor, ${periodSql(q, 'a.created_at')} AS period
        FROM appointments a
        WHERE a.clinic_id = ${q.clinicId}::uuid AND a.created_at >= ${q.range.start} AND a.created_at < ${q.range.end}
          AND a.rescheduled_from_id IS NOT NULL ${appointmentFilters(q)}
      )
      SELECT CASE WHEN GROUPING(actor) = 0 THEN 'actor' WHEN GROUPING(period) = 0 THEN 'period' ELSE 'total' END AS dim,
             COALESCE(actor, period) AS key, count(*) AS reschedules
      FROM base GROUP BY GROUPING SETS ((actor), (period), ())`);
  }
}
