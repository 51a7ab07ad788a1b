import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppointmentRepository } from '../booking/appointment.repository.js';
import { NOTIFICATION_PURPOSE } from '../channels/templates/message-purpose.js';
import { ConversationRuntime } from '../conversation/conversation.runtime.js';
import { PrismaService } from '../database/prisma.service.js';
import { NotificationRepository } from './notification.repository.js';
import { notificationReply } from './content.js';
import { NotificationFactsBuilder } from './notification-facts.js';
import { NotificationSender } from './notification-sender.js';

export const SEND_NOTIFICATION_JOB = 'send-notification';
export interface SendNotificationJobData { notificationId: string }

const ACTIVE = ['confirmed', 'requested', 'payment_pending'];

/**
 * Sends one notification when it is due. It re-checks everything first — the appointment may have
 * been cancelled or moved since it was scheduled, the patient may have opted out — and records why
 * it sent nothing. Errors propagate so BullMQ retries with backoff.
 */
@Injectable()
export class SendNotificationJob {
  private readonly logger = new Logger(SendNotificationJob.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly appointments: AppointmentRepository,
    private readonly prisma: PrismaService,
    private readonly facts: NotificationFactsBuilder,
    private readonly sender: NotificationSender,
    private readonly runtime: ConversationRuntime,
    private readonly clock: Clock,
  ) {}

  async run(data: SendNotificationJobData): Promise<'sent' | 'skipped' | 'done'> {
    const notification = await this.notifications.findById(data.notificationId);
    if (!notification || notification.status !== 'scheduled') return 'done';
    const appointment = await this.appointments.findById(notification.appointmentId);
    const skip = async (reason: string) => {
      await this.notifications.markSkipped(notification.id, reason);
      this.logger.log({ notificationId: notification.id, reason }, 'notification skipped');
      return 'skipped' as const;
    };
    if (!appointment) return skip('appointment not found');
    if (notification.kind === 'cancellation_notice' ? appointment.status !== 'cancelled'
      : notification.kind === 'no_show_followup' ? appointment.status !== 'no_show'
        : !ACTIVE.includes(appointment.status)) {
      return skip(`appointment is ${appointment.status.replace('_', ' ')}`);
    }
    // A reminder that could not go in time (a queue backlog, jobs restored after Redis lost them) is not sent after the start.
    if (notification.kind === 'reminder' && +appointment.startsAt <= +this.clock.now()) return skip('the appointment has already started');
    const [patient, clinic] = await Promise.all([
      this.prisma.patient.findUniqueOrThrow({ where: { id: appointment.patientId } }),
      this.prisma.clinic.findUniqueOrThrow({ where: { id: appointment.clinicId } }),
    ]);
    const facts = this.facts.build(appointment, clinic);
    const reply = notificationReply(notification.kind, facts, patient.language === 'es' ? 'es' : 'en');
    const outcome = await this.sender.send(patient, reply, { kind: NOTIFICATION_PURPOSE[notification.kind], appointmentId: appointment.id, notificationId: notification.id });
    if (!outcome.sent) return skip(outcome.reason);
    // Handed to the channel; if it then cannot go (outside WhatsApp's window without a template, an
    // opt-out since) the send job marks this notification skipped, before or after this line.
    await this.notifications.markSent(notification.id, outcome.channel, outcome.messageId);
    // The patient's answer ("1", "yes", "sí", "cancel my appointment") now refers to this appointment.
    if (notification.kind === 'reminder') await this.runtime.notifyDialog(outcome.conversationId, { type: 'REMINDER_SENT', appointment: facts.appointment });
    return 'sent';
  }
}
