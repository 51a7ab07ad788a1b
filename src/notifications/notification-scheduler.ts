import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppointmentRepository } from '../booking/appointment.repository.js';
import { Clock } from '../common/clock.js';
import { PrismaService } from '../database/prisma.service.js';
import type { NotificationKind } from '../generated/prisma/enums.js';
import { type AppointmentEventJobData, QUEUES } from '../queue/queues.js';
import { NotificationRepository } from './notification.repository.js';
import { noShowCheckAt, noShowJobId, notificationJobId, planNotifications } from './reminder-plan.js';
import { NO_SHOW_CHECK_JOB, type NoShowCheckJobData } from './no-show-check.job.js';
import { SEND_NOTIFICATION_JOB, type SendNotificationJobData } from './send-notification.job.js';

/**
 * Turns booking events into scheduled messages: on booking, a confirmation now and reminders at the
 * clinic's offsets, plus the no-show check; on reschedule, the old appointment's pending messages are
 * dropped and the new one is scheduled; on cancellation, pending messages are dropped and a notice
 * goes out (unless the patient cancelled in the chat, where the bot already said so). Every job id is
 * derived from the appointment, so an event delivered twice schedules once.
 */
@Injectable()
export class NotificationScheduler {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly appointments: AppointmentRepository,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue<SendNotificationJobData | NoShowCheckJobData>,
  ) {}

  async handle(event: AppointmentEventJobData): Promise<void> {
    switch (event.eventType) {
      case 'appointment.booked':
        return this.scheduleFor(event.appointmentId, 'confirmation', event.payload.source !== 'whatsapp' && event.payload.source !== 'sms');
      case 'appointment.rescheduled': {
        const from = event.payload.fromAppointmentId as string | undefined;
        if (from) await this.dropPending(from, 'appointment moved');
        return this.scheduleFor(event.appointmentId, 'reschedule_confirmation', !String(event.payload.actor ?? '').startsWith('patient'));
      }
      case 'appointment.cancelled': {
        await this.dropPending(event.appointmentId, 'appointment cancelled');
        await this.queue.remove(noShowJobId(event.appointmentId));
        if (String(event.payload.actor ?? '').startsWith('patient')) return;
        return this.scheduleOne(event.appointmentId, 'cancellation_notice', null, this.clock.now());
      }
      case 'appointment.status_changed':
        return;
    }
  }

  /**
   * Chat bookings are confirmed by the bot in the conversation itself, so the immediate confirmation
   * is only sent for bookings made elsewhere (console, walk-in, API); reminders go to everyone.
   */
  private async scheduleFor(appointmentId: string, first: 'confirmation' | 'reschedule_confirmation', sendFirst: boolean): Promise<void> {
    const appointment = await this.appointments.findById(appointmentId);
    if (!appointment || !['confirmed', 'requested', 'payment_pending'].includes(appointment.status)) return;
    const clinic = await this.prisma.clinic.findUniqueOrThrow({ where: { id: appointment.clinicId } });
    const now = this.clock.now();
    for (const planned of planNotifications(appointment.startsAt, clinic.reminderOffsetsMinutes, now, first)) {
      if (planned.kind !== 'reminder' && !sendFirst) continue;
      await this.scheduleOne(appointmentId, planned.kind, planned.offsetMinutes, planned.sendAt, appointment);
    }
    const checkAt = noShowCheckAt(appointment.startsAt);
    await this.queue.add(NO_SHOW_CHECK_JOB, { appointmentId }, { jobId: noShowJobId(appointmentId), delay: Math.max(0, +checkAt - +now) });
  }

  private async scheduleOne(appointmentId: string, kind: NotificationKind, offsetMinutes: number | null, sendAt: Date,
    known?: { clinicId: string; patientId: string }): Promise<void> {
    const appointment = known ?? await this.appointments.findById(appointmentId);
    if (!appointment) return;
    const jobId = notificationJobId(appointmentId, kind, offsetMinutes);
    const id = await this.notifications.createIfAbsent({ clinicId: appointment.clinicId, appointmentId, patientId: appointment.patientId, kind, offsetMinutes, sendAt, jobId });
    // Also (re)add the job when the row existed: the first delivery may have died between the two.
    const notificationId = id ?? (await this.prisma.notification.findUniqueOrThrow({ where: { jobId } })).id;
    await this.queue.add(SEND_NOTIFICATION_JOB, { notificationId }, { jobId, delay: Math.max(0, +sendAt - +this.clock.now()) });
  }

  private async dropPending(appointmentId: string, reason: string): Promise<void> {
    for (const pending of await this.notifications.pendingFor(appointmentId)) {
      await this.queue.remove(pending.jobId);
      await this.notifications.markSkipped(pending.id, reason);
    }
  }
}
