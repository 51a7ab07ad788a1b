// Reminder scheduling benchmark (npm run bench:reminders), on the real Redis with BullMQ:
//  1. schedule reminders for 100,000 appointments (3 delayed jobs each, the scheduler's job ids,
//     options and payload shape) and report jobs created per second and the Redis memory they use;
//  2. make 1,000 reminders come due in the same minute and measure how late they start on a worker
//     with the app's concurrency (target: p99 lateness ≤ 5 s).
// The jobs live under their own key prefix, which the benchmark deletes at the end.
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { notificationJobId } from '../../src/notifications/reminder-plan.js';
import { machine, recordResults, summarize } from '../lib/results.js';

const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 100_000);
const DUE_TOGETHER = 1_000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const PREFIX = `bench-reminders-${process.pid}:bull`;
const OFFSETS = [4320, 1440, 120];
const DAY = 86_400_000;

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

async function main(): Promise<void> {
  if (!new URL(REDIS_URL).hostname.startsWith('127.') && new URL(REDIS_URL).hostname !== 'localhost') throw new Error('benchmarks only use a local Redis');
  const redis = new Redis(REDIS_URL);
  const queue = new Queue('notifications', { connection: { url: REDIS_URL }, prefix: PREFIX });
  try {
    // 1. Scheduling throughput and memory.
    const before = await usedMemory(redis);
    const now = Date.now();
    const started = performance.now();
    const BATCH = 1_000;
    for (let i = 0; i < APPOINTMENTS; i += BATCH) {
      const jobs = [];
      for (let j = i; j < Math.min(i + BATCH, APPOINTMENTS); j++) {
        const appointmentId = randomUUID();
        // Appointments spread over the next 90 days, like a clinic's book.
        const startsAt = now + 3 * DAY + 3_600_000 + ((j * 7_919_000) % (86 * DAY));
        for (const offset of OFFSETS) {
          const jobId = notificationJobId(appointmentId, 'reminder', offset);
          jobs.push({ name: 'send-notification', data: { notificationId: randomUUID() }, opts: { jobId, delay: startsAt - offset * 60_000 - now, attempts: 8, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: { age: 86_400, count: 10_000 } } });
        }
      }
      await queue.addBulk(jobs);
    }
    const seconds = (performance.now() - started) / 1000;
    const created = APPOINTMENTS * OFFSETS.length;
    const after = await usedMemory(redis);
    const rate = created / seconds;
    const bytesPerJob = (after - before) / created;
    console.log(`scheduled ${created} jobs in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} jobs/s; Redis +${((after - before) / 2 ** 20).toFixed(0)} MiB (${bytesPerJob.toFixed(0)} B/job)`);

    // 2. Lateness when 1,000 come due in the same minute (with the 300,000 others still waiting).
    const dueAt = Date.now() + 20_000;
    const lateness: number[] = [];
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => { finished = resolve; });
    const worker = new Worker('notifications', async (job) => {
      if (!job.id?.startsWith('burst-')) return;
      const due = job.timestamp + (job.opts.delay ?? 0);
      lateness.push(Date.now() - due);
      if (lateness.length >= DUE_TOGETHER) finished();
      // A realistic turn-around for a send: a couple of round trips.
      await redis.ping();
      await redis.ping();
    }, { connection: { url: REDIS_URL, maxRetriesPerRequest: null }, prefix: PREFIX, concurrency: 8 });
    worker.on('error', () => undefined);
    const burst = Array.from({ length: DUE_TOGETHER }, (_, i) => ({
      name: 'send-notification', data: { notificationId: randomUUID() },
      // Spread across one minute, as reminders at the same offset before appointments in the same minute would be.
      opts: { jobId: `burst-${i}`, delay: dueAt + (i * 60_000) / DUE_TOGETHER - Date.now() },
    }));
    await queue.addBulk(burst);
    const timeout = new Promise<void>((_, reject) => setTimeout(() => reject(new Error('burst did not finish within 3 minutes')), 180_000));
    await Promise.race([done, timeout]).finally(() => worker.close());
    const late = summarize(lateness);
    console.log(`burst: p50 ${late.p50} ms, p99 ${late.p99} ms, max ${late.max} ms late`);

    const table = [
      '## Reminders (`npm run bench:reminders`)',
      '',
      `BullMQ on the local Redis, the scheduler's job ids and options: reminders for ${APPOINTMENTS.toLocaleString('en')} appointments (3 delayed jobs each, spread over 90 days), then 1,000 reminders due within the same minute on one worker (concurrency 8, as in the app) while the others wait.`,
      '',
      '| measure | result | target | verdict |',
      '|---|---|---|---|',
      `| jobs created | ${created.toLocaleString('en')} in ${seconds.toFixed(1)} s = **${rate.toFixed(0)} jobs/s** | — | — |`,
      `| Redis memory | +${((after - before) / 2 ** 20).toFixed(0)} MiB (${bytesPerJob.toFixed(0)} bytes per delayed job) | — | — |`,
      `| lateness of 1,000 due in one minute | p50 ${late.p50.toFixed(0)} ms, p99 **${late.p99.toFixed(0)} ms**, max ${late.max.toFixed(0)} ms | p99 ≤ 5 s | ${late.p99 <= 5_000 ? 'met' : 'MISSED'} |`,
    ].join('\n');
    console.log(`\n${table}\n\n${machine()}`);
    if (APPOINTMENTS >= 100_000) recordResults('reminders', table);
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    // obliterate leaves nothing behind but be sure: drop every key under the benchmark's prefix.
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
