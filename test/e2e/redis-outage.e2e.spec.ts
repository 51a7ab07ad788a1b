import { APPOINTMENT_EVENT_BATCH_JOB } from '../../src/queue/queues.js';
import { DateTime } from 'luxon';
import { freePort, PrivateRedis } from '../support/redis-server.js';
import { relayedEvents } from '../support/relayed-events.js';
import { useTestApp } from '../support/test-app.js';

/**
 * With Redis down: holds fail with a clear 503, staff bookings still cannot double-book (Postgres
 * decides), and the outbox keeps every event until Redis is back, then delivers them.
 */
describe('when Redis is down', () => {
  let redis: PrivateRedis;
  const prefix = `t:outage${process.pid}`;
  const env = useTestApp('demo', {
    beforeStart: async () => {
      redis = new PrivateRedis(await freePort());
      await redis.start();
    },
    overrides: () => ({ REDIS_URL: redis.url, REDIS_PREFIX: prefix }),
  });
  // Declared after useTestApp, so it runs after the app has closed (closing needs this Redis).
  afterAll(() => redis?.stop());

  it('answers holds with 503, keeps staff bookings safe, and delivers the outbox after Redis returns', async () => {
    const day = DateTime.now().setZone('America/New_York').startOf('week').plus({ weeks: 4, days: 1 });
    const slots = (await env.api('GET', `/api/v1/availability?service=${env.ids.followUp}&provider=${env.ids.patel}&from=${day.toISODate()}&to=${day.toISODate()}`)).body.slots;
    await redis.stop();

    const hold = await env.api('POST', '/api/v1/holds', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: slots[0].start, holder: 'x' });
    expect(hold.status).toBe(503);
    expect(hold.body.code).toBe('UNAVAILABLE');
    expect((await env.api('GET', '/health')).body).toMatchObject({ status: 'unavailable', redis: 'down', postgres: 'up' });

    // Availability still answers from Postgres.
    const search = await env.api('GET', `/api/v1/availability?service=${env.ids.followUp}&provider=${env.ids.patel}&from=${day.toISODate()}&to=${day.toISODate()}`);
    expect(search.status).toBe(200);

    const body = (start: string, phone: string) => ({
      serviceId: env.ids.followUp, providerId: env.ids.patel, start, source: 'console', patient: { phone },
      override: { reason: 'Booked by phone during a Redis outage' },
    });
    const later = new Date(Date.parse(slots[0].start) + 15 * 60_000).toISOString();
    const [a, b] = await Promise.all([env.api('POST', '/api/v1/appointments', body(slots[0].start, '+19175550001')), env.api('POST', '/api/v1/appointments', body(later, '+19175550002'))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const booked = [a, b].find((r) => r.status === 201)!.body;

    await new Promise((r) => setTimeout(r, 1_000));
    const pending = await env.prisma.outboxEvent.findMany({ where: { aggregateId: booked.id } });
    expect(pending).toHaveLength(1);
    expect(pending[0]!.publishedAt).toBeNull();

    await redis.start();
    for (let i = 0; i < 100 && (await env.prisma.outboxEvent.count({ where: { publishedAt: null } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await env.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);

    const delivered = await relayedEvents(redis.url, prefix);
    expect(delivered.filter((e) => e.outboxId === String(pending[0]!.id))).toEqual([
      expect.objectContaining({ job: APPOINTMENT_EVENT_BATCH_JOB, appointmentId: booked.id, eventType: 'appointment.booked' }),
    ]);
    // The app's own Redis connection reconnects within its 2 s backoff.
    let health = 0;
    for (let i = 0; i < 50 && health !== 200; i++) {
      health = (await env.api('GET', '/health')).status;
      if (health !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toBe(200);
  }, 60_000);
});
