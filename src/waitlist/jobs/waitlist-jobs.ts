import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../../common/clock.js';
import { type AppointmentEventJobData, QUEUES } from '../../queue/queues.js';

export const SLOT_OPENED_JOB = 'waitlist-slot-opened';
export const OFFER_EXPIRY_JOB = 'waitlist-offer-expiry';

/** A booking event that may have freed a slot (a cancellation, or the old time of a move). */
export type SlotOpenedJobData = AppointmentEventJobData;
export interface OfferExpiryJobData { offerId: string }

/** Events that free a slot someone on the waitlist may want. */
const FREEING_EVENTS: ReadonlySet<string> = new Set(['appointment.cancelled', 'appointment.rescheduled']);

export const slotOpenedJobId = (outboxId: string): string => `waitlist-slot-opened-${outboxId}`;
export const offerExpiryJobId = (offerId: string): string => `waitlist-offer-expiry-${offerId}`;
/** Passing an offer on early (declined, booking failed) when its expiry job can no longer be promoted. */
export const offerPassOnJobId = (offerId: string): string => `waitlist-offer-passon-${offerId}`;

/**
 * Puts waitlist work on its BullMQ queue. Job ids derive from the outbox event or the offer, so an
 * event delivered twice, or an offer scheduled twice, is one job; delayed jobs live in Redis and
 * survive restarts.
 */
@Injectable()
export class WaitlistJobs {
  constructor(@InjectQueue(QUEUES.waitlist) private readonly queue: Queue, private readonly clock: Clock) {}

  /** Called for every booking event; only cancellations and moves are of interest. */
  async appointmentEvent(event: AppointmentEventJobData): Promise<void> {
    if (!FREEING_EVENTS.has(event.eventType)) return;
    await this.queue.add(SLOT_OPENED_JOB, event, { jobId: slotOpenedJobId(event.outboxId) });
  }

  /** The offer's claim window ends at `expiresAt`: then it expires and the slot goes to the next patient. */
  async scheduleExpiry(offerId: string, expiresAt: Date): Promise<void> {
    const data: OfferExpiryJobData = { offerId };
    await this.queue.add(OFFER_EXPIRY_JOB, data, { jobId: offerExpiryJobId(offerId), delay: Math.max(0, +expiresAt - +this.clock.now()) });
  }

  /** The offer closed before its window ended: run its expiry job now, which passes the slot on. */
  async passOnNow(offerId: string): Promise<void> {
    const job = await this.queue.getJob(offerExpiryJobId(offerId));
    if (job && (await job.isDelayed())) {
      await job.promote();
      return;
    }
    const data: OfferExpiryJobData = { offerId };
    await this.queue.add(OFFER_EXPIRY_JOB, data, { jobId: offerPassOnJobId(offerId) });
  }

  /** An offer that never reached the patient needs no expiry. */
  async cancelExpiry(offerId: string): Promise<void> {
    await this.queue.remove(offerExpiryJobId(offerId));
  }
}
