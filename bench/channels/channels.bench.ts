// Channels benchmark: signed Twilio webhooks at 300 requests/s for 30 s against the compiled app in
// its own processes (an API process that stores messages and queues turns, a worker process that runs
// turns and sends), with Twilio's REST API replaced by a local fake. Reports webhook latency and checks,
// after the queues drain, that every inbound message was stored once and answered exactly once
// (counted at the fake). Two runs: the worker on the same 2 cores during the load, and the worker
// started after the load (as if it ran on its own machine).
// Run: npm run bench:channels   (BENCH_RATE / BENCH_SECONDS override the defaults)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { startFakeTwilio } from '../../test/support/fakes/fake-twilio-api.js';
import { twilioSignature } from '../../test/support/fakes/provider-signatures.js';
import { benchEnv, freshDemoDatabase, root, startAppProcess } from '../lib/app-process.js';
import { type LoadResult, openLoop } from '../lib/load.js';
import { machine, recordResults } from '../lib/results.js';

const RATE = Number(process.env.BENCH_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = 3921;
const PATIENTS = 1_500;
/** Every 50th webhook re-delivers an earlier one (same MessageSid), as providers do on retries. */
const RETRY_EVERY = 50;
const DRAIN_LIMIT_MS = 20 * 60_000;
const TARGET_P99_MS = 50;
const TEXTS = ['hi', 'help', 'menu', 'what can you do', 'thanks'];
const credentials = { accountSid: `AC${'7'.repeat(32)}`, authToken: 'bench-twilio-auth-token-0123' };
const path = '/webhooks/twilio/messages';

interface Run { label: string; load: LoadResult; unique: number; stored: number; answered: number; replies: number; sentOnce: number; duplicates: number; drainSeconds: number; exactlyOnce: boolean }

async function main(): Promise<void> {
  const fake = await startFakeTwilio(credentials);
  const publicBaseUrl = `http://127.0.0.1:${PORT}`;
  const env = benchEnv('clinic_bench_channels', {
    TWILIO_ACCOUNT_SID: credentials.accountSid, TWILIO_AUTH_TOKEN: credentials.authToken, TWILIO_API_BASE_URL: fake.url, PUBLIC_BASE_URL: publicBaseUrl,
    OUTBOUND_SMS_RATE_PER_SECOND: '5000', OUTBOUND_WHATSAPP_RATE_PER_SECOND: '5000',
  });
  console.log('Preparing the database (demo clinic)…');
  const prisma = await freshDemoDatabase(env);
  const api = await startAppProcess({ ...env, APP_ROLE: 'api' }, PORT);
  // The worker runs under `nice`, so the OS favours the API process as separate machines would.
  const startWorker = () => spawn('nice', ['-n', '10', 'node', 'dist/src/main.js'], { cwd: root, env: { ...env, APP_ROLE: 'worker' }, stdio: ['ignore', 'inherit', 'inherit'] });
  const stopWorker = (worker: ChildProcess) => new Promise<void>((resolve) => { worker.once('exit', () => resolve()); worker.kill('SIGTERM'); setTimeout(resolve, 15_000); });
  let worker = startWorker();
  const runs: Run[] = [];
  try {
    console.log('Warm-up…');
    const warmStart = new Date();
    const warm = await load(api.url, publicBaseUrl, 20, 3, 0);
    await drain(prisma, warm.sent.map((p) => p.MessageSid!), warmStart);

    console.log(`Run 1 — worker running on the same cores: ${RATE} signed webhooks/s for ${SECONDS} s…`);
    runs.push(await measure(`${RATE}/s, API and worker together on the 2 cores`, RATE, prisma, fake.sends, api.url, publicBaseUrl, () => undefined));

    await stopWorker(worker);
    console.log(`Run 2 — worker started after the load: ${RATE} signed webhooks/s for ${SECONDS} s…`);
    runs.push(await measure(`${RATE}/s, API alone (worker drains afterwards)`, RATE, prisma, fake.sends, api.url, publicBaseUrl, () => { worker = startWorker(); }));

    await stopWorker(worker);
    const half = Math.round(RATE / 2);
    console.log(`Run 3 — headroom: ${half} signed webhooks/s for ${SECONDS} s, worker afterwards…`);
    runs.push(await measure(`${half}/s, API alone (worker drains afterwards)`, half, prisma, fake.sends, api.url, publicBaseUrl, () => { worker = startWorker(); }));

    const met = (r: Run) => r.load.errors === 0 && r.load.latency.p99 <= TARGET_P99_MS;
    const table = [
      '## Channels: signed Twilio webhooks (`npm run bench:channels`)',
      '',
      `POST /webhooks/twilio/messages with a valid X-Twilio-Signature at ${RATE} requests/s for ${SECONDS} s (open loop; latency from each request's scheduled send time), from ${PATIENTS} patients of the demo clinic; every ${RETRY_EVERY}th request re-delivers an earlier MessageSid. The compiled app runs as two processes: APP_ROLE=api stores the message, queues its turn and answers empty TwiML; APP_ROLE=worker (under \`nice 10\`) runs the turns and sends the replies to a local fake of Twilio's REST API. Postgres, Redis, the load generator and the fake share the same machine.`,
      '',
      '| run | webhooks | errors | p50 ms | p95 ms | p99 ms | max ms | p99 target ≤ 50 ms |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...runs.map((r) => `| ${r.label} | ${r.load.sent} | ${r.load.errors} | ${r.load.latency.p50.toFixed(1)} | ${r.load.latency.p95.toFixed(1)} | ${r.load.latency.p99.toFixed(1)} | ${r.load.latency.max.toFixed(1)} | ${met(r) ? 'met' : 'MISSED'} |`),
      '',
      '| run | distinct messages | stored | answered | replies | sent exactly once (fake) | duplicate sends | drain after the load | exactly once |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---|',
      ...runs.map((r) => `| ${r.label} | ${r.unique} | ${r.stored} | ${r.answered} | ${r.replies} | ${r.sentOnce} | ${r.duplicates} | ${r.drainSeconds.toFixed(0)} s | ${r.exactlyOnce ? 'yes' : 'NO'} |`),
      '',
      `Webhooks answered per second (requests ÷ (load time + slowest answer)): ${runs.map((r) => `${r.label}: ${(r.load.sent / (SECONDS + r.load.latency.max / 1000)).toFixed(0)}/s`).join('; ')}. Turns ran at about ${(runs[1]!.unique / runs[1]!.drainSeconds).toFixed(0)}/s while draining run 2.`,
    ].join('\n');
    console.log(`\n${table}\n\n${machine()}`);
    if (SECONDS >= 30 && RATE >= 300) recordResults('channels', table);
  } finally {
    await stopWorker(worker);
    await api.stop();
    await fake.close();
    await prisma.$disconnect();
  }
}

/** Offers signed webhooks at `rate`/s; returns the load result and the distinct messages sent. */
async function load(apiUrl: string, publicBaseUrl: string, rate: number, seconds: number, offset: number) {
  const sent: Record<string, string>[] = [];
  const request = (i: number) => {
    const retry = i > 0 && i % RETRY_EVERY === 0 && sent.length > 0;
    const n = offset + i;
    const params = retry ? sent[Math.floor(Math.random() * sent.length)]! : {
      AccountSid: credentials.accountSid, ApiVersion: '2010-04-01', From: `+1917${String(3_000_000 + (n % PATIENTS))}`, To: '+12125550100',
      Body: TEXTS[Math.floor(n / PATIENTS) % TEXTS.length]!, MessageSid: `SM${randomBytes(16).toString('hex')}`, NumMedia: '0', NumSegments: '1', SmsStatus: 'received',
    };
    if (!retry) sent.push(params);
    return {
      url: `${apiUrl}${path}`, method: 'POST' as const, body: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(credentials.authToken, `${publicBaseUrl}${path}`, params) },
    };
  };
  const result = await openLoop({ rate, seconds, make: request });
  return { result, sent };
}

