import { Agent, request } from 'undici';
import { summarize } from './results.js';

export interface LoadResult { sent: number; ok: number; errors: number; statuses: Record<number, number>; latency: ReturnType<typeof summarize> }

/**
 * Open-loop load: requests leave on a fixed schedule whether or not earlier ones answered, and each
 * latency is measured from its scheduled time, so a stalled server cannot hide its queueing delay
 * (no coordinated omission). Only ever aimed at 127.0.0.1.
 */
export async function openLoop(options: {
  rate: number; seconds: number; make: (i: number) => { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };
  isOk?: (status: number) => boolean;
}): Promise<LoadResult> {
  const agent = new Agent({ connections: 256, pipelining: 1, keepAliveTimeout: 30_000 });
  const total = options.rate * options.seconds;
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const req = options.make(i);
    if (!new URL(req.url).hostname.startsWith('127.')) throw new Error('load tests only target 127.0.0.1');
    inflight.push(
      request(req.url, { method: req.method ?? 'GET', headers: req.headers, body: req.body, dispatcher: agent })
        .then(async (res) => {
          await res.body.text();
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          if (!(options.isOk ?? ((s) => s < 400))(res.statusCode)) errors++;
          latencies.push(performance.now() - scheduled);
        })
        .catch(() => { errors++; }),
    );
  }
  await Promise.all(inflight);
  await agent.close();
  return { sent: total, ok: total - errors, errors, statuses, latency: summarize(latencies) };
}
