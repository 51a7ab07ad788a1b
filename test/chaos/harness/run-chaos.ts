import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freshDemoDatabase } from '../../../bench/lib/app-process.js';
import { createPgAdapter } from '../../../src/database/prisma.service.js';
import { PrismaClient } from '../../../src/generated/prisma/client.js';
import { startFakeGraph } from '../../support/fakes/fake-meta-graph-api.js';
import { startFakeTwilio } from '../../support/fakes/fake-twilio-api.js';
import { freePort, PrivateRedis } from '../../support/redis-server.js';
import { buildApp, root } from './build-app.js';
import { Cluster } from './cluster.js';
import { checkInvariants, type Figure } from './invariants.js';
import { type PatientContext, type PatientOutcome, patientSpecs, runPatient } from './patients.js';
import { PgProxy } from './pg-proxy.js';
import { ReplyTracker } from './reply-tracker.js';
import { type DeliveryStats, META, META_NUMBER, META_PHONE_NUMBER_ID, metaWhatsApp, PUBLIC_BASE_URL, twilioSms, TWILIO } from './webhooks.js';

export interface ChaosOptions {
  patients: number;
  /** Patients start spread over this window; the faults happen inside it. */
  rampSeconds: number;
  /** No patient starts a new message after this many seconds of load. */
  loadLimitSeconds: number;
  drainLimitSeconds: number;
  seed: number;
  log(line: string): void;
  /** A database with the demo clinic already in it (Jest clones its template); by default a fresh one is migrated and seeded. */
  database?: { name: string; url: string; drop(): Promise<void> };
}

export interface ChaosResult {
  figures: Figure[];
  events: string[];
  outcomes: PatientOutcome[];
  delivery: DeliveryStats;
  seconds: { load: number; drain: number; total: number };
  ok: boolean;
}

