import type { Worker } from 'bullmq';

const GRACE_MS = 5_000;

/**
 * Stops workers on shutdown. Normally they finish their running jobs first; when Redis is not
 * reachable that wait would never end (and the process would never exit), so they are closed by
 * force — a job that was running is retried later by BullMQ once its lock expires.
 */
export async function closeWorkers(workers: Worker[], redisReachable: boolean): Promise<void> {
  await Promise.all(workers.map(async (worker) => {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => { timer = setTimeout(resolve, GRACE_MS); });
    await Promise.race([worker.close(!redisReachable).catch(() => undefined), grace]);
    clearTimeout(timer);
  }));
}
