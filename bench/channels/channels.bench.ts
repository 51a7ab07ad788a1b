// Channels benchmark: signed Twilio webhooks at 300 requests/s for 30 s against the compiled app in
// its own processes (an API process that stores messages and a worker that runs turns and sends), with
// Twilio's REST API replaced by a local fake. Reports webhook latency and checks, after the queues
// drain, that every inbound message was answered exactly once (counted at the fake).
// Run: npm run bench:channels   (BENCH_RATE / BENCH_SECONDS override the defaults)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { benchEnv, freshDemoDatabase, root, startAppProcess } from '../lib/app-process.js';
import { openLoop } from '../lib/load.js';
import { machine, recordResults } from '../lib/results.js';
import { startFakeTwilio } from '../../test/support/fakes/fake-twilio-api.js';
import { twilioSignature } from '../../test/support/fakes/provider-signatures.js';

const RATE = Number(process.env.BENCH_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = 3921;
const PATIENTS = 1_500;
/** Every 50th webhook is a retry of an earlier one (same MessageSid), as providers do. */
const RETRY_EVERY = 50;
const DRAIN_LIMIT_MS = 20 * 60_000;
const TARGET_P99_MS = 50;
const TEXTS = ['hi', 'help', 'menu', 'what can you do', 'thanks'];

async function main(): Promise<void> {
  const credentials = { accountSid: `AC${'7'.repeat(32)}`, authToken: 'bench-twilio-auth-token-0123' };
  const fake = await startFakeTwilio(credentials);
  const publicBaseUrl = `http://127.0.0.1:${PORT}`;
  const env = benchEnv('clinic_bench_channels', {
    TWILIO_ACCOUNT_SID: credentials.accountSid, TWILIO_AUTH_TOKEN: credentials.authToken, TWILIO_API_BASE_URL: fake.url, PUBLIC_BASE_URL: publicBaseUrl,
    OUTBOUND_SMS_RATE_PER_SECOND: '5000', OUTBOUND_WHATSAPP_RATE_PER_SECOND: '5000',
  });
  console.log('Preparing the database (demo clinic)…');
  const prisma = await freshDemoDatabase(env);
  const benchStart = new Date();

  // The API answers webhooks; the worker (its own process, lower CPU priority) runs turns and sends,
  // as they would run on separate machines in production.
  const api = await startAppProcess({ ...env, APP_ROLE: 'api' }, PORT);
  const worker = spawn('nice', ['-n', '10', 'node', 'dist/src/main.js'], { cwd: root, env: { ...env, APP_ROLE: 'worker' }, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    const path = '/webhooks/twilio/messages';
    const sent: Record<string, string>[] = [];
    const request = (i: number) => {
      const retry = i > 0 && i % RETRY_EVERY === 0;
      const params = retry ? sent[Math.floor(Math.random() * sent.length)]! : {
        AccountSid: credentials.accountSid, ApiVersion: '2010-04-01', From: `+1917${String(3_000_000 + (i % PATIENTS))}`, To: '+12125550100',
        Body: TEXTS[Math.floor(i / PATIENTS) % TEXTS.length]!, MessageSid: `SM${randomBytes(16).toString('hex')}`, NumMedia: '0', NumSegments: '1', SmsStatus: 'received',
      };
      if (!retry) sent.push(params);
      return {
        url: `${api.url}${path}`, method: 'POST' as const, body: new URLSearchParams(params).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(credentials.authToken, `${publicBaseUrl}${path}`, params) },
      };
    };

    console.log('Warm-up…');
    await openLoop({ rate: 20, seconds: 3, make: (i) => request(i) });
    sent.length = 0;
    const warmupEnd = new Date();
    console.log(`Measuring: ${RATE} signed webhooks/s for ${SECONDS} s…`);
    const result = await openLoop({ rate: RATE, seconds: SECONDS, make: (i) => request(i + 1) });
    const unique = new Set(sent.map((p) => p.MessageSid)).size;

    console.log('Draining the queues (turns and sends)…');
    const drainStart = Date.now();
    const window = { createdAt: { gte: warmupEnd } };
    for (;;) {
      const [pendingTurns, queued] = await Promise.all([
        prisma.message.count({ where: { ...window, direction: 'inbound', processedAt: null } }),
        prisma.message.count({ where: { ...window, direction: 'outbound', status: 'queued' } }),
      ]);
      if (pendingTurns === 0 && queued === 0) break;
      if (Date.now() - drainStart > DRAIN_LIMIT_MS) throw new Error(`not drained after ${DRAIN_LIMIT_MS / 60_000} min: ${pendingTurns} turns, ${queued} sends pending`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    await new Promise((r) => setTimeout(r, 1_000));

    // Exactly once: every inbound message of the run stored once and answered; every reply sent once.
    const inbound = await prisma.message.findMany({ where: { direction: 'inbound', providerMessageId: { in: sent.map((p) => p.MessageSid!) } }, select: { id: true } });
    const replies = await prisma.message.findMany({ where: { replyToId: { in: inbound.map((m) => m.id) } }, select: { replyToId: true, providerMessageId: true, status: true } });
    const replySids = new Set(replies.map((r) => r.providerMessageId));
    const fakeSids = fake.sends.filter((s) => s.at >= warmupEnd.getTime() && s.sid).map((s) => s.sid!);
    const answered = new Set(replies.map((r) => r.replyToId)).size;
    const duplicatesAtFake = fakeSids.length - new Set(fakeSids).size;
    const unmatched = [...replySids].filter((sid) => !sid || !fakeSids.includes(sid)).length;
    const exactlyOnce = inbound.length === unique && answered === unique && replies.every((r) => r.status === 'sent') && duplicatesAtFake === 0 && unmatched === 0
      && fakeSids.length === replies.length;
    const pass = result.errors === 0 && result.latency.p99 <= TARGET_P99_MS && exactlyOnce;

    const table = [
      '## Channels: signed Twilio webhooks (`npm run bench:channels`)',
      '',
      `POST /webhooks/twilio/messages with valid X-Twilio-Signature at ${RATE} requests/s for ${SECONDS} s (open loop, latency from each request's scheduled send time), from ${PATIENTS} patients of the demo clinic; every ${RETRY_EVERY}th request re-delivers an earlier MessageSid. The compiled app runs as two processes — APP_ROLE=api (stores the message, queues the turn, answers empty TwiML) and APP_ROLE=worker under \`nice 10\` (turns, sends) — with Postgres, Redis, the load generator and a local fake of Twilio's REST API on the same ${machine()}.`,
      '',
      '| webhooks | errors | p50 ms | p95 ms | p99 ms | max ms | target | verdict |',
      '|---:|---:|---:|---:|---:|---:|---|---|',
      `| ${result.sent} | ${result.errors} | ${result.latency.p50.toFixed(1)} | ${result.latency.p95.toFixed(1)} | ${result.latency.p99.toFixed(1)} | ${result.latency.max.toFixed(1)} | p99 ≤ ${TARGET_P99_MS} ms, no errors | ${result.errors === 0 && result.latency.p99 <= TARGET_P99_MS ? 'met' : 'MISSED'} |`,
      '',
      '| distinct messages | stored | answered | replies sent (fake) | duplicate sends | drain after load | turns/s (load + drain) | exactly once |',
      '|---:|---:|---:|---:|---:|---:|---:|---|',
      `| ${unique} | ${inbound.length} | ${answered} | ${fakeSids.length} | ${duplicatesAtFake} | ${drainSeconds.toFixed(0)} s | ${(unique / (SECONDS + drainSeconds)).toFixed(0)} | ${exactlyOnce ? 'yes' : 'NO'} |`,
    ].join('\n');
    console.log(`\n${table}\n`);
    console.log(`statuses: ${JSON.stringify(result.statuses)}; run started ${benchStart.toISOString()}; verdict: ${pass ? 'pass' : 'see table'}`);
    if (SECONDS >= 30 && RATE >= 300) recordResults('channels', table);
  } finally {
    await new Promise<void>((resolve) => { worker.once('exit', () => resolve()); worker.kill('SIGTERM'); setTimeout(resolve, 10_000); });
    await api.stop();
    await fake.close();
    await prisma.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
