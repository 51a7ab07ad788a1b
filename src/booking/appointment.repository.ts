import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import { type PreparedStatement, SqlPool } from '../database/sql-pool.js';
import type { Appointment, Prisma } from '../generated/prisma/client.js';
import type { AppointmentSource, AppointmentStatus } from '../generated/prisma/enums.js';
import { ACTIVE_STATUSES } from './appointment-status.js';
import { Batcher } from '../common/batcher.js';
import { pickColumns, selectColumns } from '../database/row-columns.js';

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

/** What became of one fast-path booking: written, refused by a guard (the slow path decides), or refused as overlapping or a repeated idempotency key. */
export type FastBookingOutcome = { kind: 'booked'; appointment: Appointment } | { kind: 'stale' } | { kind: 'conflict' };

@Injectable()
export class AppointmentRepository {
  constructor(private readonly prisma: PrismaService, private readonly sql: SqlPool) {}

  findById(id: string, tx: Tx = this.prisma) {
    return tx.appointment.findUnique({ where: { id }, include: WITH_NAMES });
  }

  /**
   * Locks the row for the rest of the transaction, so two status changes cannot interleave. NO KEY
   * UPDATE (the lock an UPDATE that keeps the id takes) rather than FOR UPDATE: rows being inserted
   * elsewhere that reference the appointment (notifications, waitlist offers) take KEY SHARE locks for
   * their foreign keys, and neither side needs to wait for the other.
   */
  async lockById(id: string, tx: Tx) {
    await tx.$queryRaw`SELECT id FROM appointments WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
    return tx.appointment.findUnique({ where: { id }, include: WITH_NAMES });
  }

  findByIdempotencyKey(key: string, tx: Tx = this.prisma) {
    return tx.appointment.findUnique({ where: { idempotencyKey: key }, include: WITH_NAMES });
  }

  insert(data: Prisma.AppointmentUncheckedCreateInput, tx: Tx) {
    return tx.appointment.create({ data, include: WITH_NAMES });
  }

  /**
   * The booking fast path: the appointment, its audit row and its outbox event, written only if the
   * clinic's schedule version is still the one the slot was checked against (the clinic row is read
   * FOR SHARE, so a schedule change waits for the booking and vice versa), the patient belongs to the
   * clinic and, for new-patient-only services, has no earlier appointment. A flagged patient's chat
   * booking becomes `requested`, decided from the row itself.
   *
   * Concurrent bookings share one statement (see Batcher): under load that is a fraction of the cost
   * per booking, bench/booking measured it. Each booking in it still stands alone: `stale` when a
   * guard failed (the slow path decides), `conflict` when the EXCLUDE constraints or the idempotency
   * key refused it (ON CONFLICT DO NOTHING, also between bookings of the same batch).
   */
  insertIfScheduleCurrent(input: FastBookingInsert): Promise<FastBookingOutcome> {
    return this.batch.submit(input);
  }

  private readonly batch = new Batcher<FastBookingInsert, FastBookingOutcome>((inputs) => this.insertBatch(inputs), BATCH_LIMITS);

  private async insertBatch(inputs: FastBookingInsert[]): Promise<FastBookingOutcome[]> {
    const column = <T>(pick: (input: FastBookingInsert) => T) => inputs.map(pick);
    const rows = await this.sql.query<Record<string, unknown>>(INSERT_BATCH_IF_SCHEDULE_CURRENT, [
      column((i) => i.appointment.id), column((i) => i.appointment.clinicId), column((i) => String(i.scheduleVersion)),
      column((i) => i.newPatientOnly), column((i) => i.appointment.providerId), column((i) => i.appointment.patientId),
      column((i) => i.appointment.locationId), column((i) => i.appointment.roomId), column((i) => i.appointment.serviceId),
      column((i) => i.appointment.startsAt), column((i) => i.appointment.endsAt), column((i) => i.appointment.blockStart), column((i) => i.appointment.blockEnd),
      column((i) => i.appointment.source), column((i) => i.appointment.idempotencyKey), column((i) => i.appointment.notes), column((i) => i.appointment.createdBy),
      column((i) => i.audit.actor.type), column((i) => i.audit.actor.id), column((i) => i.audit.action), column((i) => i.audit.reason),
      column((i) => i.audit.ip), column((i) => JSON.stringify(i.audit.details)),
      column((i) => i.outbox.eventType), column((i) => JSON.stringify(i.outbox.payload)),
    ]);
    const byId = new Map(rows.map((row) => [row.request_id as string, row]));
    return inputs.map((input) => {
      const row = byId.get(input.appointment.id);
      if (!row?.current) return { kind: 'stale' };
      const appointment = pickColumns<Appointment>(row, 'a_', APPOINTMENT_FIELDS);
      return appointment ? { kind: 'booked', appointment } : { kind: 'conflict' };
    });
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

/**
 * At most this many booking statements at once; bookings arriving meanwhile share the next one. Two
 * in flight gave bench/booking (b) 4,700–5,000 bookings/s in four runs against 4,100–4,350 in five
 * with four (one: 4,660): fewer, larger statements cost less per booking, and one statement's commit
 * flush overlaps the other's work.
 */
const BATCH_LIMITS = { maxBatch: 16, maxInFlight: 2 };

const APPOINTMENT_FIELDS = {
  id: 'id', clinicId: 'clinic_id', providerId: 'provider_id', locationId: 'location_id', roomId: 'room_id', serviceId: 'service_id', patientId: 'patient_id',
  startsAt: 'starts_at', endsAt: 'ends_at', blockStart: 'block_start', blockEnd: 'block_end', status: 'status', source: 'source',
  idempotencyKey: 'idempotency_key', rescheduledFromId: 'rescheduled_from_id', cancelReason: 'cancel_reason', lateCancellation: 'late_cancellation',
  cancelledAt: 'cancelled_at', confirmedAt: 'confirmed_at', checkedInAt: 'checked_in_at', reminderSentAt: 'reminder_sent_at',
  createdBy: 'created_by', updatedBy: 'updated_by', notes: 'notes', createdAt: 'created_at', updatedAt: 'updated_at',
} satisfies Record<keyof Appointment, string>;

/**
 * The fast path's statement for a batch of bookings (insertBatch): one array per column, one element
 * per booking. Deadlock-free between concurrent batches: every batch takes its provider locks first,
 * all at once and in ascending order, and writes its audit rows in ascending order of their hash
 * chain, whose lock the audit trigger takes.
 */
const INSERT_BATCH_IF_SCHEDULE_CURRENT: PreparedStatement = {
  name: 'insert-appointments-if-schedule-current',
  text: `
      WITH input AS MATERIALIZED (
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::boolean[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[],
          $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::text[], $15::text[], $16::text[], $17::text[],
          $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[])
          AS i(id, clinic_id, schedule_version, new_patient_only, provider_id, patient_id, location_id, room_id, service_id,
            starts_at, ends_at, block_start, block_end, source, idempotency_key, notes, created_by,
            actor_type, actor_id, action, reason, ip, details, event_type, payload)
      ), provider_turns AS MATERIALIZED (
        -- Inserts for one provider queue here instead of waiting on each other's uncommitted rows
        -- through the EXCLUDE constraint (two such waiters deadlock, and Postgres needs a second
        -- to notice); the later of two racers then sees the first committed and is refused at once.
        SELECT count(pg_advisory_xact_lock(k)) AS locked FROM (
          SELECT DISTINCT hashtextextended('appointments:provider:' || provider_id::text, 0) AS k FROM input ORDER BY 1) providers
      ), guard AS MATERIALIZED (
        SELECT i.*, p.flagged_at FROM provider_turns, input i
          JOIN clinics c ON c.id = i.clinic_id AND c.schedule_version = i.schedule_version
          JOIN patients p ON p.id = i.patient_id AND p.clinic_id = c.id
        WHERE NOT i.new_patient_only OR NOT EXISTS (
          SELECT 1 FROM appointments x WHERE x.patient_id = p.id AND x.status NOT IN ('cancelled', 'rescheduled'))
        FOR SHARE OF c
      ), appt AS (
        INSERT INTO appointments (id, clinic_id, provider_id, location_id, room_id, service_id, patient_id, starts_at, ends_at,
          block_start, block_end, status, source, idempotency_key, notes, created_by, updated_by)
        SELECT g.id, g.clinic_id, g.provider_id, g.location_id, g.room_id, g.service_id, g.patient_id, g.starts_at, g.ends_at,
          g.block_start, g.block_end,
          (CASE WHEN g.flagged_at IS NOT NULL AND g.source IN ('whatsapp', 'sms') THEN 'requested' ELSE 'confirmed' END)::appointment_status,
          g.source::appointment_source, g.idempotency_key, g.notes, g.created_by, g.created_by
        FROM guard g
        ON CONFLICT DO NOTHING
        RETURNING *
      ), audited AS (
        INSERT INTO audit_log (clinic_id, actor_type, actor_id, action, entity_type, entity_id, patient_id, reason, ip, details, prev_hash, hash)
        SELECT g.clinic_id, g.actor_type, g.actor_id, g.action, 'appointment', appt.id::text,
          g.patient_id, g.reason, g.ip, g.details::jsonb || jsonb_build_object('status', appt.status), '', ''
        FROM appt JOIN guard g ON g.id = appt.id
        -- The audit trigger's chain of an appointment row (see audit_log_chain()).
        ORDER BY hashtext('appointment:' || appt.id::text) & 255
      ), queued AS (
        INSERT INTO outbox (clinic_id, aggregate_type, aggregate_id, event_type, payload)
        SELECT g.clinic_id, 'appointment', appt.id::text, g.event_type, g.payload::jsonb || jsonb_build_object('status', appt.status)
        FROM appt JOIN guard g ON g.id = appt.id
      )
      SELECT i.id AS request_id, g.id IS NOT NULL AS current, ${selectColumns('appt', 'a_', APPOINTMENT_FIELDS)}
      FROM input i LEFT JOIN guard g ON g.id = i.id LEFT JOIN appt ON appt.id = i.id`,
};
