import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { type Actor, actorLabel, AuditRepository } from '../audit/audit.repository.js';
import { AvailabilityService, type SlotRefusal, type SlotSearchResult } from '../availability/availability.service.js';
import { Clock } from '../common/clock.js';
import { TtlCache } from '../common/ttl-cache.js';
import { NotFoundError, ValidationError } from '../common/errors.js';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import { PG, pgErrorCode, retryOnDeadlock, violatedConstraint } from '../database/pg-errors.js';
import type { AppointmentSource, AppointmentStatus } from '../generated/prisma/enums.js';
import { OutboxRelay } from '../outbox/outbox.relay.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { PatientService } from '../patients/patient.service.js';
import { type AppointmentWithNames, AppointmentRepository } from './appointment.repository.js';
import { assertTransition } from './appointment-status.js';
import {
  type AlternativeSlot, HoldExpiredError, IdempotencyConflictError, PolicyViolationError, SlotTakenError,
} from './booking.errors.js';
import { type Hold, HoldStore } from './hold.store.js';

/** A staff decision to book or move outside the rules; always carries its reason. */
export interface Override { reason: string }

export interface BookCommand {
  serviceId: string;
  providerId: string;
  start: Date;
  patientId: string;
  source: AppointmentSource;
  actor: Actor;
  /** Patients book the slot they hold; staff and API clients may book without a hold. */
  holdToken?: string | null;
  override?: Override | null;
  idempotencyKey?: string | null;
  locationId?: string | null;
  notes?: string | null;
  ip?: string | null;
}

export interface RescheduleCommand {
  start: Date;
  providerId?: string;
  actor: Actor;
  holdToken?: string | null;
  override?: Override | null;
  idempotencyKey?: string | null;
  locationId?: string | null;
  ip?: string | null;
}

/** `overrides`: the clinic rules a staff override set aside for this booking (empty when none were needed). */
export interface BookResult { appointment: AppointmentWithNames; replayed: boolean; overrides: string[] }

const RULE_MESSAGES: Record<SlotRefusal, string> = {
  taken: 'That time is no longer available.',
  outside_hours: 'That time is outside the provider’s working hours for this service.',
  too_soon: 'That time is inside the clinic’s minimum notice period.',
  too_far: 'That time is beyond how far ahead the clinic takes bookings.',
  new_patients_only: 'This service is for new patients only.',
};

/**
 * Booking, rescheduling, cancelling and status changes. Each is one Postgres transaction that
 * re-validates against the rules (unless a staff override says otherwise), writes the audit row and
 * the outbox event. The database's EXCLUDE constraints have the last word on overlaps: a violation
 * becomes SlotTaken with the next free slots, never a 500 and never a double booking.
 */
@Injectable()
export class BookingService {
  private readonly logger = new Logger(BookingService.name);
  /** Suggestions only (a booking re-validates), so two seconds of staleness cost nothing. */
  private readonly recentAlternatives = new TtlCache<SlotSearchResult>(2_000);

