import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** Read-only view of the clinic's hash-chained audit log (it holds ids and facts, never patient data). */
@Injectable()
export class StaffAuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Where an appointment of this clinic takes place (null: no such appointment, or telehealth). */
  async appointmentLocation(clinicId: string, appointmentId: string): Promise<{ locationId: string | null } | null> {
    return this.prisma.appointment.findFirst({ where: { id: appointmentId, clinicId }, select: { locationId: true } });
  }

  async page(where: Prisma.AuditLogWhereInput, order: 'asc' | 'desc', skip: number, take: number) {
    const [rows, total] = await Promise.all([
      this.prisma.auditLog.findMany({ where, orderBy: { id: order }, skip, take }),
      this.prisma.auditLog.count({ where }),
    ]);
    return { rows, total };
  }
}
