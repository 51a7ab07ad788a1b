// Conversation pipeline benchmark (npm run bench:conversation): 1,000 simulated patients chat
// through the HTTP simulator at 200 messages/s for 30 s against the compiled app in its own process.
// Each patient's messages are sequential (the next leaves only after the reply), the overall send
// schedule is open-loop, and turn latency is measured from each message's scheduled time.
import { DateTime } from 'luxon';
import { Agent, request } from 'undici';
import { benchEnv, freshDemoDatabase, startAppProcess } from '../lib/app-process.js';
import { machine, recordResults, summarize } from '../lib/results.js';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);

/** What patients say: a booking by a new patient, a look at their appointments, and small talk. */
function script(i: number): string[] {
  const day = DateTime.now().setZone('America/New_York').plus({ days: 2 + (i % 20) }).toFormat('cccc d LLL');
  switch (i % 3) {
    case 0: return ['hi', 'book', 'vaccination', 'first available', day, '1', `Bench Patient${i}`, '1980-01-01', 'yes', 'thanks'];
    case 1: return ['my appointments', 'menu', 'help', 'thanks'];
    default: return [`follow-up ${day} morning`, 'first available', 'other times', 'menu', 'bye'];
  }
}

async function main(): Promise<void> {
  const env = benchEnv('clinic_bench_conversation', { SIMULATOR_ENABLED: 'true', DATABASE_POOL_SIZE: '20' });
  console.log('Preparing the database…');
  const prisma = await freshDemoDatabase(env);
  await prisma.$disconnect();
  const app = await startAppProcess(env, 3921);
  const agent = new Agent({ connections: PATIENTS + 10 });
  const send = async (phone: string, text: string) => {
    const res = await request(`${app.url}/api/v1/simulator/messages`, {
      method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: phone, text, channel: 'sms' }),
    });
    const body = (await res.body.json()) as { replies?: unknown[] };
    return { status: res.statusCode, replies: body.replies?.length ?? 0 };
  };

  const patients = Array.from({ length: PATIENTS }, (_, i) => ({ phone: `+1332${String(5_000_000 + i)}`, messages: script(i), next: 0, busy: false }));
  const latencies: number[] = [];
  let errors = 0;
  let silent = 0;
  let sent = 0;
  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  let cursor = 0;
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // The next patient who is not waiting for a reply and has something left to say.
    let patient;
    for (let tries = 0; tries < PATIENTS; tries++) {
      const candidate = patients[cursor++ % PATIENTS]!;
      if (!candidate.busy) {
        if (candidate.next >= candidate.messages.length) candidate.next = 0;
        patient = candidate;
        break;
      }
    }
    if (!patient) continue;
    patient.busy = true;
    const text = patient.messages[patient.next++]!;
    sent++;
    const p = patient;
    inflight.push(send(p.phone, text).then((r) => {
      latencies.push(performance.now() - scheduled);
      if (r.status !== 200) errors++;
      else if (r.replies === 0) silent++;
    }, () => { errors++; }).finally(() => { p.busy = false; }));
  }
  await Promise.all(inflight);
  await agent.close();
  await app.stop();

  const s = summarize(latencies);
  const pass = errors === 0 && s.p95 <= 50;
  const table = [
    '## Conversation pipeline (`npm run bench:conversation`)',
    '',
    `${PATIENTS} simulated patients over SMS through POST /api/v1/simulator/messages (store → ordered turn under the conversation lock → dialog → effects: availability, holds, bookings → save), open-loop at ${RATE} messages/s for ${SECONDS} s; a patient's next message leaves only after the previous reply. Compiled app in its own process, pool 20.`,
    '',
    '| messages | errors | unanswered | p50 ms | p95 ms | p99 ms | max ms | target | verdict |',
    '|---:|---:|---:|---:|---:|---:|---:|---|---|',
    `| ${sent} | ${errors} | ${silent} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)} | p95 ≤ 50 ms, no errors | ${pass ? 'met' : 'MISSED'} |`,
  ].join('\n');
  console.log(`\n${table}\n\n${machine()}`);
  if (SECONDS >= 30 && RATE >= 200) recordResults('conversation', table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
