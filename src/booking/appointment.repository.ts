import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import { type PreparedStatement, SqlPool } from '../database/sql-pool.js';
import type { Appointment, Prisma } from '../generated/prisma/client.js';
import type { AppointmentSource, AppointmentStatus } from '../generated/prisma/enums.js';
import { ACTIVE_STATUSES } from './appointment-status.js';

const WITH_NAMES = {
  provider: { select: { name: true, shortName: true } },
  service: { select: { name: true, durationMinutes: true, telehealth: true } },
  location: { select: { name: true, address: true, timezone: true } },
} as const;

export type AppointmentWithNames = Prisma.AppointmentGetPayload<{ include: typeof WITH_NAMES }>;

/** What the booking fast path writes; the status and everything that depends on it is set in SQL. */
export interface FastBookingInsert {
  appointment: {
    id: string; clinicId: string; providerId: string; serviceId: string; patientId: string; locationId: string | null; roomId: string | null;
    startsAt: Date; endsAt: Date; blockStart: Date; blockEnd: Date; source: AppointmentSource; idempotencyKey: string | null; notes: string | null; createdBy: string;
  };
  scheduleVersion: bigint;
  newPatientOnly: boolean;
  audit: { actor: { type: string; id: string | null }; action: string; reason: string | null; ip: string | null; details: Record<string, unknown> };
  outbox: { eventType: string; payload: Record<string, unknown> };
}

@Injectable()
export class AppointmentRepository {
  constructor(private readonly prisma: PrismaService, private readonly sql: SqlPool) {}

  findById(id: string, tx: Tx = this.prisma) {
    return tx.appointment.findUnique({ where: { id }, include: WITH_NAMES });
  }