  constructor(
    private readonly prisma: PrismaService,
    private readonly appointments: AppointmentRepository,
    private readonly availability: AvailabilityService,
    private readonly holds: HoldStore,
    private readonly patients: PatientService,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async book(cmd: BookCommand): Promise<BookResult> {
    const replay = cmd.idempotencyKey ? await this.replay(cmd.idempotencyKey, cmd) : null;
    if (replay) return { appointment: replay, replayed: true, overrides: [] };
    const service = await this.availability.getService(cmd.serviceId);
    const hold = cmd.holdToken ? await this.verifyHold(cmd.providerId, cmd.holdToken, cmd.start, service) : null;

    let appointment: AppointmentWithNames | null;
    let overrides: string[] = [];
    try {
      // The fast path answers the common case in one statement; anything it cannot vouch for (an
      // override, a refused or changed schedule, a returning patient on a new-patient service, an
      // unknown patient) takes the full transaction below, which re-reads everything and says why.
      appointment = cmd.override ? null : await this.bookFast(cmd, hold);
      appointment ??= await retryOnDeadlock(() => this.prisma.$transaction(async (tx) => {
        const patient = await this.requirePatient(cmd.patientId, service.clinicId, tx);
        const placement = await this.place(cmd, { isNewPatient: await this.patients.isNew(patient.id, tx), holder: hold?.holder ?? null, ignoreAppointmentId: null }, tx);
        overrides = placement.overrides;
        const status: AppointmentStatus = patient.flaggedAt && (cmd.source === 'whatsapp' || cmd.source === 'sms') ? 'requested' : 'confirmed';
        const created = await this.appointments.insert({
          clinicId: service.clinicId, providerId: cmd.providerId, serviceId: service.id, patientId: patient.id,
          locationId: placement.locationId, roomId: placement.roomId,
          startsAt: cmd.start, endsAt: placement.end, blockStart: placement.blockStart, blockEnd: placement.blockEnd,
          status, source: cmd.source, idempotencyKey: cmd.idempotencyKey ?? null, notes: cmd.notes ?? null,
          createdBy: actorLabel(cmd.actor), updatedBy: actorLabel(cmd.actor),
        }, tx);
        await this.record(tx, created, cmd.actor, cmd.override ? 'appointment.force_booked' : 'appointment.booked', 'appointment.booked', {
          reason: cmd.override?.reason ?? null, ip: cmd.ip, details: { source: cmd.source, status, overrides: placement.overrides },
        });
        return created;
      }));
    } catch (error) {
      if (cmd.idempotencyKey && isIdempotencyKeyViolation(error)) {
        // The same request raced itself: the other copy won; answer with its appointment.
        const winner = await this.replay(cmd.idempotencyKey, cmd);
        if (winner) return { appointment: winner, replayed: true, overrides: [] };
      }
      throw await this.translate(error, cmd.serviceId, cmd.start, cmd.providerId);
    }
    await this.afterCommit(hold ? { providerId: cmd.providerId, token: hold.token } : null);
    return { appointment, replayed: false, overrides };
  }

  /** Moves an appointment in one transaction: the old one becomes `rescheduled`, the new one links back. */
  async reschedule(appointmentId: string, cmd: RescheduleCommand): Promise<BookResult> {
    if (cmd.idempotencyKey) {
      const existing = await this.appointments.findByIdempotencyKey(cmd.idempotencyKey);
      if (existing) {
        if (existing.rescheduledFromId !== appointmentId) throw new IdempotencyConflictError();
        return { appointment: existing, replayed: true, overrides: [] };
      }
    }
    const current = await this.appointments.findById(appointmentId);
    if (!current) throw new NotFoundError('Appointment');
    const providerId = cmd.providerId ?? current.providerId;
    const service = await this.availability.getService(current.serviceId);
    const hold = cmd.holdToken ? await this.verifyHold(providerId, cmd.holdToken, cmd.start, service) : null;

    let appointment: AppointmentWithNames;
    let overrides: string[] = [];
    try {
      appointment = await retryOnDeadlock(() => this.prisma.$transaction(async (tx) => {
        const old = await this.appointments.lockById(appointmentId, tx);
        if (!old) throw new NotFoundError('Appointment');
        assertTransition(old.status, 'rescheduled');
        const placement = await this.place(
          { serviceId: old.serviceId, providerId, start: cmd.start, override: cmd.override, locationId: cmd.locationId ?? (providerId === old.providerId ? old.locationId : null) },
          { isNewPatient: false, holder: hold?.holder ?? null, ignoreAppointmentId: old.id },
          tx,
        );
        overrides = placement.overrides;
        // Freeing the old time first lets the new time overlap it (moving 30 minutes later, say).
        await this.appointments.setStatus(old.id, 'rescheduled', { updatedBy: actorLabel(cmd.actor) }, tx);
        const created = await this.appointments.insert({
          clinicId: old.clinicId, providerId, serviceId: old.serviceId, patientId: old.patientId,
          locationId: placement.locationId, roomId: placement.roomId,
          startsAt: cmd.start, endsAt: placement.end, blockStart: placement.blockStart, blockEnd: placement.blockEnd,
          status: old.status === 'requested' ? 'requested' : 'confirmed', source: old.source,
          idempotencyKey: cmd.idempotencyKey ?? null, rescheduledFromId: old.id, notes: old.notes,
          createdBy: actorLabel(cmd.actor), updatedBy: actorLabel(cmd.actor),
        }, tx);
        await this.record(tx, created, cmd.actor, cmd.override ? 'appointment.force_moved' : 'appointment.rescheduled', 'appointment.rescheduled', {
          reason: cmd.override?.reason ?? null, ip: cmd.ip,
          details: { fromAppointmentId: old.id, fromStartsAt: old.startsAt.toISOString(), overrides: placement.overrides },
          payload: { fromAppointmentId: old.id },
        });
        return created;
      }));
    } catch (error) {
      throw await this.translate(error, current.serviceId, cmd.start, providerId);
    }
    await this.afterCommit(hold ? { providerId, token: hold.token } : null);
    return { appointment, replayed: false, overrides };
  }

  /**
   * Cancels with the clinic's cutoff policy: a patient cancelling inside the cutoff is allowed but
   * marked as a late cancellation; staff always give a reason.
   */
  async cancel(appointmentId: string, cmd: { actor: Actor; reason?: string | null; ip?: string | null }): Promise<AppointmentWithNames> {
    const staff = cmd.actor.type === 'staff' || cmd.actor.type === 'api';
    const reason = cmd.reason?.trim() || null;
    if (staff && !reason) throw new PolicyViolationError('reason_required', 'Staff cancellations need a reason.');
    const appointment = await this.prisma.$transaction(async (tx) => {
      const current = await this.appointments.lockById(appointmentId, tx);
      if (!current) throw new NotFoundError('Appointment');
      assertTransition(current.status, 'cancelled');
      const now = this.clock.now();
      const clinic = await tx.clinic.findUniqueOrThrow({ where: { id: current.clinicId } });
      const late = +current.startsAt - +now < clinic.cancellationCutoffHours * 3_600_000;
      const updated = await this.appointments.setStatus(current.id, 'cancelled', {
        cancelledAt: now, cancelReason: reason ?? 'Cancelled by the patient', lateCancellation: late && !staff, updatedBy: actorLabel(cmd.actor),
      }, tx);
      await this.record(tx, updated, cmd.actor, 'appointment.cancelled', 'appointment.cancelled', {
        reason, ip: cmd.ip, details: { lateCancellation: late && !staff, withinCutoff: late, from: current.status },
      });
      return updated;
    });
    await this.afterCommit(null);
    return appointment;
  }

  /** Check-in, completion, no-show, approval and their reversals, through the one status table. */
  async changeStatus(appointmentId: string, to: AppointmentStatus, cmd: { actor: Actor; reason?: string | null; ip?: string | null }): Promise<AppointmentWithNames> {
    if (to === 'cancelled') return this.cancel(appointmentId, cmd);
    if (to === 'rescheduled') throw new ValidationError('Use the reschedule endpoint to move an appointment.');
    const appointment = await this.prisma.$transaction(async (tx) => {
      const current = await this.appointments.lockById(appointmentId, tx);
      if (!current) throw new NotFoundError('Appointment');
      assertTransition(current.status, to);
      const now = this.clock.now();
      const updated = await this.appointments.setStatus(current.id, to, {
        ...(to === 'checked_in' ? { checkedInAt: now } : {}),
        ...(to === 'confirmed' ? { confirmedAt: now } : {}),
        updatedBy: actorLabel(cmd.actor),
      }, tx);
      await this.record(tx, updated, cmd.actor, `appointment.${to}`, 'appointment.status_changed', {
        reason: cmd.reason ?? null, ip: cmd.ip, details: { from: current.status, to }, payload: { from: current.status, to },
      });
      return updated;
    });
    await this.afterCommit(null);
    return appointment;
  }

  /** A patient confirming they will attend (a reply to a reminder). The booking itself is already firm. */
  async confirmAttendance(appointmentId: string, actor: Actor): Promise<AppointmentWithNames> {
    const appointment = await this.prisma.$transaction(async (tx) => {
      const current = await this.appointments.lockById(appointmentId, tx);
      if (!current) throw new NotFoundError('Appointment');
      if (current.status !== 'confirmed' && current.status !== 'requested') assertTransition(current.status, 'confirmed');
      const updated = await this.appointments.update(current.id, { confirmedAt: this.clock.now(), updatedBy: actorLabel(actor) }, tx);
      await this.record(tx, updated, actor, 'appointment.attendance_confirmed', 'appointment.status_changed', {
        details: { status: current.status }, payload: { from: current.status, to: current.status, attendanceConfirmed: true },
      });
      return updated;
    });
    await this.afterCommit(null);
    return appointment;
  }

  /**
   * One round trip to Postgres: the slot is checked against the cached schedule, and the insert
   * (with its audit row and outbox event) commits only if that schedule is still current. Booked
   * time is not read at all: the EXCLUDE constraints refuse an overlap, which becomes SlotTaken.
   * Returns null when the slow path must decide.
   */
  private async bookFast(cmd: BookCommand, hold: Hold | null): Promise<AppointmentWithNames | null> {
    const cached = await this.availability.checkSlotCached({
      serviceId: cmd.serviceId, providerId: cmd.providerId, start: cmd.start, isNewPatient: true, locationId: cmd.locationId ?? null,
      holder: hold?.holder ?? null, ignoreAppointmentId: null, holdVerified: hold !== null,
    });
    if (!cached?.check.ok) return null;
    const { check, scheduleVersion, service, schedule } = cached;
    const appointment = {
      id: randomUUID(), clinicId: service.clinicId, providerId: cmd.providerId, serviceId: service.id, patientId: cmd.patientId,
      locationId: check.slot.locationId, roomId: check.slot.roomId, startsAt: cmd.start, endsAt: new Date(check.slot.end),
      blockStart: check.blockStart, blockEnd: check.blockEnd, source: cmd.source, idempotencyKey: cmd.idempotencyKey ?? null,
      notes: cmd.notes ?? null, createdBy: actorLabel(cmd.actor),
    };
    const written = await retryOnDeadlock(() => this.appointments.insertIfScheduleCurrent({
      appointment, scheduleVersion, newPatientOnly: service.newPatientOnly,
      audit: { actor: cmd.actor, action: 'appointment.booked', reason: null, ip: cmd.ip ?? null, details: auditDetails(appointment, { source: cmd.source, overrides: [] }) },
      outbox: { eventType: 'appointment.booked', payload: eventPayload(appointment, cmd.actor) },
    }));
    if (written.kind === 'stale') {
      this.availability.forgetCheckedSchedules();
      return null;
    }
    // Overlapping another booking, or a repeated idempotency key: the slow path replays the latter.
    if (written.kind === 'conflict') {
      if (cmd.idempotencyKey) return null;
      throw new SlotTakenError([], await this.blockingAppointment(cmd.providerId, cmd.start));
    }
    const provider = schedule.providers.find((p) => p.id === cmd.providerId)!;
    const location = appointment.locationId ? schedule.locations.find((l) => l.id === appointment.locationId) : undefined;
    return {
      ...written.appointment,
      provider: { name: provider.name, shortName: provider.shortName },
      service: { name: service.name, durationMinutes: service.durationMinutes, telehealth: service.telehealth },
      location: location ? { name: location.name, address: location.address, timezone: location.timezone } : null,
    };
  }

  private async replay(key: string, cmd: BookCommand): Promise<AppointmentWithNames | null> {
    const existing = await this.appointments.findByIdempotencyKey(key);
    if (!existing) return null;
    const same = existing.patientId === cmd.patientId && existing.providerId === cmd.providerId
      && existing.serviceId === cmd.serviceId && +existing.startsAt === +cmd.start;
    if (!same) throw new IdempotencyConflictError();
    return existing;
  }

  private async verifyHold(providerId: string, token: string, start: Date, service: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number }) {
    const hold = await this.holds.get(providerId, token, +this.clock.now());
    const blockStart = +start - service.bufferBeforeMinutes * 60_000;
    const blockEnd = +start + (service.durationMinutes + service.bufferAfterMinutes) * 60_000;
    if (!hold || hold.start > blockStart || hold.end < blockEnd) throw new HoldExpiredError();
    return hold;
  }

