import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../audit/audit.repository.js';
import { AvailabilityService } from '../availability/availability.service.js';
import { AppointmentRepository, type AppointmentWithNames } from '../booking/appointment.repository.js';
import { HoldExpiredError, PolicyViolationError, SlotTakenError, type AlternativeSlot } from '../booking/booking.errors.js';
import { BookingService } from '../booking/booking.service.js';
import { HoldService } from '../booking/hold.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/errors.js';
import { LocalClockFormat } from '../common/local-clock-format.js';
import type { Channel } from '../generated/prisma/enums.js';
import type { Patient } from '../generated/prisma/client.js';
import { PatientService } from '../patients/patient.service.js';
import { WaitlistClaimService } from '../waitlist/waitlist-claim.service.js';
import { WaitlistRepository } from '../waitlist/waitlist.repository.js';
import { HoldExpiryNotices } from './hold-expiry-notices.js';
import type { AppointmentSummary, Effect, EffectResult, SlotOption } from './dialog/index.js';
import { type ClinicCatalog, TurnContextService } from './turn-context.service.js';

/** What an effect may change about the conversation itself; the runtime saves it with the turn. */
export interface ConversationChanges {
  patientId?: string;
  status?: 'active' | 'handoff';
  handoffAt?: Date | null;
  optedOutAt?: Date | null;
  language?: string;
}

export interface EffectScope {
  clinicId: string;
  conversationId: string;
  channel: Channel;
  /** The patient's phone (E.164), from the channel. */
  phone: string;
  patient: Patient | null;
  /** The conversation's language so far (a patient created now gets it). */
  language: string;
  changes: ConversationChanges;
}

const PART_OF_DAY: Record<'morning' | 'afternoon' | 'evening', [number, number]> = {
  morning: [0, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 24 * 60],
};

/**
 * Carries out what the dialog asks for, through the same services the HTTP API uses, and turns
 * their answers (and domain errors) into the dialog's EffectResults. It never throws for a domain
 * outcome; an unexpected error becomes `internal`, which the dialog answers with an apology.
 */
@Injectable()
export class EffectExecutor {
  private readonly logger = new Logger(EffectExecutor.name);

  constructor(
    private readonly availability: AvailabilityService,
    private readonly holds: HoldService,
    private readonly booking: BookingService,
    private readonly appointments: AppointmentRepository,
    private readonly patients: PatientService,
    private readonly waitlist: WaitlistRepository,
    private readonly waitlistClaims: WaitlistClaimService,
    private readonly holdExpiryNotices: HoldExpiryNotices,
    private readonly context: TurnContextService,
    private readonly clock: Clock,
  ) {}

  async execute(effect: Effect, scope: EffectScope): Promise<EffectResult> {
    try {
      return await this.run(effect, scope);
    } catch (error) {
      return this.failure(effect, error, scope);
    }
  }

