import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import { BookingService } from '../../src/booking/booking.service.js';
import { HoldService } from '../../src/booking/hold.service.js';
import { AvailabilityService } from '../../src/availability/availability.service.js';
import { fixtures } from '../support/fixtures.js';
import { useTestApp } from '../support/test-app.js';
import { AuditChainRepository } from '../../src/audit/audit-chain.repository.js';
import { verifyAuditLog } from '../../src/audit/audit-verifier.js';
import { SqlPool } from '../../src/database/sql-pool.js';
import { PrismaService } from '../../src/database/prisma.service.js';

/**
 * The booking fast path validates against a cached schedule and commits only while the clinic's
 * schedule version is unchanged. These tests change the schedule between the cached check and the
 * booking and expect the booking to be judged by the new schedule, not the cached one.
 */
describe('booking fast path and the schedule version', () => {
  const env = useTestApp('demo');
  let booking: BookingService;
  let availability: AvailabilityService;
  const zone = 'America/New_York';
  const actor = { type: 'api' as const, id: 'test' };

  beforeAll(() => {
    booking = env.running.app.get(BookingService);
    availability = env.running.app.get(AvailabilityService);
  });

  const version = async () => (await env.prisma.clinic.findUniqueOrThrow({ where: { id: env.ids.clinicId }, select: { scheduleVersion: true } })).scheduleVersion;
  /** A weekday some weeks ahead, clear of the seeded history, at a local time in Dr. Patel's hours. */
  const at = (weeks: number, hour: number, minute = 0) =>
    DateTime.now().setZone(zone).startOf('week').plus({ weeks, days: 1 }).set({ hour, minute }).toJSDate();

  it('bumps the version on every kind of schedule change, and not on bookings', async () => {
    const v0 = await version();
    const rule = await env.prisma.availabilityRule.findFirstOrThrow({ where: { providerId: env.ids.patel } });
    await env.prisma.availabilityRule.update({ where: { id: rule.id }, data: { startTime: rule.startTime } });
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    await env.prisma.clinic.update({ where: { id: env.ids.clinicId }, data: { minNoticeMinutes: 120 } });
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);
    const patient = await fixtures(env.prisma).patient(env.ids.clinicId);
    await booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start: at(5, 9), patientId: patient.id, source: 'api', actor });
    expect(await version()).toBe(v2);
  });

  it('a day closed after the schedule was cached refuses the booking (no stale-rule booking)', async () => {
    const patient = await fixtures(env.prisma).patient(env.ids.clinicId);
    const start = at(6, 10);
    // Warm the cache with the day's schedule through a booking on the same day.
    await booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start: at(6, 9), patientId: patient.id, source: 'api', actor });
    const day = DateTime.fromJSDate(start, { zone }).toISODate()!;
    await env.prisma.scheduleException.create({
      data: { clinicId: env.ids.clinicId, providerId: env.ids.patel, kind: 'closed', startsOn: new Date(`${day}T00:00:00Z`), endsOn: new Date(`${day}T00:00:00Z`), reason: 'Training' },
    });
    const other = await fixtures(env.prisma).patient(env.ids.clinicId);
    await expect(booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start, patientId: other.id, source: 'api', actor }))
      .rejects.toMatchObject({ code: 'POLICY_VIOLATION' });
    expect(await env.prisma.appointment.count({ where: { providerId: env.ids.patel, startsAt: start } })).toBe(0);
  });

  it('a hold placed right after the day was closed is refused (holds check the current schedule)', async () => {
    const holds = env.running.app.get(HoldService);
    const start = at(11, 14);
    // The first hold succeeds (and leaves the day's schedule cached); released, the time is free again.
    const first = await holds.place({ serviceId: env.ids.followUp, providerId: env.ids.patel, start, holder: 'conversation-a' });
    await holds.release(first.providerId, first.token);
    const day = DateTime.fromJSDate(start, { zone }).toISODate()!;
    await env.prisma.scheduleException.create({
      data: { clinicId: env.ids.clinicId, providerId: env.ids.patel, kind: 'closed', startsOn: new Date(`${day}T00:00:00Z`), endsOn: new Date(`${day}T00:00:00Z`), reason: 'Training' },
    });
    await expect(holds.place({ serviceId: env.ids.followUp, providerId: env.ids.patel, start, holder: 'conversation-b' })).rejects.toMatchObject({ code: 'POLICY_VIOLATION' });
  });

  it('writes the same audit row and outbox event as the full transaction', async () => {
    const patient = await fixtures(env.prisma).patient(env.ids.clinicId);
    const { appointment } = await booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start: at(7, 11), patientId: patient.id, source: 'sms', actor, ip: '127.0.0.9' });
    expect(appointment).toMatchObject({ status: 'confirmed', provider: { shortName: expect.any(String) }, service: { durationMinutes: 30 }, location: { timezone: zone } });
    const stored = await env.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(stored).toMatchObject({ status: 'confirmed', source: 'sms', createdBy: 'api:test', locationId: appointment.locationId });
    const audit = await env.prisma.auditLog.findFirstOrThrow({ where: { entityId: appointment.id } });
    expect(audit).toMatchObject({ action: 'appointment.booked', actorType: 'api', actorId: 'test', patientId: patient.id, ip: '127.0.0.9' });
    expect(audit.details).toMatchObject({ status: 'confirmed', source: 'sms', providerId: env.ids.patel, overrides: [] });
    const event = await env.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: appointment.id } });
    expect(event.payload).toMatchObject({ appointmentId: appointment.id, status: 'confirmed', source: 'sms', patientId: patient.id, actor: 'api:test' });
  });

  it('a flagged patient booking from chat gets `requested`, decided in the same statement', async () => {
    const patient = await fixtures(env.prisma).patient(env.ids.clinicId);
    await env.prisma.patient.update({ where: { id: patient.id }, data: { flaggedAt: new Date() } });
    const { appointment } = await booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start: at(7, 14), patientId: patient.id, source: 'whatsapp', actor });
    expect(appointment.status).toBe('requested');
    const event = await env.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: appointment.id } });
    expect(event.payload).toMatchObject({ status: 'requested' });
  });

  it('refuses a returning patient a new-patient-only service, and a patient of another clinic', async () => {
    const f = fixtures(env.prisma);
    const patient = await f.patient(env.ids.clinicId);
    await booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start: at(8, 9), patientId: patient.id, source: 'api', actor });
    const slots = await availability.search({ serviceId: env.ids.newPatient, providerId: env.ids.patel, from: DateTime.fromJSDate(at(8, 9), { zone }).toISODate()!, to: DateTime.fromJSDate(at(8, 9), { zone }).plus({ days: 3 }).toISODate()!, limit: 1 });
    const start = new Date(slots.slots[0]!.start);
    await expect(booking.book({ serviceId: env.ids.newPatient, providerId: env.ids.patel, start, patientId: patient.id, source: 'api', actor }))
      .rejects.toMatchObject({ code: 'POLICY_VIOLATION' });
    const stranger = await f.patient((await f.clinic()).id);
    await expect(booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start: at(8, 15), patientId: stranger.id, source: 'api', actor }))
      .rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('bookings that share one statement each stand alone: overlaps refused, the rest booked, audited and queued once', async () => {
    const f = fixtures(env.prisma);
    const sql = env.running.app.get(SqlPool);
    const statements = jest.spyOn(sql, 'query');
    const patients = await Promise.all(Array.from({ length: 40 }, () => f.patient(env.ids.clinicId)));
    // 20 half-hour slots over two days, and for each a rival 15 minutes later that overlaps it.
    const starts = Array.from({ length: 20 }, (_, i) => at(10, [9, 10, 13, 14, 15][Math.floor((i % 10) / 2)]!, (i % 2) * 30)).map((d, i) => new Date(+d + (i >= 10 ? 86_400_000 : 0)));
    const requests = patients.map((p, i) => ({ patientId: p.id, start: i < 20 ? starts[i]! : new Date(+starts[i - 20]! + 15 * 60_000) }));
    const outcomes = await Promise.allSettled(requests.map((r) =>
      booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start: r.start, patientId: r.patientId, source: 'api', actor })));
    const batches = statements.mock.calls.filter(([statement]) => statement.name === 'insert-appointments-if-schedule-current').map(([, values]) => (values[0] as unknown[]).length);
    statements.mockRestore();
    expect(Math.max(...batches)).toBeGreaterThan(1);

    const booked = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.appointment] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code?: string }).code] : []));
    expect(refused.every((code) => code === 'SLOT_TAKEN')).toBe(true);
    // Every slot went to exactly one of its two contenders (the slot or its overlapping rival), never both.
    const stored = await env.prisma.appointment.findMany({ where: { providerId: env.ids.patel, patientId: { in: patients.map((p) => p.id) } }, orderBy: { startsAt: 'asc' } });
    expect(stored.map((a) => a.id).sort()).toEqual(booked.map((a) => a.id).sort());
    expect(stored).toHaveLength(20);
    for (let i = 1; i < stored.length; i++) expect(+stored[i]!.blockStart).toBeGreaterThanOrEqual(+stored[i - 1]!.blockEnd);
    for (const a of stored) {
      expect(await env.prisma.auditLog.count({ where: { entityId: a.id, action: 'appointment.booked' } })).toBe(1);
      expect(await env.prisma.outboxEvent.count({ where: { aggregateId: a.id, eventType: 'appointment.booked' } })).toBe(1);
    }
    expect((await verifyAuditLog(new AuditChainRepository(env.running.app.get(PrismaService)))).brokenCount).toBe(0);
  }, 60_000);

  it('concurrent bookings of one slot (deadlock victims included) end as one booking and SlotTaken for the rest', async () => {
    const f = fixtures(env.prisma);
    const patients = await Promise.all(Array.from({ length: 200 }, () => f.patient(env.ids.clinicId)));
    const start = at(9, 10);
    const outcomes = await Promise.allSettled(patients.map((p) =>
      booking.book({ serviceId: env.ids.followUp, providerId: env.ids.patel, start, patientId: p.id, source: 'api', actor })));
    const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'BOOKED' : (o.reason as { code?: string }).code ?? String(o.reason)));
    expect(codes.filter((c) => c === 'BOOKED')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'BOOKED' && c !== 'SLOT_TAKEN')).toEqual([]);
    expect(await env.prisma.appointment.count({ where: { providerId: env.ids.patel, startsAt: start } })).toBe(1);
  }, 60_000);
});
