// Booking benchmarks against the compiled app in its own process (npm run bench:booking):
//  (a) contention: 500 concurrent HTTP attempts on one slot — successes (must be 1) and latency;
//  (b) throughput: distinct-slot bookings per second over 30 s, beside a bare single-row INSERT from
//      Node into the same database in the same run, in alternating turns at each of several
//      concurrencies; each side's throughput is its best rate;
//  (c) the naive SELECT-then-INSERT approach under the same contention: how many double bookings.
import { DateTime } from 'luxon';
import pg from 'pg';
import { Agent, request } from 'undici';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, freshDemoDatabase, root, startAppProcess } from '../lib/app-process.js';
import { addGeneratedProviders } from '../lib/generated-providers.js';
import { machine, recordResults, summarize } from '../lib/results.js';
import type { CpuSplit } from '../lib/cpu.js';
import type { AtConcurrency, InProcessJob, InProcessResult } from './in-process.js';
import { distinctSlots } from './slots.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONTENDERS = 500;
const NAIVE_SLOTS = 10;
/** Generated providers: enough half-hour slots in the 90-day window (~540,000) that a fast machine does not run out. */
const PROVIDERS = 600;
/** HTTP clients in (b)'s HTTP row. */
const CONCURRENCY = 16;
/**
 * Bookings (and bare INSERTs) in flight in (b)'s in-process turns. Throughput is each side's best
 * rate: bookings batch better the more arrive at once (see Batcher), the bare INSERT has nothing to
 * batch, so comparing both at one concurrency would measure that concurrency as much as the cost.
 */
const CONCURRENCIES = [16, 32, 64];

