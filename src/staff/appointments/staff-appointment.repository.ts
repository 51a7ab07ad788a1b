import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { ACTIVE_STATUSES } from '../../booking/appointment-status.js';

const WITH_NAMES_AND_PATIENT = {
  provider: { select: { name: true, shortName: true } },
  service: { select: { name: true, durationMinutes: true, telehealth: true } },
  location: { select: { name: true, address: true, timezone: true } },
  patient: { select: { id: true, nameEnc: true, phoneEnc: true, noShowCount: true, flaggedAt: true } },
} as const;

export type StaffAppointmentRow = Prisma.AppointmentGetPayload<{ include: typeof WITH_NAMES_AND_PATIENT }>;

/** Appointment reads for the staff API; every query arrives already narrowed to the caller's scope. */
@Injectable()
export class StaffAppointmentRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(where: Prisma.AppointmentWhereInput, orderBy: Prisma.AppointmentOrderByWithRelationInput, skip: number, take: number) {
    const [rows, total] = await Promise.all([
      this.prisma.appointment.findMany({ where, orderBy: [orderBy, { id: 'asc' }], skip, take, include: WITH_NAMES_AND_PATIENT }),
      this.prisma.appointment.count({ where }),
    ]);
    return { rows, total };
  }

  findOne(where: Prisma.AppointmentWhereInput) {
    return this.prisma.appointment.findFirst({ where, include: WITH_NAMES_AND_PATIENT });
  }

  exists(where: Prisma.AppointmentWhereInput): Promise<boolean> {
    return this.prisma.appointment.count({ where }).then((n) => n > 0);
  }

  /** The active appointment occupying this provider's time over a block, to say what is in the way. */
  findBlocking(clinicId: string, providerId: string, blockStart: Date, blockEnd: Date, excludeId: string | null) {
    return this.prisma.appointment.findFirst({
      where: {
        clinicId, providerId, status: { in: [...ACTIVE_STATUSES] }, blockStart: { lt: blockEnd }, blockEnd: { gt: blockStart },
        ...(excludeId ? { id: { not: excludeId } } : {}),
      },
      include: WITH_NAMES_AND_PATIENT,
    });
  }

  /** Active appointments of providers (or at a location) overlapping a range, for the calendar. */
  findInRange(where: Prisma.AppointmentWhereInput, from: Date, to: Date) {
    return this.prisma.appointment.findMany({
      where: { AND: [where, { startsAt: { lt: to }, endsAt: { gt: from } }] },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      include: WITH_NAMES_AND_PATIENT,
      take: 2000,
    });
  }
}
