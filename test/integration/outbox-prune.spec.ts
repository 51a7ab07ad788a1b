import { OutboxRelay } from '../../src/outbox/outbox.relay.js';
import { useTestApp } from '../support/test-app.js';

/** The outbox is a delivery queue: delivered events go after a week, undelivered ones never. */
describe('outbox pruning', () => {
  const env = useTestApp('empty');

  it('deletes events delivered more than 7 days ago, in batches, and keeps recent and undelivered ones', async () => {
    const now = Date.now();
    const day = 86_400_000;
    const event = (aggregateId: string, publishedAt: Date | null, createdAt = new Date(now - 30 * day)) =>
      ({ aggregateType: 'appointment', aggregateId, eventType: 'appointment.booked', payload: {}, publishedAt, createdAt });
    // 12,000 old delivered events (more than one pruning batch), then the ones that must stay.
    await env.prisma.outboxEvent.createMany({ data: Array.from({ length: 12_000 }, (_, i) => event(`old-${i}`, new Date(now - 8 * day))) });
    await env.prisma.outboxEvent.createMany({
      data: [event('recent', new Date(now - 6 * day)), event('undelivered-old', null), event('undelivered-new', null, new Date(now))],
    });

    expect(await env.running.app.get(OutboxRelay).prune()).toBe(12_000);
    const left = await env.prisma.outboxEvent.findMany({ orderBy: { id: 'asc' }, select: { aggregateId: true } });
    expect(left.map((e) => e.aggregateId)).toEqual(['recent', 'undelivered-old', 'undelivered-new']);
    expect(await env.running.app.get(OutboxRelay).prune()).toBe(0);
  }, 60_000);
});
