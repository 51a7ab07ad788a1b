import { Injectable, Logger } from '@nestjs/common';
import type { AppointmentWithNames } from '../booking/appointment.repository.js';
import { BookingService } from '../booking/booking.service.js';
import { HoldService } from '../booking/hold.service.js';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/errors.js';
import type { Channel } from '../generated/prisma/enums.js';
import { WaitlistJobs } from './jobs/waitlist-jobs.js';
import { OfferClosedError } from './waitlist.errors.js';
import { WaitlistOfferRepository } from './waitlist-offer.repository.js';

/**
 * The patient's answer to a waitlist offer. "Yes" first claims the offer (only a pending offer inside
 * its window can be claimed, and only once), then books through the normal booking path with the
 * offer's hold; "no" closes it. Either way a slot that is still free goes on to the next patient.
 */
@Injectable()
export class WaitlistClaimService {
  private readonly logger = new Logger(WaitlistClaimService.name);

  constructor(
    private readonly offers: WaitlistOfferRepository,
    private readonly booking: BookingService,
    private readonly holds: HoldService,
    private readonly jobs: WaitlistJobs,
    private readonly clock: Clock,
  ) {}

  async accept(offerId: string, patientId: string, source: Channel): Promise<AppointmentWithNames> {
    const offer = await this.ownOffer(offerId, patientId);
    // A repeated "yes" after an accepted claim books again with the same idempotency key: the booking
    // made the first time is returned, never a second one.
    if (!(await this.offers.claim(offer.id, this.clock.now())) && (await this.offers.findById(offer.id))?.outcome !== 'accepted') {
      throw new OfferClosedError();
    }
    let appointment: AppointmentWithNames;
    try {
      ({ appointment } = await this.booking.book({
        serviceId: offer.serviceId, providerId: offer.providerId, start: offer.slotStart, locationId: offer.locationId, patientId, source,
        actor: { type: 'patient', id: patientId }, holdToken: offer.holdToken, idempotencyKey: `waitlist-offer-${offer.id}`,
      }));
    } catch (error) {
      this.logger.warn({ offerId: offer.id, err: (error as Error).message }, 'accepted waitlist offer could not be booked; passing it on');
      await this.offers.close(offer.id, 'accepted', 'booking_failed', this.clock.now());
      await this.jobs.passOnNow(offer.id);
      throw error;
    }
    const { withdrawnOffers } = await this.offers.recordBooked(offer.id, appointment.id, this.clock.now());
    // Offers made to the patient's other, now removed, entries free their slots for someone else.
    for (const withdrawn of withdrawnOffers) {
      if (withdrawn.holdToken) await this.holds.release(withdrawn.providerId, withdrawn.holdToken);
      await this.jobs.passOnNow(withdrawn.id);
    }
    this.logger.log({ offerId: offer.id, appointmentId: appointment.id }, 'waitlist offer accepted');
    return appointment;
  }

  async decline(offerId: string, patientId: string): Promise<void> {
    const offer = await this.ownOffer(offerId, patientId);
    if (!(await this.offers.close(offer.id, 'pending', 'declined', this.clock.now()))) return;
    if (offer.holdToken) await this.holds.release(offer.providerId, offer.holdToken);
    await this.jobs.passOnNow(offer.id);
    this.logger.log({ offerId: offer.id }, 'waitlist offer declined');
  }

  /** Patients may only answer their own offers. */
  private async ownOffer(offerId: string, patientId: string) {
    const offer = await this.offers.findById(offerId);
    if (!offer || offer.patientId !== patientId) throw new NotFoundError('Waitlist offer');
    return offer;
  }
}