  private async run(effect: Effect, scope: EffectScope): Promise<EffectResult> {
    const actor: Actor = { type: 'patient', id: scope.patient?.id ?? null };
    switch (effect.kind) {
      case 'searchSlots': {
        const c = effect.criteria;
        const result = await this.availability.search({
          serviceId: c.serviceId, providerId: c.providerId ?? undefined, locationId: c.locationId ?? undefined,
          from: c.fromDate, to: c.toDate, isNewPatient: await this.isNew(scope), holder: scope.conversationId,
          // Ask for more than needed: part-of-day and "after 2" filters apply to local times below.
          limit: Math.max(c.limit * 20, 200),
        });
        const catalog = await this.context.catalog(scope.clinicId);
        const slots = result.slots.filter((s) => fitsTimeOfDay(s.start, s.timezone, c.partOfDay, c.notBeforeMinutes)).slice(0, c.limit);
        return { id: effect.id, kind: 'searchSlots', ok: true, slots: slots.map((s) => toSlotOption(s, c.serviceId, catalog)) };
      }
      case 'placeHold': {
        if (effect.releaseToken) await this.holds.releaseToken(effect.releaseToken).catch(() => undefined);
        const hold = await this.holds.place({
          serviceId: effect.slot.serviceId, providerId: effect.slot.providerId, start: new Date(effect.slot.start),
          holder: scope.conversationId, isNewPatient: await this.isNew(scope),
        });
        await this.holdExpiryNotices.schedule(scope.conversationId, hold.token, hold.expiresAt);
        return { id: effect.id, kind: 'placeHold', ok: true, holdToken: hold.token, expiresAt: hold.expiresAt };
      }
      case 'releaseHold':
        await this.holds.releaseToken(effect.holdToken);
        return { id: effect.id, kind: 'releaseHold', ok: true };
      case 'book': {
        const patient = await this.ensurePatient(scope, effect.patient);
        const idempotencyKey = `conv:${scope.conversationId}:${effect.idempotencyKey}`;
        const start = new Date(effect.slot.start);
        const { appointment } = effect.rescheduleOf
          ? await this.booking.reschedule(effect.rescheduleOf, { start, providerId: effect.slot.providerId, holdToken: effect.holdToken, idempotencyKey, actor: { type: 'patient', id: patient.id } })
          : await this.booking.book({
            serviceId: effect.slot.serviceId, providerId: effect.slot.providerId, start, patientId: patient.id, source: scope.channel,
            holdToken: effect.holdToken, idempotencyKey, actor: { type: 'patient', id: patient.id },
          });
        const catalog = await this.context.catalog(scope.clinicId);
        return { id: effect.id, kind: 'book', ok: true, appointment: toSummary(appointment, catalog), videoLink: null, calendarLink: null };
      }
      case 'listAppointments': {
        if (!scope.patient) return { id: effect.id, kind: 'listAppointments', ok: true, appointments: [] };
        const catalog = await this.context.catalog(scope.clinicId);
        const upcoming = await this.appointments.findUpcomingForPatient(scope.patient.id, this.clock.now());
        return { id: effect.id, kind: 'listAppointments', ok: true, appointments: upcoming.map((a) => toSummary(a, catalog)) };
      }
      case 'cancelAppointment': {
        const owned = await this.ownedAppointment(effect.appointmentId, scope);
        const cancelled = await this.booking.cancel(owned.id, { actor, reason: 'Cancelled by the patient in chat' });
        return { id: effect.id, kind: 'cancelAppointment', ok: true, lateCancellation: cancelled.lateCancellation };
      }
      case 'confirmAppointment': {
        const owned = await this.ownedAppointment(effect.appointmentId, scope);
        await this.booking.confirmAttendance(owned.id, actor);
        return { id: effect.id, kind: 'confirmAppointment', ok: true };
      }
      case 'joinWaitlist': {
        const patient = await this.ensurePatient(scope, { fullName: null, dateOfBirth: null });
        await this.waitlist.join({
          clinicId: scope.clinicId, patientId: patient.id, serviceId: effect.serviceId, providerId: effect.providerId, locationId: null,
          earliestDate: effect.fromDate, latestDate: effect.toDate, source: 'chat',
        });
        return { id: effect.id, kind: 'joinWaitlist', ok: true };
      }
      case 'acceptWaitlistOffer': {
        if (!scope.patient) throw new NotFoundError('Waitlist offer');
        const appointment = await this.waitlistClaims.accept(effect.offerId, scope.patient.id, scope.channel);
        const catalog = await this.context.catalog(scope.clinicId);
        return { id: effect.id, kind: 'acceptWaitlistOffer', ok: true, appointment: toSummary(appointment, catalog) };
      }
      case 'declineWaitlistOffer':
        if (!scope.patient) throw new NotFoundError('Waitlist offer');
        await this.waitlistClaims.decline(effect.offerId, scope.patient.id);
        return { id: effect.id, kind: 'declineWaitlistOffer', ok: true };
      case 'handOff':
        scope.changes.status = 'handoff';
        scope.changes.handoffAt = this.clock.now();
        return { id: effect.id, kind: 'handOff', ok: true };
      case 'setLanguage':
        scope.changes.language = effect.language;
        if (scope.patient) await this.patients.setLanguage(scope.patient.id, effect.language);
        return { id: effect.id, kind: 'setLanguage', ok: true };
      case 'optOut':
        scope.changes.optedOutAt = this.clock.now();
        if (scope.patient) await this.patients.setOptOut(scope.patient.id, scope.channel, this.clock.now());
        return { id: effect.id, kind: 'optOut', ok: true };
      case 'optIn':
        scope.changes.optedOutAt = null;
        if (scope.patient) await this.patients.setOptOut(scope.patient.id, scope.channel, null);
        return { id: effect.id, kind: 'optIn', ok: true };
    }
  }

