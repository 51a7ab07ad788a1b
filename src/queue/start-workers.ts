import type { Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';

export type JobHandler = (job: Job, token: string | undefined) => Promise<unknown>;

/**
 * Starts one BullMQ worker per queue, dispatching by job name. Wiring fails fast: a queue without
 * handlers refuses to start, and a job with an unknown name fails at once instead of sitting in the
 * queue. Workers get their own Redis connections with `maxRetriesPerRequest: null` (BullMQ's
 * blocking commands need it), unlike the producers' fail-fast connection. API-only instances
 * (`APP_ROLE=api`) run no workers: they only add jobs.
 */
export function startWorkers(config: AppConfig, handlers: Record<string, Record<string, JobHandler>>, concurrency: Record<string, number>, logger: Logger): Worker[] {
  if (config.role === 'api') return [];
  return Object.entries(handlers).map(([queue, byName]) => {
    if (Object.keys(byName).length === 0) throw new Error(`queue ${queue} has no job handlers`);
    const worker = new Worker(queue, async (job, token) => {
      const handler = byName[job.name];
      if (!handler) throw new UnrecoverableError(`no handler for job ${job.name} on ${queue}`);
      return handler(job, token);
    }, {
      connection: {
        url: config.redis.url, maxRetriesPerRequest: null, connectionName: `clinic-worker-${queue}`,
        retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
      },
      prefix: `${config.redis.prefix}:bull`,
      concurrency: concurrency[queue] ?? 1,
    });
    worker.on('error', (error) => logger.warn({ queue, err: error.message }, 'worker error'));
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) logger.error({ queue, jobId: job.id, err: error.message }, 'job failed for good');
    });
    return worker;
  });
}

/**
 * Puts the running job back to wait `ms` without counting an attempt (an earlier message to go
 * first, a rate limit, an expiry that fired early). BullMQ's delays are in its own wall-clock time.
 */
export async function runLater(job: Job, ms: number, token: string | undefined): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}
