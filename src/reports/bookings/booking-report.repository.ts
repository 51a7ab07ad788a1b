import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { ReportSqlRepository } from '../report-sql.repository.js';
import { appointmentFilters, periodNumberSql } from '../report-sql.js';

export interface BookingRow {
  dim: 'source' | 'period' | 'total'; key: string | null;
  bookings: bigint; confirmed: bigint; median_hours: number | null; p90_hours: number | null;
}

@Injectable()
export class BookingReportRepository {
  constructor(private readonly sql: ReportSqlRepository) {}

  /**
   * Bookings made in the range, whatever became of them later. A reschedule's replacement is not a
   * new booking (the moved appointment was counted when it was first booked).
   */
  bookings(q: ReportQuery): Promise<BookingRow[]> {
    // Grouped by the source enum and the period's number (cheap to sort over a year of rows), labelled
    // after grouping; the hours are the float8 percentile_cont takes anyway.
    const period = periodNumberSql(q, 'a.created_at');
    return this.sql.rows<BookingRow>(Prisma.sql`
      WITH base AS (
        SELECT a.source, ${period.number} AS period, a.confirmed_at IS NOT NULL AS confirmed,
               (extract(epoch FROM a.confirmed_at - a.created_at) / 3600)::float8 AS hours
        FROM appointments a
        WHERE a.clinic_id = ${q.clinicId}::uuid AND a.created_at >= ${q.range.start} AND a.created_at < ${q.range.end}
          AND a.rescheduled_from_id IS NULL ${appointmentFilters(q)}
      )
      SELECT CASE WHEN GROUPING(source) = 0 THEN 'source' WHEN GROUPING(period) = 0 THEN 'period' ELSE 'total' END AS dim,
             COALESCE(source::text, ${period.label('period')}) AS key, count(*) AS bookings, count(*) FILTER (WHERE confirmed) AS confirmed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median_hours,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90_hours
      FROM base GROUP BY GROUPING SETS ((source), (period), ())`);
  }
}
