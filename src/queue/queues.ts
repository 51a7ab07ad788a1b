/**
 * Every BullMQ queue of the app and the job names each carries. Workers check at start-up that
 * every job name here has a handler (see queue-wiring.ts), so a job can never sit unprocessed
 * because nobody registered for it.
 */
export const QUEUES = {
  /** Booking events relayed from the outbox (appointment.booked|rescheduled|cancelled|status_changed), one job per relay pass: `appointment-event-batch`. */
  appointmentEvents: 'appointment-events',
  /** Outbound messages per channel (src/channels/outbound): job `send-message`, id `send:<messageId>`. */
  outboundSms: 'outbound-sms',
  outboundWhatsapp: 'outbound-whatsapp',
  /** Confirmations, reminders, notices (`send-notification`) and no-show checks (`no-show-check`), mostly delayed. */
  notifications: 'notifications',
  /** Inbound turns to process after a webhook stored the message: job `process-conversation`. */
  inboundTurns: 'inbound-turns',
  /** Freed slots to offer (`waitlist-slot-opened`), hours staff added (`waitlist-new-hours`, relayed from the outbox) and offers whose claim window ends (`waitlist-offer-expiry`), see src/waitlist. */
  waitlist: 'waitlist',
  /** Hourly `roll-up-reports`: daily report rollups of closed and dirty days (src/reports/rollups). */
  reports: 'reports',
} as const;

export const APPOINTMENT_EVENT_TYPES = ['appointment.booked', 'appointment.rescheduled', 'appointment.cancelled', 'appointment.status_changed'] as const;
export type AppointmentEventType = (typeof APPOINTMENT_EVENT_TYPES)[number];

/** One booking event as the appointment-events worker handles it. */
export interface AppointmentEventJobData {
  outboxId: string;
  clinicId: string | null;
  appointmentId: string;
  eventType: AppointmentEventType;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/**
 * The relay's job: the booking events of one relay pass, in outbox order. One job per pass rather
 * than per event: a BullMQ job costs Redis a script run to add and two more to take and finish,
 * which under load cost more than the events' own work (bench/booking measured it).
 */
export const APPOINTMENT_EVENT_BATCH_JOB = 'appointment-event-batch';
export interface AppointmentEventBatchJobData { events: AppointmentEventJobData[] }
