import type { PendingEvent } from './outbox.repository.js';

/**
 * A staff edit of weekly hours or a dated exception that may have added bookable time
 * (src/staff/schedules/hours-added.ts decides). Written to the outbox in the edit's transaction and
 * relayed straight to the `waitlist` queue, its only consumer (src/waitlist/jobs/new-hours.job.ts).
 */
export const HOURS_ADDED_EVENT = 'schedule.hours_added';
export const NEW_HOURS_JOB = 'waitlist-new-hours';

/** Whose time, where, for which services and between which local dates it may have grown. */
export interface HoursAdded {
  /** null: every provider (a clinic- or location-wide closure was lifted). */
  providerId: string | null;
  /** null: no single location (telehealth hours, or a closure of every location was lifted). */
  locationId: string | null;
  /** Empty: every service the provider offers. */
  serviceIds: string[];
  /** Inclusive local dates (YYYY-MM-DD); null = open-ended (a weekly rule without validity dates). */
  from: string | null;
  to: string | null;
}

export interface NewHoursJobData {
  outboxId: string;
  clinicId: string;
  hours: HoursAdded;
  /** When the schedule changed: the offers' `slot_freed_at`. */
  occurredAt: string;
}

/** One job per outbox event, so an event relayed twice is offered from once. */
export const newHoursJobId = (outboxId: string): string => `waitlist-new-hours-${outboxId}`;

export function toNewHoursJob(event: PendingEvent): NewHoursJobData {
  const payload = event.payload as { clinicId: string; hours: HoursAdded };
  return { outboxId: String(event.id), clinicId: payload.clinicId, hours: payload.hours, occurredAt: event.createdAt.toISOString() };
}
