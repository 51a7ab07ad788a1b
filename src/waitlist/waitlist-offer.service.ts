import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { PolicyViolationError, SlotTakenError } from '../booking/booking.errors.js';
import { HoldService } from '../booking/hold.service.js';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/errors.js';
import { ConversationRuntime } from '../conversation/conversation.runtime.js';
import type { WaitlistOfferSummary } from '../conversation/dialog/index.js';
import type { WaitlistEntry, WaitlistOffer } from '../generated/prisma/client.js';
import { NotificationSender } from '../notifications/notification-sender.js';
import { PatientService } from '../patients/patient.service.js';
import { WaitlistJobs } from './jobs/waitlist-jobs.js';
import { EntryNotWaitingError } from './waitlist.errors.js';
import { type OfferTrigger, WaitlistOfferRepository } from './waitlist-offer.repository.js';
import { type OpenSlot, WaitlistRepository } from './waitlist.repository.js';

/** A time that became free, to be offered from the waitlist. */
export interface Opening {
  clinicId: string;
  serviceId: string;
  providerId: string;
  locationId: string | null;
  start: Date;
  freedAt: Date;
  trigger: OfferTrigger;
  freedByAppointmentId: string | null;
}

type Attempt = { kind: 'offered'; offer: WaitlistOffer } | { kind: 'slot_gone'; reason: string } | { kind: 'skip'; reason: string };

/** Refusals that depend on the patient, not the slot: the next patient may still take it. */
const PATIENT_SPECIFIC_RULES = new Set(['new_patients_only']);
/** A bound on how many unsuitable patients one opening looks past (each costs a hold attempt). */
const MAX_CANDIDATES = 50;

/**
 * Offers freed slots to waiting patients, one at a time. For each opening the best matching entry
 * (urgency, then who joined first; see WaitlistRepository.nextCandidate) gets a Redis hold on the slot
 * for the clinic's claim window, an offer row, a delayed expiry job, and the offer in their
 * conversation. The hold, and the database's one-pending-offer-per-slot index, mean no two patients
 * are ever offered the same time at once; the appointments' EXCLUDE constraint means no two book it.
 */
@Injectable()
export class WaitlistOfferService {
  private readonly logger = new Logger(WaitlistOfferService.name);

  constructor(
    private readonly entries: WaitlistRepository,
    private readonly offers: WaitlistOfferRepository,
    private readonly holds: HoldService,
    private readonly patients: PatientService,
    private readonly sender: NotificationSender,
    private readonly runtime: ConversationRuntime,
    private readonly jobs: WaitlistJobs,
    private readonly clock: Clock,
  ) {}

  /** Offers the opening to the first suitable patient; null when nobody suitable is waiting or the time is gone. */
  async offerOpening(opening: Opening): Promise<WaitlistOffer | null> {
    if (+opening.start <= +this.clock.now()) return null;
    const names = await this.entries.slotNames(opening.providerId, opening.serviceId, opening.locationId);
    const zone = names.location?.timezone ?? names.clinic.timezone;
    const slot: OpenSlot = {
      clinicId: opening.clinicId, serviceId: opening.serviceId, providerId: opening.providerId, locationId: opening.locationId,
      start: opening.start, end: new Date(+opening.start + names.service.durationMinutes * 60_000),
      localDate: DateTime.fromJSDate(opening.start, { zone }).toISODate()!,
    };
    const skipped: string[] = [];
    for (let i = 0; i < MAX_CANDIDATES; i++) {
      const entry = await this.entries.nextCandidate(slot, skipped);
      if (!entry) return null;
      const attempt = await this.offerTo(entry, opening, 'system');
      if (attempt.kind === 'offered') return attempt.offer;
      if (attempt.kind === 'slot_gone') {
        this.logger.log({ providerId: opening.providerId, start: opening.start.toISOString(), reason: attempt.reason }, 'freed slot not offered');
        return null;
      }
      skipped.push(entry.id);
    }
    return null;
  }

  /** A receptionist offers a chosen time to a chosen waiting patient. */
  async offerDirectly(entryId: string, clinicId: string, slot: { providerId: string; start: Date }, staffId: string): Promise<WaitlistOffer> {
    const entry = await this.entries.findById(entryId);
    if (!entry || entry.clinicId !== clinicId) throw new NotFoundError('Waitlist entry');
    if (entry.status !== 'waiting') throw new EntryNotWaitingError(entry.status);
    const opening: Opening = {
      clinicId, serviceId: entry.serviceId, providerId: slot.providerId, locationId: entry.locationId, start: slot.start,
      freedAt: this.clock.now(), trigger: 'staff', freedByAppointmentId: null,
    };
    const attempt = await this.offerTo(entry, opening, `staff:${staffId}`, true);
    if (attempt.kind !== 'offered') throw new PolicyViolationError('patient_unreachable', 'The patient cannot be reached on any channel (opted out, or staff have their conversation).');
    return attempt.offer;
  }

