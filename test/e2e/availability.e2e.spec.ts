import { DateTime } from 'luxon';
import { useTestApp } from '../support/test-app.js';

/** GET /api/v1/availability against the seeded demo clinic, over real HTTP. */
interface SlotBody { start: string; end: string; localDate: string; localTime: string; localStart: string; providerName: string; providerId: string; locationName: string | null; roomId: string | null }
interface Body { timezone: string; service: { name: string }; slots: SlotBody[]; code?: string; message?: string }

const zone = 'America/New_York';

describe('GET /api/v1/availability (demo clinic)', () => {
  const env = useTestApp('demo');

  const get = async (query: Record<string, string | number>) => {
    const res = await fetch(`${env.running.url}/api/v1/availability?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`);
    return { status: res.status, body: (await res.json()) as Body };
  };
  const nextWeek = () => {
    const monday = DateTime.now().setZone(zone).startOf('week').plus({ weeks: 1 });
    return { monday, from: monday.toISODate()!, to: monday.plus({ days: 4 }).toISODate()! };
  };

  it("Dr. Patel's follow-ups next week: 30-minute slots Mon–Fri from 09:00, none in the 12:00–13:00 break", async () => {
    const { from, to } = nextWeek();
    const { status, body } = await get({ service: 'follow-up', provider: env.ids.patel, from, to });
    expect(status).toBe(200);
    expect(body.timezone).toBe(zone);
    expect(body.service.name).toBe('Follow-up visit');
    expect(body.slots.length).toBeGreaterThan(20);
    for (const slot of body.slots) {
      const start = DateTime.fromISO(slot.start, { zone });
      const end = DateTime.fromISO(slot.end, { zone });
      const minutes = start.hour * 60 + start.minute;
      expect(end.diff(start, 'minutes').minutes).toBe(30);
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(slot.localTime).toBe(start.toFormat('HH:mm'));
      expect(slot.providerName).toBe('Dr. Maya Patel');
      expect(slot.locationName).toBe('Downtown');
      // Inside 09:00–12:00 or 13:00–17:00, the whole 30 minutes.
      expect((minutes >= 9 * 60 && minutes + 30 <= 12 * 60) || (minutes >= 13 * 60 && minutes + 30 <= 17 * 60)).toBe(true);
    }
    const sorted = [...body.slots].sort((a, b) => a.start.localeCompare(b.start));
    expect(body.slots).toEqual(sorted);
  });

  it('on a day with nothing booked, offers exactly 09:00–11:30 and 13:00–16:30 every 15 minutes', async () => {
    const { monday } = nextWeek();
    const day = monday.plus({ days: 2 });
    // Clear Dr. Patel's Wednesday so the expectation does not depend on the generated history.
    await env.prisma.appointment.updateMany({
      where: { providerId: env.ids.patel, startsAt: { gte: day.toJSDate(), lt: day.plus({ days: 1 }).toJSDate() } },
      data: { status: 'cancelled', cancelReason: 'test: clear the day' },
    });
    const { body } = await get({ service: 'follow-up', provider: env.ids.patel, from: day.toISODate()!, to: day.toISODate()! });
    expect(body.slots.map((s) => s.localTime)).toEqual([
      '09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30',
      '13:00', '13:15', '13:30', '13:45', '14:00', '14:15', '14:30', '14:45', '15:00', '15:15', '15:30', '15:45', '16:00', '16:15', '16:30',
    ]);
  });

  it('reflects a schedule change in the very next search (the cached schedule is kept only while the schedule version stands)', async () => {
    const { monday } = nextWeek();
    const day = monday.plus({ days: 3 }).toISODate()!;
    const before = await get({ service: 'follow-up', provider: env.ids.patel, from: day, to: day });
    expect(before.body.slots.length).toBeGreaterThan(0);
    const closure = await env.prisma.scheduleException.create({
      data: { clinicId: (await env.prisma.clinic.findFirstOrThrow()).id, providerId: env.ids.patel, kind: 'closed', startsOn: new Date(`${day}T00:00:00Z`), endsOn: new Date(`${day}T00:00:00Z`), reason: 'test: training day' },
    });
    expect((await get({ service: 'follow-up', provider: env.ids.patel, from: day, to: day })).body.slots).toEqual([]);
    await env.prisma.scheduleException.delete({ where: { id: closure.id } });
    expect((await get({ service: 'follow-up', provider: env.ids.patel, from: day, to: day })).body.slots.map((s) => s.start)).toEqual(before.body.slots.map((s) => s.start));
  });

  it('never offers time that is booked (buffers included)', async () => {
    const { from, to, monday } = nextWeek();
    const { body } = await get({ service: 'physio', provider: env.ids.lee, from, to });
    const booked = await env.prisma.appointment.findMany({
      where: { providerId: env.ids.lee, status: { in: ['confirmed', 'requested', 'checked_in'] }, startsAt: { gte: monday.toJSDate(), lt: monday.plus({ days: 6 }).toJSDate() } },
    });
    expect(booked.length).toBeGreaterThan(0);
    for (const slot of body.slots) {
      const blockStart = Date.parse(slot.start);
      const blockEnd = Date.parse(slot.end) + 15 * 60_000;
      for (const b of booked) expect(blockStart < +b.blockEnd && +b.blockStart < blockEnd).toBe(false);
      expect(slot.roomId).toEqual(expect.any(String));
    }
  });

  it('offers nothing before now + 2 hours', async () => {
    const today = DateTime.now().setZone(zone);
    const { status, body } = await get({ service: 'physio', from: today.toISODate()!, to: today.plus({ days: 2 }).toISODate()!, limit: 50 });
    expect(status).toBe(200);
    const earliest = Date.now() + 2 * 3_600_000 - 5_000;
    for (const slot of body.slots) expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(earliest);
  });

  it('without a provider, returns the earliest slots across every provider offering the service', async () => {
    const { from, to } = nextWeek();
    const { body } = await get({ service: 'vaccination', from, to, limit: 10 });
    expect(body.slots).toHaveLength(10);
    const all = (await Promise.all([env.ids.patel, env.ids.garcia].map((provider) => get({ service: 'vaccination', provider, from, to })))).flatMap((r) => r.body.slots);
    const earliest = all.sort((a, b) => a.start.localeCompare(b.start) || a.providerId.localeCompare(b.providerId)).slice(0, 10);
    expect(body.slots.map((s) => `${s.start} ${s.providerId}`)).toEqual(earliest.map((s) => `${s.start} ${s.providerId}`));
  });

  it('filters by location: Dr. García at Northside only on Tuesdays and Thursdays, 12:00–18:00', async () => {
    const { from, to } = nextWeek();
    const { body } = await get({ service: 'follow-up', provider: env.ids.garcia, location: env.ids.northside, from, to });
    expect(body.slots.length).toBeGreaterThan(0);
    for (const slot of body.slots) {
      const start = DateTime.fromISO(slot.start, { zone });
      expect([2, 4]).toContain(start.weekday);
      expect(start.hour).toBeGreaterThanOrEqual(12);
      expect(slot.locationName).toBe('Northside');
    }
  });

  it('telehealth slots have no location', async () => {
    const { from, to } = nextWeek();
    const { body } = await get({ service: 'telehealth', from, to });
    expect(body.slots.length).toBeGreaterThan(0);
    expect(body.slots.every((s) => s.locationName === null && s.providerName === 'Dr. Aisha Khan')).toBe(true);
    expect(body.slots.every((s) => DateTime.fromISO(s.start, { zone }).weekday === 5)).toBe(true);
  });

  describe('bad requests get a 400 with a message', () => {
    it.each([
      [{ service: 'massage', from: '2026-12-01', to: '2026-12-02' }, /Unknown service "massage"/],
      [{ service: 'follow-up', from: '2026-12-05', to: '2026-12-01' }, /"from" must not be after "to"/],
      [{ service: 'follow-up', from: '2026-02-30', to: '2026-03-01' }, /not a valid date/],
      [{ service: 'follow-up', from: 'tomorrow', to: '2026-12-01' }, /from must be a date/],
      [{ service: 'follow-up', from: '2026-12-01', to: '2026-12-02', limit: 0 }, /limit must not be less than 1/],
      [{ service: 'follow-up', from: '2026-12-01', to: '2026-12-02', provider: 'not-a-uuid' }, /provider must be a UUID/],
      [{ service: 'follow-up', from: '2026-12-01', to: '2026-12-02', clinic: 'nowhere' }, /Unknown clinic "nowhere"/],
    ])('%j', async (query, message) => {
      const { status, body } = await get(query as Record<string, string>);
      expect(status).toBe(400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.message).toMatch(message);
    });

    it('a range past the 90-day advance window', async () => {
      const from = DateTime.now().setZone(zone).plus({ days: 80 });
      const { status, body } = await get({ service: 'follow-up', from: from.toISODate()!, to: from.plus({ days: 20 }).toISODate()! });
      expect(status).toBe(400);
      expect(body.message).toMatch(/at most 90 days ahead/);
    });

    it('a provider who does not offer the service', async () => {
      const { from, to } = nextWeek();
      const { status, body } = await get({ service: 'physio', provider: env.ids.patel, from, to });
      expect(status).toBe(400);
      expect(body.message).toMatch(/does not offer Physio session/);
    });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${env.running.url}/docs/json`)).json()) as { paths: Record<string, { get?: { parameters: { name: string }[] } }> };
    expect(doc.paths['/api/v1/availability']?.get?.parameters.map((p) => p.name).sort()).toEqual(['clinic', 'from', 'holder', 'limit', 'location', 'provider', 'service', 'to']);
  });
});
