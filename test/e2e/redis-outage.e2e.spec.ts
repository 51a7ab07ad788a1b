import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { apiClient } from '../support/api-client.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';
import { demoIds } from '../support/demo-ids.js';
import { prismaFor } from '../support/fixtures.js';
import { startApp, type RunningApp } from '../support/http-app.js';
import { freePort, PrivateRedis } from '../support/redis-server.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';

/**
 * With Redis down: holds fail with a clear 503, staff bookings still cannot double-book (Postgres
 * decides), and the outbox keeps every event until Redis is back, then delivers them.
 */
describe('when Redis is down', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let redis: PrivateRedis;
  let running: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const prefix = `t:outage${process.pid}`;

  beforeAll(async () => {
    db = await createTestDatabase('demo');
    prisma = prismaFor(db.url);
    ids = await demoIds(prisma);
    redis = new PrivateRedis(await freePort());
    await redis.start();
    running = await startApp(testConfig(db.url, { REDIS_URL: redis.url, REDIS_PREFIX: prefix }));
    api = apiClient(running.url);
  }, 60_000);
  // Closing the app waits for its BullMQ workers and relay to let go of a Redis that just came back;
  // on a loaded CI machine that took longer than Jest's default 5 s (seen once in a full run).
  afterAll(async () => {
    await running?.close();
    await redis?.stop();
    await prisma.$disconnect();
    await db.drop();
  }, 30_000);

  it('answers holds with 503, keeps staff bookings safe, and delivers the outbox after Redis returns', async () => {
    const day = DateTime.now().setZone('America/New_York').startOf('week').plus({ weeks: 4, days: 1 });
    const slots = (await api('GET', `/api/v1/availability?service=${ids.followUp}&provider=${ids.patel}&from=${day.toISODate()}&to=${day.toISODate()}`)).body.slots;
    await redis.stop();

    const hold = await api('POST', '/api/v1/holds', { serviceId: ids.followUp, providerId: ids.patel, start: slots[0].start, holder: 'x' });
    expect(hold.status).toBe(503);
    expect(hold.body.code).toBe('UNAVAILABLE');
    expect((await api('GET', '/health')).body).toMatchObject({ status: 'unavailable', redis: 'down', postgres: 'up' });

    // Availability still answers from Postgres.
    const search = await api('GET', `/api/v1/availability?service=${ids.followUp}&provider=${ids.patel}&from=${day.toISODate()}&to=${day.toISODate()}`);
    expect(search.status).toBe(200);

    const body = (start: string, phone: string) => ({
      serviceId: ids.followUp, providerId: ids.patel, start, source: 'console', patient: { phone },
      override: { reason: 'Booked by phone during a Redis outage' },
    });
    const later = new Date(Date.parse(slots[0].start) + 15 * 60_000).toISOString();
    const [a, b] = await Promise.all([api('POST', '/api/v1/appointments', body(slots[0].start, '+19175550001')), api('POST', '/api/v1/appointments', body(later, '+19175550002'))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const booked = [a, b].find((r) => r.status === 201)!.body;

    await new Promise((r) => setTimeout(r, 1_000));
    const pending = await prisma.outboxEvent.findMany({ where: { aggregateId: booked.id } });
    expect(pending).toHaveLength(1);
    expect(pending[0]!.publishedAt).toBeNull();

    await redis.start();
    for (let i = 0; i < 100 && (await prisma.outboxEvent.count({ where: { publishedAt: null } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);

    const queue = new Queue('appointment-events', { connection: { url: redis.url }, prefix: `${prefix}:bull` });
    try {
      const job = await queue.getJob(`outbox-${pending[0]!.id}`);
      expect(job?.name).toBe('appointment.booked');
      expect(job?.data).toMatchObject({ appointmentId: booked.id, eventType: 'appointment.booked' });
    } finally {
      await queue.close();
    }
    // The app's own Redis connection reconnects within its 2 s backoff.
    let health = 0;
    for (let i = 0; i < 50 && health !== 200; i++) {
      health = (await api('GET', '/health')).status;
      if (health !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toBe(200);
  }, 60_000);
});