/**
 * Runs the multi-instance chaos test: 3 API and 2 worker processes of the compiled app on one fresh
 * database (through a TCP proxy that can refuse connections) and one private Redis, provider APIs
 * replaced by the local fakes; simulated patients chat over signed Twilio SMS and Meta WhatsApp
 * webhooks while an API instance and a worker are killed with SIGKILL and restarted, Redis restarts
 * and Postgres refuses connections for 5 s. Then drains, probes every conversation, and checks the
 * invariants. Everything it started is stopped on the way out, whatever happened.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const t0 = Date.now();
  const random = mulberry32(options.seed);
  const events: string[] = [];
  const event = (what: string) => { const line = `t+${((Date.now() - t0) / 1000).toFixed(1)}s (${new Date().toISOString().slice(11, 19)}) ${what}`; events.push(line); options.log(line); };
  const cleanup: (() => Promise<unknown>)[] = [];
  const redisDir = mkdtempSync(join(tmpdir(), 'chaos-redis-'));
  cleanup.push(async () => rmSync(redisDir, { recursive: true, force: true }));
  try {
    const main = await buildApp();
    event(`app compiled (${main.replace(`${root}/`, '')})`);
    const database = options.database?.name ?? `clinic_chaos_${process.pid}`;
    const directUrl = new URL(options.database?.url ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic');
    directUrl.pathname = `/${database}`;
    const proxy = new PgProxy({ host: directUrl.hostname, port: Number(directUrl.port || 5432) });
    await proxy.start();
    cleanup.push(() => proxy.stop());
    const proxiedUrl = new URL(directUrl);
    proxiedUrl.port = String(proxy.port);
    // A Redis that keeps its data over a restart (AOF, fsync on every write), as BullMQ requires in production.
    const redis = new PrivateRedis(await freePort(), ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', redisDir]);
    await redis.start();
    cleanup.push(() => redis.stop());
    const twilio = await startFakeTwilio(TWILIO);
    const graph = await startFakeGraph(META.accessToken);
    cleanup.push(() => twilio.close(), () => graph.close());
    const redisPrefix = `chaos${process.pid}`;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>), NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: proxiedUrl.toString(), DATABASE_POOL_SIZE: '6',
      REDIS_URL: redis.url, REDIS_PREFIX: redisPrefix, PUBLIC_BASE_URL, SIMULATOR_ENABLED: 'false',
      TWILIO_ACCOUNT_SID: TWILIO.accountSid, TWILIO_AUTH_TOKEN: TWILIO.authToken, TWILIO_API_BASE_URL: twilio.url,
      META_WHATSAPP_TOKEN: META.accessToken, META_APP_SECRET: META.appSecret, META_VERIFY_TOKEN: META.verifyToken, META_GRAPH_BASE_URL: graph.url,
      OUTBOUND_SMS_RATE_PER_SECOND: '1000', OUTBOUND_WHATSAPP_RATE_PER_SECOND: '1000',
    };
    event(`database ${database} (demo clinic)`);
    const prisma = options.database ? new PrismaClient({ adapter: createPgAdapter(directUrl.toString(), 2) }) : await freshDemoDatabase({ ...env, DATABASE_URL: directUrl.toString() });
    const clinic = await prisma.clinic.findFirstOrThrow({ where: { slug: 'riverside' } });
    await prisma.clinicChannel.create({ data: { clinicId: clinic.id, channel: 'whatsapp', provider: 'meta', address: META_NUMBER, externalId: META_PHONE_NUMBER_ID } });
    await prisma.$disconnect();
    cleanup.push(options.database ? () => options.database!.drop() : async () => {
      const admin = new pg.Client({ connectionString: Object.assign(new URL(directUrl), { pathname: '/postgres' }).toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
    });
    const db = new pg.Client({ connectionString: directUrl.toString() });
    await db.connect();
    cleanup.push(() => db.end());
    const redisClient = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: null });

    const cluster = new Cluster(main, env, join(root, '.cache/chaos-logs', String(process.pid)));
    cleanup.push(() => cluster.stopAll());
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    ports.forEach((port, i) => cluster.add(`api-${i + 1}`, 'api', port));
    cluster.add('worker-1', 'worker', null);
    cluster.add('worker-2', 'worker', null);
    await Promise.all(cluster.instances.map((i) => cluster.start(i)));
    event(`3 API instances (ports ${ports.join(', ')}) and 2 workers running; private Redis on ${redis.port}, Postgres proxy on ${proxy.port}`);
    const runStart = new Date(Date.now() - 1_000);

    const tracker = new ReplyTracker(db, twilio, graph);
    tracker.start();
    cleanup.push(async () => tracker.stop());
    const delivery: DeliveryStats = { requests: 0, deliveries: 0, concurrentDuplicates: 0, failedAttempts: 0, undelivered: 0 };
    const apiUrls = () => cluster.liveApis().map((i) => `http://127.0.0.1:${i.port}`);
    const loadStart = Date.now();
    const ctx: PatientContext = {
      tracker, apiUrls, stats: delivery, random, deadline: loadStart + options.loadLimitSeconds * 1000, answerTimeoutMs: 60_000, maxTurns: 16, sent: [],
    };

    // The faults, at random moments inside the ramp.
    const ramp = options.rampSeconds * 1000;
    const at = (from: number, to: number) => (from + random() * (to - from)) * ramp;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const apiVictim = cluster.apis[Math.floor(random() * 3)]!;
    const workerVictim = cluster.workers[Math.floor(random() * 2)]!;
    const faults = [
      sleep(at(0.15, 0.4)).then(async () => {
        await cluster.kill(apiVictim);
        event(`kill -9 ${apiVictim.name}`);
        await sleep(2_000);
        await cluster.start(apiVictim);
        event(`${apiVictim.name} restarted and healthy`);
      }),
      sleep(at(0.2, 0.5)).then(async () => {
        await cluster.kill(workerVictim);
        event(`kill -9 ${workerVictim.name}`);
        await sleep(2_000);
        await cluster.start(workerVictim);
        event(`${workerVictim.name} restarted`);
      }),
      sleep(at(0.5, 0.65)).then(async () => {
        await redis.stop();
        event('Redis stopped (SIGKILL)');
        await sleep(1_000);
        await redis.start();
        event('Redis restarted');
      }),
      sleep(at(0.7, 0.85)).then(async () => {
        event('Postgres refuses connections (proxy down, open connections dropped) for 5 s');
        await proxy.outage(5_000);
        event('Postgres reachable again');
      }),
    ];

    const specs = patientSpecs(options.patients, random);
    const outcomes = await Promise.all([
      ...specs.map((spec, i) => sleep((i / specs.length) * ramp).then(() => runPatient(spec, ctx))),
    ]);
    await Promise.all(faults);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    event(`load done: ${outcomes.reduce((n, o) => n + o.sent, 0)} patient messages, ${delivery.requests} webhook requests`);

    // Drain: every inbound processed and every reply sent (or given up) — the sweeper re-queues what a fault dropped.
    const drainStart = Date.now();
    const drained = async () => {
      while (Date.now() - drainStart < options.drainLimitSeconds * 1000) {
        const { rows: [p] } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM messages WHERE created_at >= $1 AND ((direction = 'inbound' AND processed_at IS NULL) OR (direction = 'outbound' AND status = 'queued'))`, [runStart]);
        if (p!.n === 0) return true;
        await sleep(1_000);
      }
      return false;
    };
    event((await drained()) ? 'drained' : `NOT drained within ${options.drainLimitSeconds} s`);

    // Liveness probe: every active conversation of the run must answer "menu".
    const { rows: conversations } = await db.query<{ channel: string; phone_hash: string }>(
      `SELECT channel, address_hash AS phone_hash FROM conversations WHERE created_at >= $1 AND status = 'active' AND opted_out_at IS NULL`, [runStart]);
    const stoppers = outcomes.filter((o) => o.spec.goals.includes('stop')).map((o) => o.spec.phone);
    const probeSpecs = specs.filter((s) => !stoppers.includes(s.phone));
    const probeIds: string[] = [];
    const probeAnswers = await Promise.all(probeSpecs.map(async (spec) => {
      const webhook = spec.channel === 'sms' ? twilioSms(spec.phone, 'menu') : metaWhatsApp(spec.phone, { text: 'menu' });
      probeIds.push(webhook.providerMessageId);
      ctx.sent.push({ providerMessageId: webhook.providerMessageId, phone: spec.phone, afterStop: false });
      const answer = tracker.answerTo(webhook.providerMessageId, options.drainLimitSeconds * 1000);
      await fetch(`${apiUrls()[0]}${webhook.path}`, { method: 'POST', headers: webhook.headers, body: webhook.body });
      const a = await answer;
      return a !== null && a.texts.length > 0;
    }));
    await drained();
    const drainSeconds = (Date.now() - drainStart) / 1000;
    // A conversation handed over to staff is answered by people, not the bot: not stuck, counted apart.
    const silent = probeIds.filter((_, i) => !probeAnswers[i]);
    const { rows: silentStatus } = await db.query<{ status: string; n: number }>(
      `SELECT c.status, count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.provider_message_id = ANY($1) GROUP BY 1`, [silent]);
    const handedOver = silentStatus.filter((r) => r.status === 'handoff').reduce((n, r) => n + r.n, 0);
    event(`probed ${probeSpecs.length} patients (${conversations.length} active conversations): ${probeAnswers.filter(Boolean).length} answered, ${handedOver} silent in staff hand-over`);

    await redisClient.connect();
    cleanup.push(async () => redisClient.disconnect());
    const figures = await checkInvariants(db, redisClient, twilio, graph, {
      sent: ctx.sent, stoppers, runStart, redisPrefix, probeUnanswered: silent.length - handedOver, probed: probeSpecs.length - handedOver,
    });
    figures.splice(0, 0,
      { check: 'simulated patients', value: options.patients, expected: '—', ok: true },
      { check: 'patients who booked (at least once)', value: outcomes.filter((o) => o.booked > 0).length, expected: '—', ok: true },
      { check: 'patient goals completed (book, cancel, reschedule, look up, stop)', value: outcomes.reduce((n, o) => n + o.goalsDone.length, 0), expected: '—', ok: true },
      { check: 'patient messages with no answer within 60 s (during faults; re-asked)', value: outcomes.reduce((n, o) => n + o.unanswered, 0), expected: '—', ok: true },
      { check: 'webhook requests (1–3 deliveries each, retried on failure)', value: delivery.requests, expected: '—', ok: true },
      { check: 'webhooks delivered concurrently to several instances', value: delivery.concurrentDuplicates, expected: '—', ok: true },
      { check: 'webhook attempts refused or failed (then retried)', value: delivery.failedAttempts, expected: '—', ok: true },
      { check: 'webhooks never accepted', value: delivery.undelivered, expected: '0', ok: delivery.undelivered === 0 },
    );
    return { figures, events, outcomes, delivery, seconds: { load: loadSeconds, drain: drainSeconds, total: (Date.now() - t0) / 1000 }, ok: figures.every((f) => f.ok) };
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}

/** A small seeded PRNG, so a failing run can be repeated with CHAOS_SEED. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
