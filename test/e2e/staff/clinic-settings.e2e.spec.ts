import { hash } from '@node-rs/argon2';
import { DateTime } from 'luxon';
import { apiClient } from '../../support/api-client.js';
import { fixtures } from '../../support/fixtures.js';
import { useTestApp } from '../../support/test-app.js';

/** Clinic settings editors over real HTTP: providers (with their services), services, rooms; validation, conflicts, isolation, audit. */
const zone = 'America/New_York';

describe('clinic settings (staff API)', () => {
  const env = useTestApp('demo');
  let admin: ReturnType<typeof apiClient>;
  let adminId: string;
  const tuesday = DateTime.now().setZone(zone).startOf('week').plus({ weeks: 5, days: 1 }).toISODate()!;

  beforeAll(async () => {
    admin = env.api;
    adminId = (await env.prisma.staffUser.findUniqueOrThrow({ where: { email: 'admin@riverside.test' } })).id;
  });

  const search = (serviceId: string, providerId: string) => admin('GET', `/api/v1/availability?service=${serviceId}&provider=${providerId}&from=${tuesday}&to=${tuesday}`);

  /** Slot search caches schedules for ~5 s per process: ask again until the answer matches, for at most 8 s. */
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 8_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('the change did not show within 8 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('creates and edits a service, refusing out-of-range and blank values with 400s; each write audited with the changed fields', async () => {
    const base = { code: 'ear-check', name: 'Ear check', durationMinutes: 20 };
    for (const bad of [
      { ...base, durationMinutes: 4 }, { ...base, durationMinutes: 481 }, { ...base, bufferBeforeMinutes: -1 }, { ...base, bufferAfterMinutes: 121 },
      { ...base, minNoticeMinutes: -5 }, { ...base, maxAdvanceDays: 0 }, { ...base, maxAdvanceDays: 366 }, { ...base, name: '   ' }, { ...base, name: 'x'.repeat(121) },
      { ...base, code: 'Ear Check' }, { name: 'No duration', code: 'no-duration' }, { ...base, price: 10 },
    ]) {
      const res = await admin('POST', '/api/v1/services', bad);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    const created = await admin('POST', '/api/v1/services', { ...base, name: '  Ear check ', bufferAfterMinutes: 5, roomKind: 'treatment', maxAdvanceDays: 60 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Ear check', code: 'ear-check', durationMinutes: 20, bufferBeforeMinutes: 0, bufferAfterMinutes: 5, roomKind: 'treatment', maxAdvanceDays: 60, active: true });

    expect((await admin('PUT', `/api/v1/services/${created.body.id}`, { durationMinutes: 500 })).status).toBe(400);
    expect((await admin('PUT', `/api/v1/services/${created.body.id}`, { name: null })).status).toBe(400);
    const edited = await admin('PUT', `/api/v1/services/${created.body.id}`, { durationMinutes: 30, roomKind: null, active: false });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ durationMinutes: 30, roomKind: null, active: false, bufferAfterMinutes: 5 });
    expect((await admin('GET', `/api/v1/services/${created.body.id}`)).body).toMatchObject({ durationMinutes: 30, active: false });

    const audit = await env.prisma.auditLog.findMany({ where: { entityId: created.body.id }, orderBy: { id: 'asc' } });
    expect(audit.map((r) => [r.action, r.entityType, r.actorId])).toEqual([['service.created', 'service', adminId], ['service.updated', 'service', adminId]]);
    expect(audit[1]!.details).toEqual({ changes: { durationMinutes: { from: 20, to: 30 }, roomKind: { from: 'treatment', to: null }, active: { from: true, to: false } } });
  });

  it("edits a provider's services, and slot search follows (within the schedule cache)", async () => {
    const service = (await admin('POST', '/api/v1/services', { code: 'wart-removal', name: 'Wart removal', durationMinutes: 30 })).body;
    const provider = await admin('POST', '/api/v1/providers', { name: 'Dr. Ines Ortega', shortName: 'Dr. Ortega', specialty: 'Dermatology', languages: ['en', 'es'], serviceIds: [env.ids.followUp] });
    expect(provider.status).toBe(201);
    expect(provider.body).toMatchObject({ name: 'Dr. Ines Ortega', languages: ['en', 'es'], active: true, serviceIds: [env.ids.followUp] });
    const rule = await admin('POST', '/api/v1/availability-rules', { providerId: provider.body.id, locationId: env.ids.downtown, weekday: 2, startTime: '09:00', endTime: '12:00' });
    expect(rule.status).toBe(201);

    expect((await search(env.ids.followUp, provider.body.id)).body.slots.length).toBeGreaterThan(0);
    expect((await search(service.id, provider.body.id)).status).toBe(400);

    const edited = await admin('PUT', `/api/v1/providers/${provider.body.id}`, { serviceIds: [service.id, env.ids.followUp, service.id] });
    expect(edited.status).toBe(200);
    expect([...edited.body.serviceIds].sort()).toEqual([service.id, env.ids.followUp].sort());
    await eventually(async () => (await search(service.id, provider.body.id)).body.slots?.length > 0);
    const slots = (await search(service.id, provider.body.id)).body.slots as { start: string }[];
    expect(DateTime.fromISO(slots[0]!.start).setZone(zone).toFormat('HH:mm')).toBe('09:00');

    expect((await admin('PUT', `/api/v1/providers/${provider.body.id}`, { serviceIds: [service.id] })).status).toBe(200);
    await eventually(async () => (await search(env.ids.followUp, provider.body.id)).status === 400);

    expect((await admin('PUT', `/api/v1/providers/${provider.body.id}`, { languages: ['fr'] })).status).toBe(400);
    expect((await admin('PUT', `/api/v1/providers/${provider.body.id}`, { shortName: '' })).status).toBe(400);
    const audit = await env.prisma.auditLog.findMany({ where: { entityId: provider.body.id, entityType: 'provider' }, orderBy: { id: 'asc' } });
    expect(audit.map((r) => r.action)).toEqual(['provider.created', 'provider.updated', 'provider.updated']);
    expect(audit[2]!.details).toEqual({ changes: { serviceIds: { from: [service.id, env.ids.followUp].sort(), to: [service.id] } } });
  }, 30_000);

  it('creates a room at one of the clinic locations and retires it with active: false', async () => {
    expect((await admin('POST', '/api/v1/rooms', { locationId: env.ids.downtown, name: 'Room 9' })).status).toBe(400);
    const room = await admin('POST', '/api/v1/rooms', { locationId: env.ids.downtown, name: 'Room 9', kind: 'treatment' });
    expect(room.status).toBe(201);
    expect(room.body).toMatchObject({ locationId: env.ids.downtown, name: 'Room 9', kind: 'treatment', active: true });
    const retired = await admin('PUT', `/api/v1/rooms/${room.body.id}`, { active: false });
    expect(retired.body).toMatchObject({ active: false, name: 'Room 9' });
    // The same name at another location is a different room.
    expect((await admin('POST', '/api/v1/rooms', { locationId: env.ids.northside, name: 'Room 9', kind: 'consult' })).status).toBe(201);
    const audit = await env.prisma.auditLog.findMany({ where: { entityId: room.body.id }, orderBy: { id: 'asc' } });
    expect(audit.map((r) => [r.action, r.entityType])).toEqual([['room.created', 'room'], ['room.updated', 'room']]);
    expect(audit[1]!.details).toEqual({ changes: { active: { from: true, to: false } } });
  });

  it('answers 409 with a clear message on duplicate names and codes, and changes nothing', async () => {
    const patel = await env.prisma.provider.findUniqueOrThrow({ where: { id: env.ids.patel } });
    const dupProvider = await admin('POST', '/api/v1/providers', { name: patel.name, shortName: 'Dup', specialty: 'x' });
    expect(dupProvider.status).toBe(409);
    expect(dupProvider.body).toMatchObject({ code: 'DUPLICATE_NAME', message: 'A provider with that name already exists.' });
    expect((await admin('PUT', `/api/v1/providers/${env.ids.garcia}`, { name: patel.name })).status).toBe(409);

    const followUp = await env.prisma.service.findUniqueOrThrow({ where: { id: env.ids.followUp } });
    const byName = await admin('POST', '/api/v1/services', { code: 'other-code', name: followUp.name.toUpperCase(), durationMinutes: 15 });
    expect(byName.status).toBe(409);
    expect(byName.body.message).toBe('A service with that name already exists.');
    const byCode = await admin('PUT', `/api/v1/services/${env.ids.vaccination}`, { code: followUp.code });
    expect(byCode.status).toBe(409);
    expect(byCode.body.message).toBe('A service with that code already exists.');

    await admin('POST', '/api/v1/rooms', { locationId: env.ids.northside, name: 'Room 10', kind: 'consult' });
    const dupRoom = await admin('POST', '/api/v1/rooms', { locationId: env.ids.northside, name: 'Room 10', kind: 'consult' });
    expect(dupRoom.status).toBe(409);
    expect(dupRoom.body.message).toBe('A room with that name already exists at this location.');

    expect((await env.prisma.provider.findUniqueOrThrow({ where: { id: env.ids.garcia } })).name).toBe('Dr. Luis García');
    expect((await env.prisma.service.findUniqueOrThrow({ where: { id: env.ids.vaccination } })).code).toBe('vaccination');
  });

  it("another clinic's admin gets 404 for this clinic's ids, and cannot use them in its own records", async () => {
    const other = await fixtures(env.prisma).clinic({ name: 'Other Clinic' });
    await env.prisma.staffUser.create({ data: { clinicId: other.id, email: 'admin@other-settings.test', displayName: 'Other admin', role: 'admin', passwordHash: await hash('other-clinic-password') } });
    const outsider = apiClient(env.running.url, 'admin@other-settings.test', 'other-clinic-password');
    const room = await env.prisma.room.findFirstOrThrow({ where: { clinicId: env.ids.clinicId } });
    expect((await outsider('PUT', `/api/v1/providers/${env.ids.patel}`, { active: false })).status).toBe(404);
    expect((await outsider('PUT', `/api/v1/services/${env.ids.followUp}`, { active: false })).status).toBe(404);
    expect((await outsider('PUT', `/api/v1/rooms/${room.id}`, { active: false })).status).toBe(404);
    expect((await outsider('POST', '/api/v1/rooms', { locationId: env.ids.downtown, name: 'Sneaky', kind: 'consult' })).status).toBe(404);
    expect((await outsider('POST', '/api/v1/providers', { name: 'Dr. Other', shortName: 'Dr. O', specialty: 'x', serviceIds: [env.ids.followUp] })).status).toBe(404);
    expect(await env.prisma.provider.count({ where: { clinicId: other.id } })).toBe(0);
    expect((await env.prisma.provider.findUniqueOrThrow({ where: { id: env.ids.patel } })).active).toBe(true);
    expect((await env.prisma.room.findUniqueOrThrow({ where: { id: room.id } })).active).toBe(room.active);
  });
});
