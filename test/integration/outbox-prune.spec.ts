import { OutboxRelay } from '../../src/outbox/outbox.relay.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';
import { prismaFor } from '../support/fixtures.js';
import { startApp, type RunningApp } from '../support/http-app.js';

/** The outbox is a delivery queue: delivered events go after a week, undelivered ones never. */
describe('outbox pruning', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let running: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    prisma = prismaFor(db.url);
    running = await startApp(testConfig(db.url));
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await prisma.$disconnect();
    await db.drop();
  }, 30_000);

  it('deletes events delivered more than 7 days ago, in batches, and keeps recent and undelivered ones', async () => {
    const now = Date.now();
    const day = 86_400_000;
    const event = (aggregateId: string, publishedAt: Date | null, createdAt = new Date(now - 30 * day)) =>
      ({ aggregateType: 'appointment', aggregateId, eventType: 'appointment.booked', payload: {}, publishedAt, createdAt });
    // 12,000 old delivered events (more than one pruning batch), then the ones that must stay.
    await prisma.outboxEvent.createMany({ data: Array.from({ length: 12_000 }, (_, i) => event(`old-${i}`, new Date(now - 8 * day))) });
    await prisma.outboxEvent.createMany({
      data: [event('recent', new Date(now - 6 * day)), event('undelivered-old', null), event('undelivered-new', null, new Date(now))],
    });

    expect(await running.app.get(OutboxRelay).prune()).toBe(12_000);
    const left = await prisma.outboxEvent.findMany({ orderBy: { id: 'asc' }, select: { aggregateId: true } });
    expect(left.map((e) => e.aggregateId)).toEqual(['recent', 'undelivered-old', 'undelivered-new']);
    expect(await running.app.get(OutboxRelay).prune()).toBe(0);
  }, 60_000);
});