let offset = 100_000;

async function measure(label: string, rate: number, prisma: PrismaClient, fakeSends: { sid: string | null }[], apiUrl: string, publicBaseUrl: string, afterLoad: () => void): Promise<Run> {
  offset += 10_000;
  const loadStart = new Date();
  const { result, sent } = await load(apiUrl, publicBaseUrl, rate, SECONDS, offset);
  console.log(`  webhooks: ${JSON.stringify(result)}`);
  afterLoad();
  const drainStart = Date.now();
  await drain(prisma, sent.map((p) => p.MessageSid!), loadStart);
  const drainSeconds = (Date.now() - drainStart) / 1000;
  await new Promise((r) => setTimeout(r, 1_000));

  const sids = [...new Set(sent.map((p) => p.MessageSid!))];
  const inbound = await prisma.message.findMany({ where: { direction: 'inbound', provider: 'twilio', providerMessageId: { in: sids } }, select: { id: true } });
  const replies = await prisma.message.findMany({ where: { replyToId: { in: inbound.map((m) => m.id) } }, select: { replyToId: true, providerMessageId: true, status: true } });
  const atFake = new Map<string, number>();
  for (const s of fakeSends) if (s.sid) atFake.set(s.sid, (atFake.get(s.sid) ?? 0) + 1);
  const sentOnce = replies.filter((r) => r.status === 'sent' && r.providerMessageId && atFake.get(r.providerMessageId) === 1).length;
  const duplicates = [...atFake.values()].filter((n) => n > 1).length;
  const answered = new Set(replies.map((r) => r.replyToId)).size;
  const exactlyOnce = inbound.length === sids.length && answered === sids.length && sentOnce === replies.length && duplicates === 0;
  const run = { label, load: result, unique: sids.length, stored: inbound.length, answered, replies: replies.length, sentOnce, duplicates, drainSeconds, exactlyOnce };
  console.log(`  ${JSON.stringify({ ...run, load: undefined })}`);
  return run;
}

/** Waits until these inbound messages are processed and no reply created since `since` is still queued. */
async function drain(prisma: PrismaClient, sids: string[], since: Date): Promise<void> {
  const start = Date.now();
  for (;;) {
    const [turns, sends] = await Promise.all([
      prisma.message.count({ where: { direction: 'inbound', provider: 'twilio', providerMessageId: { in: sids }, processedAt: null } }),
      prisma.message.count({ where: { createdAt: { gte: since }, direction: 'outbound', status: 'queued', provider: 'twilio' } }),
    ]);
    if (turns === 0 && sends === 0) return;
    if (Date.now() - start > DRAIN_LIMIT_MS) throw new Error(`not drained after ${DRAIN_LIMIT_MS / 60_000} min: ${turns} turns, ${sends} sends pending`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
