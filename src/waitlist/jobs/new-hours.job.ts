import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AvailabilityService } from '../../availability/availability.service.js';
import type { Slot } from '../../availability/engine/index.js';
import { Clock } from '../../common/clock.js';
import { ValidationError } from '../../common/errors.js';
import { dateColumnToLocal } from '../../common/local-time.js';
import type { WaitlistEntry } from '../../generated/prisma/client.js';
import type { HoursAdded, NewHoursJobData } from '../../outbox/hours-added.event.js';
import { PatientService } from '../../patients/patient.service.js';
import { WaitlistOfferService } from '../waitlist-offer.service.js';
import { WaitlistRepository } from '../waitlist.repository.js';

/** One schedule edit offers at most this many times (each is a hold for the claim window). */
const MAX_OFFERS = 20;
/** A bound on entries looked at, including those with no free time or whose patient cannot be offered it. */
const MAX_ROUNDS = 60;
/** The slot search answers at most 62 days at a time. */
const SEARCH_DAYS = 62;

/**
 * Staff added hours (a new or widened weekly rule, extra hours, a lifted closure or staff block).
 * The most urgent waiting entry that could use them gets its earliest free time in its own dates —
 * from the same availability the chat shows, so bookings and live holds are busy — and that time goes
 * through the usual offer (offerOpening picks the best patient for it, holds it, says it). Repeated
 * until nobody else can be offered anything, within bounds. Holds make each next search skip the
 * times already offered; a patient with a live offer is never looked at again.
 */
@Injectable()
export class NewHoursJob {
  private readonly logger = new Logger(NewHoursJob.name);

  constructor(
    private readonly entries: WaitlistRepository,
    private readonly offers: WaitlistOfferService,
    private readonly availability: AvailabilityService,
    private readonly patients: PatientService,
    private readonly clock: Clock,
  ) {}

  async run(data: NewHoursJobData): Promise<{ offers: number }> {
    const freedAt = new Date(data.occurredAt);
    // Entry dates are local; a day's slack here, the slot search clamps to the clinic's today.
    const notBefore = DateTime.fromJSDate(this.clock.now(), { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
    const done = new Set<string>();
    let offers = 0;
    for (let round = 0; round < MAX_ROUNDS && offers < MAX_OFFERS; round++) {
      const entry = await this.entries.nextWaitingForHours(data.clinicId, data.hours, notBefore, [...done]);
      if (!entry) break;
      const slot = await this.earliestFreeSlot(entry, data.hours);
      if (!slot) {
        done.add(entry.id);
        continue;
      }
      const offer = await this.offers.offerOpening({
        clinicId: data.clinicId, serviceId: entry.serviceId, providerId: slot.providerId, locationId: slot.locationId, start: new Date(slot.start),
        freedAt, trigger: 'new_hours', freedByAppointmentId: null,
      });
      if (offer) offers++;
      // When a more suitable patient got that time, this entry gets another look (its next free time).
      if (!offer || offer.entryId === entry.id) done.add(entry.id);
    }
    this.logger.log({ outboxId: data.outboxId, providerId: data.hours.providerId, offers }, 'new hours offered from the waitlist');
    return { offers };
  }

  /** The entry's earliest bookable time within its dates, the added hours' dates and the bookable window. */
  private async earliestFreeSlot(entry: WaitlistEntry, hours: HoursAdded): Promise<Slot | null> {
    const service = await this.availability.getService(entry.serviceId);
    const zone = service.clinic.timezone;
    const today = DateTime.fromJSDate(this.clock.now(), { zone });
    const lastBookable = today.plus({ days: service.maxAdvanceDays ?? service.clinic.maxAdvanceDays }).toISODate()!;
    const from = latest(dateColumnToLocal(entry.earliestDate), hours.from, today.toISODate()!);
    const to = earliest(dateColumnToLocal(entry.latestDate), hours.to, lastBookable);
    const isNewPatient = await this.patients.isNew(entry.patientId);
    for (let chunkFrom = from; chunkFrom <= to;) {
      const chunkTo = earliest(to, DateTime.fromISO(chunkFrom).plus({ days: SEARCH_DAYS - 1 }).toISODate()!);
      try {
        const { slots } = await this.availability.search({
          serviceId: entry.serviceId, providerId: hours.providerId ?? entry.providerId ?? undefined, locationId: hours.locationId ?? entry.locationId ?? undefined,
          from: chunkFrom, to: chunkTo, limit: 1, isNewPatient, freshSchedule: true,
        });
        if (slots[0]) return slots[0];
      } catch (error) {
        // The provider no longer offers the service, or it was retired: nothing to offer.
        if (error instanceof ValidationError) return null;
        throw error;
      }
      chunkFrom = DateTime.fromISO(chunkTo).plus({ days: 1 }).toISODate()!;
    }
    return null;
  }
}

const latest = (...dates: (string | null)[]): string => dates.filter((d): d is string => d !== null).sort().at(-1)!;
const earliest = (...dates: (string | null)[]): string => dates.filter((d): d is string => d !== null).sort()[0]!;
