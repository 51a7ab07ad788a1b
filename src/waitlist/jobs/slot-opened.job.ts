import { Injectable } from '@nestjs/common';
import { AppointmentRepository } from '../../booking/appointment.repository.js';
import type { WaitlistOffer } from '../../generated/prisma/client.js';
import { type Opening, WaitlistOfferService } from '../waitlist-offer.service.js';
import type { SlotOpenedJobData } from './waitlist-jobs.js';

/**
 * A booking event that frees time: a cancellation frees the appointment's slot, a move frees the old
 * one. The freed slot is offered to the first suitable patient on the waitlist.
 */
@Injectable()
export class SlotOpenedJob {
  constructor(private readonly appointments: AppointmentRepository, private readonly offers: WaitlistOfferService) {}

  async run(event: SlotOpenedJobData): Promise<WaitlistOffer | null> {
    const opening = await this.openingOf(event);
    return opening ? this.offers.offerOpening(opening) : null;
  }

  private async openingOf(event: SlotOpenedJobData): Promise<Opening | null> {
    const freedAt = new Date(event.occurredAt);
    if (event.eventType === 'appointment.cancelled') {
      const p = event.payload as { clinicId: string; serviceId: string; providerId: string; locationId: string | null; startsAt: string };
      return {
        clinicId: p.clinicId, serviceId: p.serviceId, providerId: p.providerId, locationId: p.locationId, start: new Date(p.startsAt),
        freedAt, trigger: 'cancellation', freedByAppointmentId: event.appointmentId,
      };
    }
    if (event.eventType === 'appointment.rescheduled') {
      const fromId = event.payload.fromAppointmentId as string | undefined;
      const old = fromId ? await this.appointments.findById(fromId) : null;
      if (!old) return null;
      return {
        clinicId: old.clinicId, serviceId: old.serviceId, providerId: old.providerId, locationId: old.locationId, start: old.startsAt,
        freedAt, trigger: 'reschedule', freedByAppointmentId: old.id,
      };
    }
    return null;
  }
}