  private async requirePatient(patientId: string, clinicId: string, tx: Tx) {
    const patient = await tx.patient.findUnique({ where: { id: patientId } });
    if (!patient || patient.clinicId !== clinicId) throw new ValidationError('Unknown patient for this clinic');
    return patient;
  }

  /**
   * Where and when the appointment goes: through the rules for everyone, or around them for a
   * staff override (recording which rule was overridden), picking a room when the service needs one.
   */
  private async place(
    cmd: { serviceId: string; providerId: string; start: Date; override?: Override | null; locationId?: string | null },
    who: { isNewPatient: boolean; holder: string | null; ignoreAppointmentId: string | null },
    tx: Tx,
  ) {
    const check = await this.availability.checkSlot({ ...cmd, ...who }, tx);
    if (check.ok) {
      return { end: new Date(check.slot.end), blockStart: check.blockStart, blockEnd: check.blockEnd, locationId: check.slot.locationId, roomId: check.slot.roomId, overrides: [] as string[] };
    }
    // Alternatives are computed after the transaction (translate), so no connection is held meanwhile.
    if (!cmd.override) {
      if (check.reason === 'taken') throw new SlotTakenError([]);
      throw new PolicyViolationError(check.reason, RULE_MESSAGES[check.reason]);
    }
    if (!cmd.override.reason?.trim()) throw new PolicyViolationError('reason_required', 'An override needs a reason.');
    const service = await this.availability.getService(cmd.serviceId, tx);
    const end = new Date(+cmd.start + service.durationMinutes * 60_000);
    const blockStart = new Date(+cmd.start - service.bufferBeforeMinutes * 60_000);
    const blockEnd = new Date(+end + service.bufferAfterMinutes * 60_000);
    const weekday = DateTime.fromJSDate(cmd.start, { zone: service.clinic.timezone }).weekday;
    const locationId = cmd.locationId ?? (service.telehealth ? null : await this.appointments.usualLocation(cmd.providerId, weekday, tx));
    let roomId: string | null = null;
    if (service.roomKind) {
      const room = locationId ? await this.appointments.findFreeRoom(service.clinicId, locationId, service.roomKind, blockStart, blockEnd, tx) : null;
      if (!room) throw new SlotTakenError([]);
      roomId = room.id;
    }
    // "taken" is not a rule staff can override: the database would refuse the overlap anyway.
    if (check.reason === 'taken') {
      const blocking = await this.appointments.findBlocking(cmd.providerId, roomId, blockStart, blockEnd, tx);
      throw new SlotTakenError([], blocking?.id);
    }
    return { end, blockStart, blockEnd, locationId, roomId, overrides: [check.reason] };
  }