  /** Hold, record, schedule the expiry, deliver. `strict` lets booking errors reach a staff caller. */
  private async offerTo(entry: WaitlistEntry, opening: Opening, offeredBy: string, strict = false): Promise<Attempt> {
    let names = await this.entries.slotNames(opening.providerId, entry.serviceId, opening.locationId);
    let hold;
    try {
      hold = await this.holds.place({
        serviceId: entry.serviceId, providerId: opening.providerId, start: opening.start, holder: `waitlist-${entry.id}`,
        isNewPatient: await this.patients.isNew(entry.patientId), ttlSeconds: names.clinic.waitlistClaimMinutes * 60,
      });
    } catch (error) {
      if (strict) throw error;
      if (error instanceof SlotTakenError) return { kind: 'slot_gone', reason: 'taken' };
      if (error instanceof PolicyViolationError) return PATIENT_SPECIFIC_RULES.has(error.rule) ? { kind: 'skip', reason: error.rule } : { kind: 'slot_gone', reason: error.rule };
      throw error;
    }
    // Where the slot is, as the availability check placed it (a staff offer names no location).
    if (hold.locationId !== opening.locationId) names = await this.entries.slotNames(opening.providerId, entry.serviceId, hold.locationId);
    const offer = await this.offers.create({
      clinicId: opening.clinicId, entryId: entry.id, patientId: entry.patientId, serviceId: entry.serviceId, providerId: opening.providerId,
      locationId: hold.locationId, slotStart: opening.start, slotEnd: new Date(+opening.start + names.service.durationMinutes * 60_000),
      slotFreedAt: opening.freedAt, trigger: opening.trigger, freedByAppointmentId: opening.freedByAppointmentId,
      offeredAt: this.clock.now(), expiresAt: new Date(hold.expiresAt), holdToken: hold.token, offeredBy,
    });
    if (!offer) {
      await this.holds.release(hold.providerId, hold.token);
      if (strict) throw new EntryNotWaitingError('offered');
      return { kind: 'slot_gone', reason: 'offered to someone else' };
    }
    // Scheduled before the message goes out, so a crash in between still ends the offer on time.
    await this.jobs.scheduleExpiry(offer.id, offer.expiresAt);
    if (await this.deliver(offer, names)) {
      this.logger.log({ offerId: offer.id, entryId: entry.id, providerId: offer.providerId }, 'waitlist slot offered');
      return { kind: 'offered', offer };
    }
    await this.offers.close(offer.id, 'pending', 'withdrawn', this.clock.now());
    await this.holds.release(hold.providerId, hold.token);
    await this.jobs.cancelExpiry(offer.id);
    return { kind: 'skip', reason: 'unreachable' };
  }

  /** The offer goes into the patient's conversation as a dialog event, so their "yes" or "no" answers it. */
  private async deliver(offer: WaitlistOffer, names: Awaited<ReturnType<WaitlistRepository['slotNames']>>): Promise<boolean> {
    const patient = await this.patients.findById(offer.patientId);
    if (!patient) return false;
    const reach = await this.sender.reach(patient);
    if (!reach.reachable) return false;
    const language = patient.language === 'es' ? 'es' : 'en';
    const location = names.location;
    const summary: WaitlistOfferSummary = {
      offerId: offer.id, start: +offer.slotStart, end: +offer.slotEnd, timezone: location?.timezone ?? names.clinic.timezone,
      providerId: offer.providerId, providerName: names.provider.name, providerShortName: names.provider.shortName,
      locationId: location?.id ?? null, locationName: location?.name ?? null, locationAddress: location?.address ?? null,
      serviceId: offer.serviceId, serviceName: language === 'es' && names.service.nameEs ? names.service.nameEs : names.service.name,
      expiresAt: +offer.expiresAt, claimMinutes: Math.round((+offer.expiresAt - +offer.offeredAt) / 60_000),
    };
    const { replyIds } = await this.runtime.notifyDialog(reach.conversationId, { type: 'WAITLIST_OFFER', offer: summary, language }, { purpose: { kind: 'waitlist_offer', offerId: offer.id } });
    if (replyIds.length === 0) return false;
    await this.offers.setDelivery(offer.id, reach.conversationId, replyIds[0]!);
    return true;
  }
}
