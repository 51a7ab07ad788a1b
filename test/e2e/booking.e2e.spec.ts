import { DateTime } from 'luxon';
import { apiClient } from '../support/api-client.js';
import { relayedEvents } from '../support/relayed-events.js';
import { useTestApp } from '../support/test-app.js';

/** Holds and bookings over real HTTP, on real Postgres and Redis. */
const zone = 'America/New_York';
interface Slot { start: string; end: string; providerId: string; localTime: string }

describe('booking API', () => {
  const env = useTestApp('demo');
  let phone = 2_000_000;
  const newPatient = () => ({ phone: `+1917${++phone}`, fullName: 'Test Patient', dateOfBirth: '1980-01-01' });

  /** Free slots for a service/provider on a weekday some weeks ahead, clear of the seeded history. */
  async function freeSlots(serviceId: string, providerId: string, weeksAhead = 4, weekday = 2, holder?: string): Promise<Slot[]> {
    const day = DateTime.now().setZone(zone).startOf('week').plus({ weeks: weeksAhead, days: weekday - 1 }).toISODate()!;
    const res = await env.api('GET', `/api/v1/availability?service=${serviceId}&provider=${providerId}&from=${day}&to=${day}${holder ? `&holder=${holder}` : ''}`);
    expect(res.status).toBe(200);
    return res.body.slots;
  }

  it('refuses requests without a staff sign-in', async () => {
    const res = await apiClient(env.running.url, '')('POST', '/api/v1/appointments', {});
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('200 concurrent attempts on one slot: exactly one 201, the rest 409 with alternatives, no 5xx, one row', async () => {
    const [slot] = await freeSlots(env.ids.followUp, env.ids.patel, 3, 1);
    const attempts = await Promise.all(Array.from({ length: 200 }, () =>
      env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: slot!.start, patient: newPatient() })));
    const statuses = attempts.map((a) => a.status);
    const others = attempts.filter((a) => a.status !== 201 && a.status !== 409);
    expect(others.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
    const conflict = attempts.find((a) => a.status === 409)!;
    expect(conflict.body.code).toBe('SLOT_TAKEN');
    expect(conflict.body.details.alternatives.length).toBeGreaterThan(0);
    expect(conflict.body.details.alternatives.every((s: Slot) => s.start !== slot!.start || s.providerId !== env.ids.patel)).toBe(true);
    expect(await env.prisma.appointment.count({ where: { providerId: env.ids.patel, startsAt: new Date(slot!.start), status: 'confirmed' } })).toBe(1);
  }, 60_000);

  it('30 staff force-booking one slot at once (overrides take the full transaction): one 201, the rest 409, no 5xx, one row', async () => {
    const [slot] = await freeSlots(env.ids.followUp, env.ids.garcia, 7, 4);
    const attempts = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.garcia, start: slot!.start, patient: newPatient(), override: { reason: `Urgent case ${i}` } })));
    const others = attempts.filter((a) => a.status !== 201 && a.status !== 409);
    expect(others.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(1);
    expect(attempts.filter((a) => a.status === 409).every((a) => a.body.code === 'SLOT_TAKEN')).toBe(true);
    expect(await env.prisma.appointment.count({ where: { providerId: env.ids.garcia, startsAt: new Date(slot!.start), status: 'confirmed' } })).toBe(1);
  }, 60_000);

  it('overlapping attempts of different durations (60 min, and 30 min starting 15 min later) never both succeed', async () => {
    // Six weeks ahead: past the seeded upcoming bookings, so every candidate time is free.
    const slots = await freeSlots(env.ids.followUp, env.ids.patel, 6, 3);
    const starts = slots.filter((s) => ['09:00', '10:15', '13:00', '14:30', '15:15'].includes(s.localTime)).map((s) => s.start);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    for (const start of starts) {
      const later = new Date(Date.parse(start) + 15 * 60_000).toISOString();
      const [long, short] = await Promise.all([
        env.api('POST', '/api/v1/appointments', { serviceId: env.ids.annual, providerId: env.ids.patel, start, patient: newPatient() }),
        env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: later, patient: newPatient() }),
      ]);
      const outcome = { start, long: `${long.status} ${long.body.code ?? ''}`, short: `${short.status} ${short.body.code ?? ''}` };
      expect({ ...outcome, bothBooked: long.status === 201 && short.status === 201 }).toEqual({ ...outcome, bothBooked: false });
      expect([long.status, short.status].every((s) => s === 201 || s === 409)).toBe(true);
    }
    const booked = await env.prisma.appointment.findMany({ where: { providerId: env.ids.patel, status: 'confirmed' }, orderBy: { blockStart: 'asc' } });
    for (let i = 1; i < booked.length; i++) expect(+booked[i]!.blockStart).toBeGreaterThanOrEqual(+booked[i - 1]!.blockEnd);
  }, 30_000);

  it('replaying a request with the same Idempotency-Key returns the same appointment and books once', async () => {
    const [slot] = await freeSlots(env.ids.vaccination, env.ids.garcia, 4, 1);
    const patient = newPatient();
    const body = { serviceId: env.ids.vaccination, providerId: env.ids.garcia, start: slot!.start, patient };
    const first = await env.api('POST', '/api/v1/appointments', body, { 'idempotency-key': 'book-once-1' });
    const again = await env.api('POST', '/api/v1/appointments', body, { 'idempotency-key': 'book-once-1' });
    const concurrent = await Promise.all([1, 2, 3].map(() => env.api('POST', '/api/v1/appointments', body, { 'idempotency-key': 'book-once-1' })));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(concurrent.map((c) => c.body.id)).toEqual([first.body.id, first.body.id, first.body.id]);
    expect(await env.prisma.appointment.count({ where: { idempotencyKey: 'book-once-1' } })).toBe(1);
    const other = await env.api('POST', '/api/v1/appointments', { ...body, start: new Date(Date.parse(slot!.start) + 3_600_000).toISOString() }, { 'idempotency-key': 'book-once-1' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  describe('holds', () => {
    beforeAll(async () => {
      await env.prisma.clinic.updateMany({ data: { holdTtlSeconds: 2 } });
      await new Promise((r) => setTimeout(r, 5_100)); // let the service cache pick up the short TTL
    }, 10_000);
    afterAll(() => env.prisma.clinic.updateMany({ data: { holdTtlSeconds: 300 } }));

    it('hides a held slot from everyone but its holder, and it reappears after the TTL', async () => {
      const [slot] = await freeSlots(env.ids.skinCheck, env.ids.khan, 4, 2);
      const hold = await env.api('POST', '/api/v1/holds', { serviceId: env.ids.skinCheck, providerId: env.ids.khan, start: slot!.start, holder: 'conv-a' });
      expect(hold.status).toBe(201);
      expect(hold.body.token).toEqual(expect.any(String));
      expect((await freeSlots(env.ids.skinCheck, env.ids.khan, 4, 2)).map((s) => s.start)).not.toContain(slot!.start);
      expect((await freeSlots(env.ids.skinCheck, env.ids.khan, 4, 2, 'conv-a')).map((s) => s.start)).toContain(slot!.start);
      const rival = await env.api('POST', '/api/v1/holds', { serviceId: env.ids.skinCheck, providerId: env.ids.khan, start: slot!.start, holder: 'conv-b' });
      expect(rival.status).toBe(409);
      await new Promise((r) => setTimeout(r, 2_300));
      expect((await freeSlots(env.ids.skinCheck, env.ids.khan, 4, 2)).map((s) => s.start)).toContain(slot!.start);
      const late = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.skinCheck, providerId: env.ids.khan, start: slot!.start, holdToken: hold.body.token, patient: newPatient() });
      expect(late.status).toBe(410);
      expect(late.body.code).toBe('HOLD_EXPIRED');
    }, 20_000);

    it('books with a live hold and releases it; a foreign token is refused', async () => {
      const [slot] = await freeSlots(env.ids.skinCheck, env.ids.khan, 4, 3);
      const hold = await env.api('POST', '/api/v1/holds', { serviceId: env.ids.skinCheck, providerId: env.ids.khan, start: slot!.start, holder: 'conv-c' });
      const foreign = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.skinCheck, providerId: env.ids.khan, start: slot!.start, holdToken: 'not-a-real-token', patient: newPatient() });
      expect(foreign.status).toBe(410);
      const booked = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.skinCheck, providerId: env.ids.khan, start: slot!.start, holdToken: hold.body.token, patient: newPatient() });
      expect(booked.status).toBe(201);
      const again = await env.api('POST', '/api/v1/holds', { serviceId: env.ids.skinCheck, providerId: env.ids.khan, start: slot!.start, holder: 'conv-d' });
      expect(again.status).toBe(409);
    });
  });

  it('refuses times outside the rules, unless staff override with a reason (audited)', async () => {
    const sunday = DateTime.now().setZone(zone).startOf('week').plus({ weeks: 4, days: 6 }).set({ hour: 10 });
    const body = { serviceId: env.ids.followUp, providerId: env.ids.patel, start: sunday.toUTC().toISO(), patient: newPatient(), source: 'console' };
    const refused = await env.api('POST', '/api/v1/appointments', body);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'POLICY_VIOLATION', details: { rule: 'outside_hours' } });
    const forced = await env.api('POST', '/api/v1/appointments', { ...body, override: { reason: 'Urgent review requested by Dr. Patel' } });
    expect(forced.status).toBe(201);
    expect(forced.body.locationName).toBe('Downtown');
    const audit = await env.prisma.auditLog.findFirstOrThrow({ where: { entityId: forced.body.id } });
    expect(audit).toMatchObject({ action: 'appointment.force_booked', reason: 'Urgent review requested by Dr. Patel', actorType: 'staff' });
    expect(audit.details).toMatchObject({ overrides: ['outside_hours'] });
    const overlap = await env.api('POST', '/api/v1/appointments', { ...body, start: sunday.plus({ minutes: 15 }).toUTC().toISO(), override: { reason: 'Second urgent case' } });
    expect(overlap.status).toBe(409);
    expect(overlap.body.details.blockingAppointmentId).toBe(forced.body.id);
  });

  it('a new-patient-only service is refused for a returning patient', async () => {
    const [first] = await freeSlots(env.ids.followUp, env.ids.patel, 5, 1);
    const patient = newPatient();
    expect((await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: first!.start, patient })).status).toBe(201);
    const [np] = await freeSlots(env.ids.newPatient, env.ids.patel, 5, 2);
    const res = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.newPatient, providerId: env.ids.patel, start: np!.start, patient });
    expect(res.status).toBe(422);
    expect(res.body.details.rule).toBe('new_patients_only');
  });

  it('reschedules to an overlapping later time atomically, linking old and new', async () => {
    const slots = await freeSlots(env.ids.followUp, env.ids.patel, 5, 4);
    const first = slots.find((s) => slots.some((t) => Date.parse(t.start) === Date.parse(s.start) + 15 * 60_000))!;
    const booked = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: first.start, patient: newPatient() });
    const later = new Date(Date.parse(first.start) + 15 * 60_000).toISOString();
    const moved = await env.api('POST', `/api/v1/appointments/${booked.body.id}/reschedule`, { start: later }, { 'idempotency-key': 'move-1' });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ start: later, status: 'confirmed', rescheduledFromId: booked.body.id });
    expect((await env.api('GET', `/api/v1/appointments/${booked.body.id}`)).body.status).toBe('rescheduled');
    const replay = await env.api('POST', `/api/v1/appointments/${booked.body.id}/reschedule`, { start: later }, { 'idempotency-key': 'move-1' });
    expect(replay.body.id).toBe(moved.body.id);
    const twice = await env.api('POST', `/api/v1/appointments/${booked.body.id}/reschedule`, { start: first.start });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses illegal status transitions and audits legal ones', async () => {
    const [slot] = await freeSlots(env.ids.vaccination, env.ids.patel, 5, 5);
    const booked = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.vaccination, providerId: env.ids.patel, start: slot!.start, patient: newPatient() });
    const checkedIn = await env.api('POST', `/api/v1/appointments/${booked.body.id}/status`, { status: 'checked_in' });
    expect(checkedIn.status).toBe(200);
    expect((await env.api('POST', `/api/v1/appointments/${booked.body.id}/status`, { status: 'completed' })).body.status).toBe('completed');
    const illegal = await env.api('POST', `/api/v1/appointments/${booked.body.id}/cancel`, { reason: 'Patient called' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.message).toMatch(/completed cannot become cancelled/);
    const actions = (await env.prisma.auditLog.findMany({ where: { entityId: booked.body.id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['appointment.booked', 'appointment.checked_in', 'appointment.completed']);
  });

  it('cancels with a reason; a staff cancellation without a reason is refused', async () => {
    const [slot] = await freeSlots(env.ids.vaccination, env.ids.garcia, 5, 3);
    const booked = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.vaccination, providerId: env.ids.garcia, start: slot!.start, patient: newPatient() });
    expect((await env.api('POST', `/api/v1/appointments/${booked.body.id}/cancel`, {})).status).toBe(400);
    const cancelled = await env.api('POST', `/api/v1/appointments/${booked.body.id}/cancel`, { reason: 'Patient travelling' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Patient travelling', lateCancellation: false });
    const free = await freeSlots(env.ids.vaccination, env.ids.garcia, 5, 3);
    expect(free.map((s) => s.start)).toContain(slot!.start);
  });

  it('writes one outbox event per change, and relays them to BullMQ in order', async () => {
    const [slot] = await freeSlots(env.ids.followUp, env.ids.garcia, 6, 1);
    const booked = await env.api('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.garcia, start: slot!.start, patient: newPatient() });
    await env.api('POST', `/api/v1/appointments/${booked.body.id}/cancel`, { reason: 'Changed plans' });
    const events = await env.prisma.outboxEvent.findMany({ where: { aggregateId: booked.body.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.eventType)).toEqual(['appointment.booked', 'appointment.cancelled']);
    for (let i = 0; i < 40 && (await env.prisma.outboxEvent.count({ where: { aggregateId: booked.body.id, publishedAt: null } })) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await env.prisma.outboxEvent.count({ where: { aggregateId: booked.body.id, publishedAt: null } })).toBe(0);
    const delivered = (await relayedEvents(env.config.redis.url, env.config.redis.prefix)).filter((e) => e.appointmentId === booked.body.id);
    expect(delivered.map((e) => [e.outboxId, e.eventType])).toEqual(events.map((e) => [String(e.id), e.eventType]));
  });
});
