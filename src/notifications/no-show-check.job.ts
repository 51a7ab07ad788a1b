import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppointmentRepository } from '../booking/appointment.repository.js';
import { BookingService } from '../booking/booking.service.js';
import { Clock } from '../common/clock.js';
import { PrismaService } from '../database/prisma.service.js';
import { NotificationRepository } from './notification.repository.js';
import { QUEUES } from '../queue/queues.js';
import { NO_SHOW_GRACE_MINUTES, notificationJobId } from './reminder-plan.js';
import { SEND_NOTIFICATION_JOB, type SendNotificationJobData } from './send-notification.job.js';

export const NO_SHOW_CHECK_JOB = 'no-show-check';
export interface NoShowCheckJobData { appointmentId: string }

/**
 * Fifteen minutes after the start, an appointment nobody checked in becomes a no-show (staff can
 * reverse it). The patient's no-show count over the clinic's window is recomputed; above the clinic's
 * threshold the patient is flagged, and their next chat bookings wait for staff approval. The
 * patient gets a follow-up offering to rebook.
 */
@Injectable()
export class NoShowCheckJob {
  private readonly logger = new Logger(NoShowCheckJob.name);

  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly booking: BookingService,
    private readonly notifications: NotificationRepository,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue<SendNotificationJobData>,
  ) {}

  async run(data: NoShowCheckJobData): Promise<'no_show' | 'attended' | 'not_due'> {
    const appointment = await this.appointments.findById(data.appointmentId);
    const now = this.clock.now();
    if (!appointment || appointment.status !== 'confirmed') return 'attended';
    if (+now < +appointment.startsAt + NO_SHOW_GRACE_MINUTES * 60_000) return 'not_due';
    await this.booking.changeStatus(appointment.id, 'no_show', { actor: { type: 'system', id: 'no-show-check' }, reason: `Not checked in ${NO_SHOW_GRACE_MINUTES} minutes after the start` });
    const clinic = await this.prisma.clinic.findUniqueOrThrow({ where: { id: appointment.clinicId } });
    const since = new Date(now);
    since.setUTCMonth(since.getUTCMonth() - clinic.noShowWindowMonths);
    const count = await this.notifications.countNoShows(appointment.patientId, since);
    const patient = await this.prisma.patient.findUniqueOrThrow({ where: { id: appointment.patientId } });
    const flag = count > clinic.noShowThreshold && !patient.flaggedAt ? now : null;
    await this.notifications.updateNoShowCount(appointment.patientId, count, flag);
    if (flag) this.logger.log({ patientId: appointment.patientId, count }, 'patient flagged for no-shows');
    const jobId = notificationJobId(appointment.id, 'no_show_followup', null);
    await this.notifications.createIfAbsent({
      clinicId: appointment.clinicId, appointmentId: appointment.id, patientId: appointment.patientId, kind: 'no_show_followup', offsetMinutes: null, sendAt: now, jobId,
    });
    const followUp = await this.prisma.notification.findUniqueOrThrow({ where: { jobId } });
    await this.queue.add(SEND_NOTIFICATION_JOB, { notificationId: followUp.id }, { jobId });
    return 'no_show';
  }
}