async function main(): Promise<void> {
  const env = benchEnv('clinic_bench_booking', { DATABASE_POOL_SIZE: '20' });
  console.log('Preparing the database…');
  const prisma = await freshDemoDatabase(env);
  const { followUp, providerIds, clinic } = await addGeneratedProviders(prisma, PROVIDERS, { bookHalf: false });
  await prisma.$disconnect();
  const app = await startAppProcess(env, 3911);
  const agent = new Agent({ connections: 600 });
  // Staff sign-in (the seeded admin); one access token lasts 15 minutes, longer than the bench.
  const login = await request(`${app.url}/api/v1/auth/login`, {
    method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@riverside.test', password: process.env.DEMO_PASSWORD || 'demo-password' }),
  });
  const { accessToken } = (await login.body.json()) as { accessToken: string };
  const post = async (body: unknown) => {
    const started = performance.now();
    const res = await request(`${app.url}/api/v1/appointments`, {
      method: 'POST', dispatcher: agent, body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    });
    await res.body.text();
    return { status: res.statusCode, ms: performance.now() - started };
  };
  let phone = 3_000_000;
  const patient = () => ({ phone: `+1718${++phone}` });
  // Working-hour slots from next week on, for distinct-slot bookings (the in-process part goes on where HTTP stopped).
  const monday = DateTime.now().setZone(clinic.timezone).startOf('week').plus({ weeks: 1 }).toISODate()!;
  const slots = distinctSlots(providerIds, clinic.timezone, monday);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();

  try {
    // (a) contention over HTTP.
    const contended = slots.pop()!;
    const attempts = await Promise.all(Array.from({ length: CONTENDERS }, () => post({ serviceId: followUp.id, ...contended, patient: patient() })));
    const successes = attempts.filter((a) => a.status === 201).length;
    const conflicts = attempts.filter((a) => a.status === 409).length;
    const errors = attempts.filter((a) => a.status >= 500).length;
    const rows = (await client.query('SELECT count(*)::int AS n FROM appointments WHERE provider_id = $1 AND starts_at = $2', [contended.providerId, contended.start])).rows[0].n;
    const contention = summarize(attempts.map((a) => a.ms));
    console.log(`(a) ${successes} success, ${conflicts} conflicts, ${errors} 5xx, ${rows} row(s); p50 ${contention.p50.toFixed(0)} ms p99 ${contention.p99.toFixed(0)} ms`);

    // (b) throughput: closed loop, CONCURRENCY in flight, distinct slots.
    let next = 0;
    const booked: number[] = [];
    let bookingErrors = 0;
    const deadline = performance.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline && next < slots.length) {
        const slot = slots[next++]!;
        const r = await post({ serviceId: followUp.id, ...slot, patient: patient() });
        if (r.status === 201) booked.push(r.ms); else bookingErrors++;
      }
    }));
    const bookingRate = booked.length / SECONDS;
    console.log(`(b) HTTP: ${booked.length} bookings in ${SECONDS} s = ${bookingRate.toFixed(0)}/s (${bookingErrors} not 201)`);

    // The same booking service without HTTP, in its own process (the HTTP app is stopped first so
    // its workers do not compete for the two cores), on the slots not used yet.
    await app.stop();
    const direct = runInProcess(env, {
      serviceId: followUp.id, clinicId: clinic.id, timezone: clinic.timezone, providerIds, monday, skip: next, seconds: SECONDS, concurrencies: CONCURRENCIES,
    });
    const rate = (r: AtConcurrency) => r.booked / r.bookingTurns.seconds;
    const bareRate = (r: AtConcurrency) => r.inserts / r.bareTurns.seconds;
    for (const r of direct.runs) {
      console.log(`(b) ${r.concurrency} in flight: ${rate(r).toFixed(0)} bookings/s (${r.refused} refused), bare INSERT ${bareRate(r).toFixed(0)}/s = ${(rate(r) / bareRate(r) * 100).toFixed(1)} %`);
    }
    const bestBookings = direct.runs.reduce((a, b) => (rate(b) > rate(a) ? b : a));
    const bestBare = direct.runs.reduce((a, b) => (bareRate(b) > bareRate(a) ? b : a));
    const ratio = rate(bestBookings) / bareRate(bestBare);
    const httpRatio = bookingRate / bareRate(bestBare);
    const statement = direct.statementOnly;
    const statementRate = statement.inserted / statement.turn.seconds;
    console.log(`(b) best: ${rate(bestBookings).toFixed(0)} bookings/s vs bare INSERT ${bareRate(bestBare).toFixed(0)}/s = ${(ratio * 100).toFixed(1)} %; the statement alone ${statementRate.toFixed(0)}/s; over HTTP ${(httpRatio * 100).toFixed(1)} %`);

    // (c) naive SELECT-then-INSERT, no constraint, same contention, on NAIVE_SLOTS slots one after
    // another (whether a race lets a second row through varies from slot to slot).
    await client.query('CREATE TABLE IF NOT EXISTS bench_naive (id bigserial PRIMARY KEY, provider_id uuid NOT NULL, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL)');
    const naivePool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 20 });
    for (let k = 0; k < NAIVE_SLOTS; k++) {
      const start = new Date(+new Date(contended.start) + k * 30 * 60_000);
      const end = new Date(+start + 30 * 60_000);
      await Promise.all(Array.from({ length: CONTENDERS }, async () => {
        const c = await naivePool.connect();
        try {
          await c.query('BEGIN');
          const { rows: taken } = await c.query('SELECT 1 FROM bench_naive WHERE provider_id = $1 AND starts_at < $3 AND ends_at > $2', [contended.providerId, start, end]);
          if (taken.length === 0) await c.query('INSERT INTO bench_naive (provider_id, starts_at, ends_at) VALUES ($1, $2, $3)', [contended.providerId, start, end]);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
      }));
    }
    await naivePool.end();
    const perSlot = (await client.query('SELECT count(*)::int AS n FROM bench_naive GROUP BY starts_at ORDER BY starts_at')).rows.map((r) => r.n as number);
    const naiveDoubles = perSlot.reduce((sum, n) => sum + n - 1, 0);
    const naiveSlotsHit = perSlot.filter((n) => n > 1).length;
    console.log(`(c) naive: rows per slot ${perSlot.join(', ')} (${naiveDoubles} double bookings)`);

    const sweep = direct.runs.map((r) => `${r.concurrency}: ${rate(r).toFixed(0)} vs ${bareRate(r).toFixed(0)}/s (${(rate(r) / bareRate(r) * 100).toFixed(1)} %; bookings p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms)`).join('; ');
    const table = [
      '## Booking (`npm run bench:booking`)',
      '',
      `Demo clinic + ${PROVIDERS} generated providers. (a) and the HTTP row of (b): the compiled app in its own process (pool 20), HTTP over loopback. (b): the compiled BookingService in its own process (pool 20, no HTTP, ${CONCURRENCIES.join(', ')} bookings in flight in turn), alternating with the bare INSERT from the same Node process at the same concurrency on the same database (3 turns of ${SECONDS / 3} s each per concurrency, so each side runs ${SECONDS} s at each); each side's throughput is its best rate. Then the statement alone.`,
      '',
      '| measure | result | target | verdict |',
      '|---|---|---|---|',
      `| (a) ${CONTENDERS} concurrent attempts on one slot | ${successes} booked, ${conflicts} × 409 with alternatives, ${errors} × 5xx, ${rows} row in the database; latency p50 ${contention.p50.toFixed(0)} ms, p99 ${contention.p99.toFixed(0)} ms | exactly 1 | ${successes === 1 && rows === 1 && errors === 0 ? 'met' : 'MISSED'} |`,
      `| (b) distinct-slot bookings through BookingService, ${SECONDS} s at each concurrency | best ${rate(bestBookings).toFixed(0)} bookings/s (${bestBookings.concurrency} in flight; p50 ${bestBookings.latency.p50.toFixed(1)} ms, p99 ${bestBookings.latency.p99.toFixed(1)} ms; ${bestBookings.refused} refused; CPU per booking ${cpuPerItem(bestBookings.bookingTurns.cpu, bestBookings.booked)}) vs the bare single-row INSERT's best ${bareRate(bestBare).toFixed(0)}/s (${bestBare.concurrency} in flight; CPU per insert ${cpuPerItem(bestBare.bareTurns.cpu, bestBare.inserts)}) = **${(ratio * 100).toFixed(1)} %** | ≥ 25 % | ${ratio >= 0.25 ? 'met' : 'MISSED'} |`,
      `| (b) each concurrency, bookings vs bare INSERT | ${sweep} | (reported) | — |`,
      `| (b) the database's share: the booking's one statement alone (appointment + audit row + outbox event, schedule-version guard, EXCLUDE check), prepared beforehand, ${statement.concurrency} submitted at once (batched as in the app) | ${statementRate.toFixed(0)}/s = ${(statementRate / bareRate(bestBare) * 100).toFixed(1)} % of the bare INSERT's best (CPU per booking ${cpuPerItem(statement.turn.cpu, statement.inserted)})${statement.inserted >= statement.prepared ? ` (all ${statement.prepared} prepared slots in ${statement.turn.seconds.toFixed(1)} s)` : ''} | (the floor for (b)) | — |`,
      `| (b) the same over HTTP (POST /api/v1/appointments, a new patient each, ${CONCURRENCY} in flight) | ${bookingRate.toFixed(0)} bookings/s (p50 ${summarize(booked).p50.toFixed(1)} ms, p99 ${summarize(booked).p99.toFixed(1)} ms; ${bookingErrors} not booked) = ${(httpRatio * 100).toFixed(1)} % of the bare INSERT's best | (reported) | — |`,
      `| (c) naive SELECT-then-INSERT, ${CONTENDERS} concurrent on each of ${NAIVE_SLOTS} slots in turn | rows per slot: ${perSlot.join(', ')} = **${naiveDoubles} double bookings**, on ${naiveSlotsHit} of ${NAIVE_SLOTS} slots | (illustration) | — |`,
    ].join('\n');
    console.log(`\n${table}\n\n${machine()}`);
    if (SECONDS >= 30) recordResults('booking', table);
  } finally {
    await client.end();
    await agent.close();
    await app.stop().catch(() => undefined);
  }
}

/** "0.31 ms in the app + 0.52 ms elsewhere (Postgres, Redis, kernel)" per booking (or per insert: "the app" is then this process). */
function cpuPerItem(cpu: CpuSplit, items: number): string {
  const app = `${(cpu.processMs / items).toFixed(2)} ms in the app`;
  return cpu.machineMs === null ? app : `${app} + ${((cpu.machineMs - cpu.processMs) / items).toFixed(2)} ms elsewhere (Postgres, Redis, kernel)`;
}

/** Compiles and runs bench/booking/in-process.ts (decorator metadata needs tsc, not tsx). */
function runInProcess(env: Record<string, string>, job: InProcessJob): InProcessResult {
  const build = spawnSync('npx', ['tsc', '-p', 'bench/tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('compiling bench/booking/in-process.ts failed');
  const file = join(root, 'bench/.out/booking-job.json');
  writeFileSync(file, JSON.stringify(job));
  // BENCH_APP_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles this process too.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const run = spawnSync('node', [...nodeArgs, 'bench/.out/bench/booking/in-process.js', file], { cwd: root, env: { ...env, APP_ROLE: 'api' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`in-process booking run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as InProcessResult;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