  private async record(
    tx: Tx, appointment: AppointmentWithNames, actor: Actor, action: string, eventType: string,
    extra: { reason?: string | null; ip?: string | null; details?: Record<string, unknown>; payload?: Record<string, unknown> },
  ): Promise<void> {
    await this.audit.append({
      clinicId: appointment.clinicId, actor, action, entityType: 'appointment', entityId: appointment.id,
      patientId: appointment.patientId, reason: extra.reason ?? null, ip: extra.ip ?? null,
      details: auditDetails(appointment, extra.details ?? {}) as never,
    }, tx);
    await this.outbox.add({
      clinicId: appointment.clinicId, aggregateType: 'appointment', aggregateId: appointment.id, eventType,
      payload: { ...eventPayload(appointment, actor), status: appointment.status, ...(extra.payload ?? {}) } as never,
    }, tx);
  }

  private async afterCommit(hold: { providerId: string; token: string } | null): Promise<void> {
    if (hold) await this.holds.release(hold.providerId, hold.token).catch(() => this.logger.warn('hold release failed; it will expire'));
    this.relay.relaySoon();
  }

  /** Gives SlotTaken its alternatives, and maps the database's refusal of an overlap to SlotTaken. */
  private async translate(error: unknown, serviceId: string, start: Date, providerId: string): Promise<unknown> {
    if (error instanceof SlotTakenError) return new SlotTakenError(await this.alternatives(serviceId, start), error.blockingAppointmentId);
    // A deadlock left after retries is still two inserts of the same time: the slot is contested.
    if (pgErrorCode(error) !== PG.exclusionViolation && pgErrorCode(error) !== PG.deadlock) return error;
    return new SlotTakenError(await this.alternatives(serviceId, start), await this.blockingAppointment(providerId, start));
  }

