import { createTestDatabase } from '../support/databases.js';
import { figuresTable } from './harness/invariants.js';
import { runChaos } from './harness/run-chaos.js';

/**
 * The multi-instance chaos test at CI size (`npm run test:chaos` is the full size): 3 API and 2
 * worker processes of the compiled app, a private Redis, Postgres behind a proxy; an API instance
 * and a worker are killed with SIGKILL and restarted, Redis restarts and Postgres refuses
 * connections for 5 s while patients chat over signed Twilio and Meta webhooks delivered 1–3 times.
 */
describe('chaos (CI size)', () => {
  it('keeps every invariant through kills, a Redis restart and a Postgres outage', async () => {
    const result = await runChaos({
      patients: Number(process.env.CHAOS_CI_PATIENTS ?? 30), rampSeconds: 25, loadLimitSeconds: 60, drainLimitSeconds: 45,
      seed: Number(process.env.CHAOS_SEED ?? 424242), database: await createTestDatabase('demo'), log: () => undefined,
    });
    const table = figuresTable(result.figures);
    const details = result.figures.flatMap((f) => f.details ?? []);
    // The whole table on failure, so the figure that broke is visible with its neighbours.
    expect({ failed: result.figures.filter((f) => !f.ok).map((f) => f.check), table, events: result.events, details })
      .toEqual({ failed: [], table, events: result.events, details });
    // The run did exercise what it claims: faults happened, bookings and duplicates were made.
    expect(result.events.filter((e) => /kill -9 api|kill -9 worker|Redis stopped|refuses connections/.test(e))).toHaveLength(4);
    expect(result.figures.find((f) => f.check.startsWith('chat bookings committed'))!.value).toBeGreaterThan(5);
    expect(result.delivery.concurrentDuplicates).toBeGreaterThan(0);
  }, 240_000);
});
