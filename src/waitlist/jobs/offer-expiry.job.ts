import { Injectable } from '@nestjs/common';
import { HoldService } from '../../booking/hold.service.js';
import { Clock } from '../../common/clock.js';
import { type OfferTrigger, PASSED_ON, WaitlistOfferRepository } from '../waitlist-offer.repository.js';
import { WaitlistOfferService } from '../waitlist-offer.service.js';
import type { OfferExpiryJobData } from './waitlist-jobs.js';

export type OfferExpiryOutcome =
  | { kind: 'not_due'; inMs: number }
  | { kind: 'answered' }
  | { kind: 'passed_on'; nextOfferId: string | null };

/**
 * The end of an offer's claim window (or an early end: declined, booking failed). A still pending
 * offer expires — unless the patient's "yes" got there first, which the conditional update decides —
 * its hold is released, and the slot goes to the next suitable patient. Running it twice is harmless:
 * a slot already offered to someone is held, so it is not offered again.
 */
@Injectable()
export class OfferExpiryJob {
  constructor(
    private readonly offers: WaitlistOfferRepository,
    private readonly waitlist: WaitlistOfferService,
    private readonly holds: HoldService,
    private readonly clock: Clock,
  ) {}

  async run(data: OfferExpiryJobData): Promise<OfferExpiryOutcome> {
    let offer = await this.offers.findById(data.offerId);
    if (!offer) return { kind: 'answered' };
    const now = this.clock.now();
    if (offer.outcome === 'pending') {
      if (+now < +offer.expiresAt) return { kind: 'not_due', inMs: +offer.expiresAt - +now };
      if (!(await this.offers.close(offer.id, 'pending', 'expired', now))) return { kind: 'answered' };
      if (offer.holdToken) await this.holds.release(offer.providerId, offer.holdToken);
      offer = { ...offer, outcome: 'expired' };
    }
    if (!PASSED_ON.includes(offer.outcome)) return { kind: 'answered' };
    const next = await this.waitlist.offerOpening({
      clinicId: offer.clinicId, serviceId: offer.serviceId, providerId: offer.providerId, locationId: offer.locationId, start: offer.slotStart,
      freedAt: offer.slotFreedAt, trigger: offer.trigger as OfferTrigger, freedByAppointmentId: offer.freedByAppointmentId,
    });
    return { kind: 'passed_on', nextOfferId: next?.id ?? null };
  }
}