  /** What occupies the provider at that time, to tell staff what is in the way (best effort). */
  private async blockingAppointment(providerId: string, start: Date): Promise<string | undefined> {
    const blocking = await this.appointments.findBlocking(providerId, null, start, new Date(+start + 60_000)).catch(() => null);
    return blocking?.id;
  }

  /** The next free slots for the service from the requested day on (any provider), for a 409 answer. */
  async alternatives(serviceId: string, from: Date, limit = 5): Promise<AlternativeSlot[]> {
    try {
      const service = await this.availability.getService(serviceId);
      const zone = service.clinic.timezone;
      const day = DateTime.fromJSDate(from, { zone });
      const lastBookable = DateTime.fromJSDate(this.clock.now(), { zone }).plus({ days: service.maxAdvanceDays ?? service.clinic.maxAdvanceDays });
      const to = DateTime.min(day.plus({ days: 13 }), lastBookable);
      if (to < day) return [];
      const search = { serviceId, from: day.toISODate()!, to: to.toISODate()!, limit: limit + 20 };
      // Everyone who lost the same race asks for the same suggestions: compute them once.
      const result = await this.recentAlternatives.getOrLoad(JSON.stringify(search), () => this.availability.search(search));
      return result.slots.filter((s) => s.start >= +from).slice(0, limit).map((s) => ({
        start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(),
        providerId: s.providerId, providerName: s.providerName, locationId: s.locationId, locationName: s.locationName,
      }));
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not compute alternatives');
      return [];
    }
  }
}

type AppointmentFacts = Pick<AppointmentWithNames, 'id' | 'clinicId' | 'patientId' | 'providerId' | 'serviceId' | 'locationId' | 'startsAt' | 'endsAt' | 'source'>;

/** The audit row's details (ids and facts only, never patient data); the status is added by the writer. */
function auditDetails(appointment: AppointmentFacts, extra: Record<string, unknown>): Record<string, unknown> {
  return { providerId: appointment.providerId, startsAt: appointment.startsAt.toISOString(), ...extra };
}

/** The outbox event's payload; the status is added by the writer (in SQL on the fast path). */
function eventPayload(appointment: AppointmentFacts, actor: Actor): Record<string, unknown> {
  return {
    clinicId: appointment.clinicId, appointmentId: appointment.id, patientId: appointment.patientId, providerId: appointment.providerId,
    serviceId: appointment.serviceId, locationId: appointment.locationId, startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(), source: appointment.source, actor: actorLabel(actor),
  };
}

function isIdempotencyKeyViolation(error: unknown): boolean {
  return pgErrorCode(error) === PG.uniqueViolation && violatedConstraint(error) === 'appointments_idempotency_key_key';
}
