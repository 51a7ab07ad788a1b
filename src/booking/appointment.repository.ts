import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { AppointmentStatus } from '../generated/prisma/enums.js';
import { ACTIVE_STATUSES } from './appointment-status.js';

const WITH_NAMES = {
  provider: { select: { name: true, shortName: true } },
  service: { select: { name: true, durationMinutes: true, telehealth: true } },
  location: { select: { name: true, address: true, timezone: true } },
} as const;

export type AppointmentWithNames = Prisma.AppointmentGetPayload<{ include: typeof WITH_NAMES }>;

@Injectable()
export class AppointmentRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string, tx: Tx = this.prisma) {
    return tx.appointment.findUnique({ where: { id }, include: WITH_NAMES });
  }

  /** Locks the row for the rest of the transaction, so two status changes cannot interleave. */
  async lockById(id: string, tx: Tx) {
    await tx.$queryRaw`SELECT id FROM appointments WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.appointment.findUnique({ where: { id }, include: WITH_NAMES });
  }

  findByIdempotencyKey(key: string, tx: Tx = this.prisma) {
    return tx.appointment.findUnique({ where: { idempotencyKey: key }, include: WITH_NAMES });
  }

  insert(data: Prisma.AppointmentUncheckedCreateInput, tx: Tx) {
    return tx.appointment.create({ data, include: WITH_NAMES });
  }

  update(id: string, data: Prisma.AppointmentUncheckedUpdateInput, tx: Tx) {
    return tx.appointment.update({ where: { id }, data, include: WITH_NAMES });
  }

  /** The active appointment occupying this provider's (or room's) time, to tell staff what is in the way. */
  findBlocking(providerId: string, roomId: string | null, blockStart: Date, blockEnd: Date, tx: Tx = this.prisma) {
    return tx.appointment.findFirst({
      where: {
        status: { in: [...ACTIVE_STATUSES] }, blockStart: { lt: blockEnd }, blockEnd: { gt: blockStart },
        OR: [{ providerId }, ...(roomId ? [{ roomId }] : [])],
      },
      select: { id: true },
    });
  }

  /** A free room of the kind at the location for the block, for staff bookings outside the engine. */
  findFreeRoom(clinicId: string, locationId: string, kind: string, blockStart: Date, blockEnd: Date, tx: Tx) {
    return tx.room.findFirst({
      where: {
        clinicId, locationId, kind, active: true,
        appointments: { none: { status: { in: [...ACTIVE_STATUSES] }, blockStart: { lt: blockEnd }, blockEnd: { gt: blockStart } } },
      },
      orderBy: { name: 'asc' },
    });
  }

  /** Where the provider usually works on that weekday, for staff bookings that do not say. */
  async usualLocation(providerId: string, weekday: number, tx: Tx): Promise<string | null> {
    const rule = await tx.availabilityRule.findFirst({ where: { providerId, weekday, locationId: { not: null } }, select: { locationId: true } })
      ?? await tx.availabilityRule.findFirst({ where: { providerId, locationId: { not: null } }, select: { locationId: true } });
    return rule?.locationId ?? null;
  }

  findUpcomingForPatient(patientId: string, from: Date, tx: Tx = this.prisma) {
    return tx.appointment.findMany({
      where: { patientId, startsAt: { gte: from }, status: { in: ['requested', 'confirmed', 'payment_pending'] } },
      orderBy: { startsAt: 'asc' },
      include: WITH_NAMES,
    });
  }

  setStatus(id: string, status: AppointmentStatus, data: Prisma.AppointmentUncheckedUpdateInput, tx: Tx) {
    return tx.appointment.update({ where: { id }, data: { ...data, status }, include: WITH_NAMES });
  }
}
