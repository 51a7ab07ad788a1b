import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Channel, NotificationKind } from '../generated/prisma/enums.js';

@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts the notification unless its job id exists (a repeated event); returns whether it is new. */
  async createIfAbsent(n: { clinicId: string; appointmentId: string; patientId: string; kind: NotificationKind; offsetMinutes: number | null; sendAt: Date; jobId: string }): Promise<string | null> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO notifications (clinic_id, appointment_id, patient_id, kind, offset_minutes, send_at, job_id)
      VALUES (${n.clinicId}::uuid, ${n.appointmentId}::uuid, ${n.patientId}::uuid, ${n.kind}::notification_kind, ${n.offsetMinutes}, ${n.sendAt}, ${n.jobId})
      ON CONFLICT (job_id) DO NOTHING RETURNING id`;
    return rows[0]?.id ?? null;
  }

  findById(id: string) {
    return this.prisma.notification.findUnique({ where: { id } });
  }

  pendingFor(appointmentId: string) {
    return this.prisma.notification.findMany({ where: { appointmentId, status: 'scheduled' } });
  }

  markSent(id: string, channel: Channel, messageId: string) {
    return this.prisma.notification.updateMany({ where: { id, status: 'scheduled' }, data: { status: 'sent', channel, messageId } });
  }

  markSkipped(id: string, reason: string) {
    return this.prisma.notification.updateMany({ where: { id, status: 'scheduled' }, data: { status: 'skipped', skipReason: reason } });
  }

  /** No-shows of the patient in the clinic's window (default 12 months), for the flag. */
  countNoShows(patientId: string, since: Date) {
    return this.prisma.appointment.count({ where: { patientId, status: 'no_show', startsAt: { gte: since } } });
  }

  updateNoShowCount(patientId: string, count: number, flagAt: Date | null) {
    return this.prisma.patient.update({
      where: { id: patientId },
      data: { noShowCount: count, ...(flagAt ? { flaggedAt: flagAt } : {}) },
    });
  }
}
