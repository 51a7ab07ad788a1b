import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import { appointmentFilters, periodSql } from '../report-sql.js';

export interface BookedRow { provider_id: string; location_id: string | null; period: string; seconds: number | string; appointments: bigint }

/** Statuses whose time was booked: live and past bookings, no-shows included (the slot was taken). */
const BOOKED = Prisma.sql`('held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed', 'no_show')`;

/**
 * Booked time per provider, location and period. Summed in seconds, which are exact decimals for
 * millisecond timestamps, so a sum of daily rollups equals the sum over the rows (minutes would be
 * repeating decimals). Also what the daily rollup stores for each closed day (src/reports/rollups).
 */
export function bookedSecondsSql(q: ReportQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT a.provider_id::text AS provider_id, a.location_id::text AS location_id, ${periodSql(q, 'a.starts_at')} AS period,
           sum(extract(epoch FROM a.ends_at - a.starts_at)) AS seconds, count(*) AS appointments
    FROM appointments a
    WHERE a.clinic_id = ${q.clinicId}::uuid AND a.starts_at >= ${q.range.start} AND a.starts_at < ${q.range.end}
      AND a.status IN ${BOOKED} ${appointmentFilters(q)}
    GROUP BY 1, 2, 3`;
}

@Injectable()
export class UtilizationReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The clinic's providers with their weekly rules (in the report's location scope). */
  providersWithRules(q: ReportQuery) {
    return this.prisma.provider.findMany({
      where: { clinicId: q.clinicId, ...(q.providerId ? { id: q.providerId } : {}) },
      include: {
        availabilityRules: {
          where: q.locationIds ? { locationId: { in: q.locationIds } } : {},
          include: { location: { select: { timezone: true } } },
        },
      },
    });
  }

  exceptions(clinicId: string, firstDate: Date, lastDate: Date) {
    return this.prisma.scheduleException.findMany({
      where: { clinicId, startsOn: { lte: lastDate }, endsOn: { gte: firstDate } },
      include: { location: { select: { timezone: true } } },
    });
  }
}
