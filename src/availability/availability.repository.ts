import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import { type PreparedStatement, SqlPool } from '../database/sql-pool.js';
import { ACTIVE_STATUSES } from '../booking/appointment-status.js';

/**
 * Everything the slot engine needs for one search, in a handful of indexed queries whatever the
 * length of the range (never a query per day or per slot).
 */
@Injectable()
export class AvailabilityRepository {
  constructor(private readonly prisma: PrismaService, private readonly sql: SqlPool) {}

  findClinicBySlug(slug: string) {
    return this.prisma.clinic.findUnique({ where: { slug } });
  }

  findOnlyClinic() {
    return this.prisma.clinic.findMany({ take: 2 }).then((rows) => (rows.length === 1 ? rows[0]! : null));
  }

  findServiceWithClinic(where: { id: string } | { clinicId: string; code: string }, tx: Tx = this.prisma) {
    const unique = 'id' in where ? { id: where.id } : { clinicId_code: { clinicId: where.clinicId, code: where.code } };
    return tx.service.findUnique({ where: unique, include: { clinic: true } });
  }

  /** Active providers offering the service, with their rules that allow it, valid in the date span. */
  findProvidersWithRules(serviceId: string, firstDate: Date, lastDate: Date, filter: { providerId?: string; locationId?: string }, tx: Tx = this.prisma) {
    return tx.provider.findMany({
      where: { active: true, services: { some: { serviceId } }, ...(filter.providerId ? { id: filter.providerId } : {}) },
      orderBy: { name: 'asc' },
      include: {
        availabilityRules: {
          where: {
            ...(filter.locationId ? { locationId: filter.locationId } : {}),
            OR: [{ serviceIds: { isEmpty: true } }, { serviceIds: { has: serviceId } }],
            AND: [
              { OR: [{ validFrom: null }, { validFrom: { lte: lastDate } }] },
              { OR: [{ validTo: null }, { validTo: { gte: firstDate } }] },
            ],
          },
          include: { location: { select: { timezone: true } } },
        },
      },
    });
  }

  findExceptions(clinicId: string, firstDate: Date, lastDate: Date, tx: Tx = this.prisma) {
    return tx.scheduleException.findMany({
      where: { clinicId, startsOn: { lte: lastDate }, endsOn: { gte: firstDate } },
      include: { location: { select: { timezone: true } } },
    });
  }

  /**
   * Booked blocks overlapping [from, to). Raw SQL because this runs on every availability request and
   * the typed query costs about half a millisecond more. Blocks never last a day, which bounds the
   * index range scan on (provider_id, block_start).
   */
  findBusyBlocks(providerIds: string[], from: Date, to: Date, tx: Tx = this.prisma, ignoreAppointmentId: string | null = null): Promise<{ id: string; providerId: string; blockStart: Date; blockEnd: Date }[]> {
    const earliestStart = new Date(+from - 86_400_000);
    return tx.$queryRaw`
      SELECT id, provider_id AS "providerId", block_start AS "blockStart", block_end AS "blockEnd" FROM appointments
      WHERE provider_id = ANY(${providerIds}::uuid[]) AND status::text = ANY(${ACTIVE_STATUSES}::text[])
        AND block_start < ${to} AND block_start > ${earliestStart} AND block_end > ${from}
        AND id IS DISTINCT FROM ${ignoreAppointmentId}::uuid`;
  }

  findRooms(clinicId: string, kind: string, tx: Tx = this.prisma) {
    return tx.room.findMany({ where: { clinicId, kind, active: true }, orderBy: { name: 'asc' } });
  }

  findRoomBusyBlocks(roomIds: string[], from: Date, to: Date, tx: Tx = this.prisma, ignoreAppointmentId: string | null = null) {
    return tx.appointment.findMany({
      where: {
        roomId: { in: roomIds }, status: { in: [...ACTIVE_STATUSES] }, blockStart: { lt: to }, blockEnd: { gt: from },
        ...(ignoreAppointmentId ? { id: { not: ignoreAppointmentId } } : {}),
      },
      select: { roomId: true, blockStart: true, blockEnd: true },
    });
  }

  /** Bumped by the database on any change availability depends on (booking_throughput migration); read on every search, so plain pg. */
  async scheduleVersion(clinicId: string): Promise<bigint> {
    const [row] = await this.sql.query<{ version: string }>(SCHEDULE_VERSION, [clinicId]);
    if (!row) throw new Error(`clinic ${clinicId} not found`);
    return BigInt(row.version);
  }

  findLocations(clinicId: string, tx: Tx = this.prisma) {
    return tx.location.findMany({ where: { clinicId } });
  }
}

const SCHEDULE_VERSION: PreparedStatement = { name: 'clinic-schedule-version', text: 'SELECT schedule_version::text AS version FROM clinics WHERE id = $1::uuid' };