  /** Locks the row for the rest of the transaction, so two status changes cannot interleave. */
  async lockById(id: string, tx: Tx) {
    await tx.$queryRaw`SELECT id FROM appointments WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.appointment.findUnique({ where: { id }, include: WITH_NAMES });
  }

  findByIdempotencyKey(key: string, tx: Tx = this.prisma) {
    return tx.appointment.findUnique({ where: { idempotencyKey: key }, include: WITH_NAMES });
  }

  insert(data: Prisma.AppointmentUncheckedCreateInput, tx: Tx) {
    return tx.appointment.create({ data, include: WITH_NAMES });
  }

  /**
   * The booking fast path as one statement (one round trip, committed on its own): the appointment,
   * its audit row and its outbox event are inserted only if the clinic's schedule version is still
   * the one the slot was checked against (the clinic row is read FOR SHARE, so a schedule change
   * waits for the booking and vice versa), the patient belongs to the clinic and, for
   * new-patient-only services, has no earlier appointment. A flagged patient's chat booking becomes
   * `requested`, decided here from the row itself. Returns null when a guard fails; the EXCLUDE
   * constraints still refuse any overlap with an error, as for every insert.
   */
  async insertIfScheduleCurrent(input: FastBookingInsert): Promise<Appointment | null> {
    const a = input.appointment;
    const rows = await this.sql.query<Record<string, unknown>>(INSERT_IF_SCHEDULE_CURRENT, [
      // provider_turn, guard
      a.providerId, a.patientId, a.clinicId, String(input.scheduleVersion), input.newPatientOnly,
      // appt
      a.id, a.clinicId, a.providerId, a.locationId, a.roomId, a.serviceId, a.patientId, a.startsAt, a.endsAt, a.blockStart, a.blockEnd,
      a.source, a.source, a.idempotencyKey, a.notes, a.createdBy, a.createdBy,
      // audited
      a.clinicId, input.audit.actor.type, input.audit.actor.id, input.audit.action, a.patientId, input.audit.reason, input.audit.ip, JSON.stringify(input.audit.details),
      // queued
      a.clinicId, input.outbox.eventType, JSON.stringify(input.outbox.payload),
    ]);
    return rows[0] ? (Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v])) as Appointment) : null;
  }

  update(id: string, data: Prisma.AppointmentUncheckedUpdateInput, tx: Tx) {
    return tx.appointment.update({ where: { id }, data, include: WITH_NAMES });
  }

  /** The active appointment occupying this provider's (or room's) time, to tell staff what is in the way. */
  findBlocking(providerId: string, roomId: string | null, blockStart: Date, blockEnd: Date, tx: Tx = this.prisma) {
    return tx.appointment.findFirst({
      where: {
        status: { in: [...ACTIVE_STATUSES] }, blockStart: { lt: blockEnd }, blockEnd: { gt: blockStart },
        OR: [{ providerId }, ...(roomId ? [{ roomId }] : [])],
      },
      select: { id: true },
    });
  }

  /** A free room of the kind at the location for the block, for staff bookings outside the engine. */
  findFreeRoom(clinicId: string, locationId: string, kind: string, blockStart: Date, blockEnd: Date, tx: Tx) {
    return tx.room.findFirst({
      where: {
        clinicId, locationId, kind, active: true,
        appointments: { none: { status: { in: [...ACTIVE_STATUSES] }, blockStart: { lt: blockEnd }, blockEnd: { gt: blockStart } } },
      },
      orderBy: { name: 'asc' },
    });
  }

  /** Where the provider usually works on that weekday, for staff bookings that do not say. */
  async usualLocation(providerId: string, weekday: number, tx: Tx): Promise<string | null> {
    const rule = await tx.availabilityRule.findFirst({ where: { providerId, weekday, locationId: { not: null } }, select: { locationId: true } })
      ?? await tx.availabilityRule.findFirst({ where: { providerId, locationId: { not: null } }, select: { locationId: true } });
    return rule?.locationId ?? null;
  }

  findUpcomingForPatient(patientId: string, from: Date, tx: Tx = this.prisma) {
    return tx.appointment.findMany({
      where: { patientId, startsAt: { gte: from }, status: { in: ['requested', 'confirmed', 'payment_pending'] } },
      orderBy: { startsAt: 'asc' },
      include: WITH_NAMES,
    });
  }

  setStatus(id: string, status: AppointmentStatus, data: Prisma.AppointmentUncheckedUpdateInput, tx: Tx) {
    return tx.appointment.update({ where: { id }, data: { ...data, status }, include: WITH_NAMES });
  }
}

/** The booking fast path's one statement (insertIfScheduleCurrent); positional parameters in order of appearance. */
const INSERT_IF_SCHEDULE_CURRENT: PreparedStatement = {
  name: 'insert-appointment-if-schedule-current',
  text: `
      WITH provider_turn AS (
        -- Inserts for one provider queue here instead of waiting on each other's uncommitted rows
        -- through the EXCLUDE constraint (two such waiters deadlock, and Postgres needs a second
        -- to notice); the second of two racers then sees the first committed and is refused at once.
        SELECT pg_advisory_xact_lock(hashtextextended('appointments:provider:' || $1::text, 0))
      ), guard AS (
        SELECT p.flagged_at FROM provider_turn, clinics c JOIN patients p ON p.id = $2::uuid AND p.clinic_id = c.id
        WHERE c.id = $3::uuid AND c.schedule_version = $4::bigint
          AND (NOT $5::boolean OR NOT EXISTS (
            SELECT 1 FROM appointments x WHERE x.patient_id = p.id AND x.status NOT IN ('cancelled', 'rescheduled')))
        FOR SHARE OF c
      ), appt AS (
        INSERT INTO appointments (id, clinic_id, provider_id, location_id, room_id, service_id, patient_id, starts_at, ends_at,
          block_start, block_end, status, source, idempotency_key, notes, created_by, updated_by)
        SELECT $6::uuid, $7::uuid, $8::uuid, $9::uuid, $10::uuid, $11::uuid,
          $12::uuid, $13::timestamptz, $14::timestamptz, $15::timestamptz, $16::timestamptz,
          (CASE WHEN guard.flagged_at IS NOT NULL AND $17::text IN ('whatsapp', 'sms') THEN 'requested' ELSE 'confirmed' END)::appointment_status,
          $18::appointment_source, $19::text, $20::text, $21::text, $22::text
        FROM guard
        RETURNING *
      ), audited AS (
        INSERT INTO audit_log (clinic_id, actor_type, actor_id, action, entity_type, entity_id, patient_id, reason, ip, details, prev_hash, hash)
        SELECT $23::uuid, $24::text, $25::text, $26::text, 'appointment', appt.id::text,
          $27::uuid, $28::text, $29::text, $30::jsonb || jsonb_build_object('status', appt.status),
          '', ''
        FROM appt
      ), queued AS (
        INSERT INTO outbox (clinic_id, aggregate_type, aggregate_id, event_type, payload)
        SELECT $31::uuid, 'appointment', appt.id::text, $32::text, $33::jsonb || jsonb_build_object('status', appt.status)
        FROM appt
      )
      SELECT appt.*, appt.status::text AS status, appt.source::text AS source FROM appt`,
};