  private failure(effect: Effect, error: unknown, scope: EffectScope): EffectResult {
    const base = { id: effect.id, kind: effect.kind, ok: false as const };
    if (error instanceof SlotTakenError) return { ...base, error: 'slot_taken', alternatives: this.alternativesFromError(error.alternatives, effect, scope) };
    if (error instanceof HoldExpiredError) return { ...base, error: 'hold_expired' };
    if (error instanceof NotFoundError) return { ...base, error: 'not_found' };
    if (error instanceof PolicyViolationError || (error instanceof DomainError && error.status < 500)) return { ...base, error: 'not_allowed' };
    this.logger.error({ conversationId: scope.conversationId, effect: effect.kind, err: (error as Error).message }, 'effect failed');
    return { ...base, error: 'internal' };
  }

  /** Alternatives from a 409 are plain slots; the dialog needs them as SlotOptions of the same service. */
  private alternativesFromError(alternatives: AlternativeSlot[], effect: Effect, _scope: EffectScope): SlotOption[] {
    const slot = 'slot' in effect ? effect.slot : null;
    if (!slot) return [];
    return alternatives.map((a) => ({
      ...slot,
      start: Date.parse(a.start), end: Date.parse(a.end), providerId: a.providerId, providerName: a.providerName,
      providerShortName: a.providerId === slot.providerId ? slot.providerShortName : a.providerName,
      locationId: a.locationId, locationName: a.locationName, locationAddress: a.locationId === slot.locationId ? slot.locationAddress : null,
    }));
  }

  private async isNew(scope: EffectScope): Promise<boolean> {
    return scope.patient ? this.patients.isNew(scope.patient.id) : true;
  }

  private async ensurePatient(scope: EffectScope, details: { fullName: string | null; dateOfBirth: string | null }): Promise<Patient> {
    const patient = await this.patients.findOrCreate(scope.clinicId, { phone: scope.phone, fullName: details.fullName, dateOfBirth: details.dateOfBirth, language: scope.changes.language ?? scope.language });
    if (!scope.patient) scope.changes.patientId = patient.id;
    scope.patient = patient;
    return patient;
  }

  /** Patients may only act on their own appointments. */
  private async ownedAppointment(appointmentId: string, scope: EffectScope) {
    const appointment = await this.appointments.findById(appointmentId);
    if (!appointment || !scope.patient || appointment.patientId !== scope.patient.id) throw new NotFoundError('Appointment');
    return appointment;
  }
}

function fitsTimeOfDay(start: number, zone: string, part: 'morning' | 'afternoon' | 'evening' | null, notBefore: number | null): boolean {
  if (part === null && notBefore === null) return true;
  const [hh, mm] = LocalClockFormat.for(zone).parts(start).time.split(':').map(Number);
  const minutes = hh! * 60 + mm!;
  if (notBefore !== null && minutes < notBefore) return false;
  if (part !== null) {
    const [from, to] = PART_OF_DAY[part];
    if (minutes < from || minutes >= to) return false;
  }
  return true;
}

function toSlotOption(slot: { start: number; end: number; providerId: string; locationId: string | null; timezone: string }, serviceId: string, catalog: ClinicCatalog): SlotOption {
  const provider = catalog.providers.find((p) => p.id === slot.providerId);
  const location = slot.locationId ? catalog.locations.find((l) => l.id === slot.locationId) : undefined;
  const service = catalog.services.find((s) => s.id === serviceId);
  return {
    start: slot.start, end: slot.end, timezone: slot.timezone,
    providerId: slot.providerId, providerName: provider?.name ?? '', providerShortName: provider?.shortName ?? provider?.name ?? '',
    locationId: slot.locationId, locationName: location?.name ?? null, locationAddress: location?.address ?? null,
    serviceId, serviceName: service?.name ?? '',
  };
}

function toSummary(a: AppointmentWithNames, catalog: ClinicCatalog): AppointmentSummary {
  const zone = a.location?.timezone ?? catalog.clinic.timezone;
  return {
    ...toSlotOption({ start: +a.startsAt, end: +a.endsAt, providerId: a.providerId, locationId: a.locationId, timezone: zone }, a.serviceId, catalog),
    appointmentId: a.id,
    status: a.status,
  };
}

