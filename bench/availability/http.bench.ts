// HTTP benchmark of GET /api/v1/availability: one provider × 14 days at 200 requests/s for 30 s,
// against the compiled app in its own process, on the demo clinic plus 200 generated providers.
// Run: npm run bench:availability   (BENCH_SECONDS / BENCH_RATE override the defaults)
import { DateTime } from 'luxon';
import { benchEnv, freshDemoDatabase, startAppProcess } from '../lib/app-process.js';
import { addGeneratedProviders } from '../lib/generated-providers.js';
import { openLoop } from '../lib/load.js';
import { machine, recordResults } from '../lib/results.js';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const EXTRA_PROVIDERS = 200;
const zone = 'America/New_York';

async function main(): Promise<void> {
  const env = benchEnv('clinic_bench_availability');
  console.log('Preparing the database (demo clinic + 200 providers)…');
  const prisma = await freshDemoDatabase(env);
  const { followUp } = await addGeneratedProviders(prisma, EXTRA_PROVIDERS, { bookHalf: true });
  const start = DateTime.now().setZone(zone).startOf('day');
  const patel = await prisma.provider.findFirstOrThrow({ where: { name: 'Dr. Maya Patel' } });
  const appointmentCount = await prisma.appointment.count();
  await prisma.$disconnect();

  const app = await startAppProcess(env, 3901);
  try {
    const from = start.plus({ days: 1 }).toISODate()!;
    const to = start.plus({ days: 14 }).toISODate()!;
    const url = `${app.url}/api/v1/availability?service=${followUp.id}&provider=${patel.id}&from=${from}&to=${to}`;
    const probe = await fetch(url);
    const body = (await probe.json()) as { slots: unknown[] };
    if (probe.status !== 200) throw new Error(`probe failed: ${probe.status} ${JSON.stringify(body)}`);
    console.log(`Warm-up (${body.slots.length} slots per response)…`);
    await openLoop({ rate: 50, seconds: 3, make: () => ({ url }) });
    console.log(`Measuring: ${RATE} requests/s for ${SECONDS} s…`);
    const result = await openLoop({ rate: RATE, seconds: SECONDS, make: () => ({ url }) });
    const pass = result.errors === 0 && result.latency.p99 <= 25;
    const table = [
      '## Availability over HTTP (`npm run bench:availability`)',
      '',
      `GET /api/v1/availability — one provider (Dr. Patel, follow-up) × 14 days, ${body.slots.length} slots per answer; demo clinic + ${EXTRA_PROVIDERS} generated providers, ${appointmentCount} appointments in the database. Open-loop load at ${RATE} requests/s for ${SECONDS} s from a separate process over loopback; latency measured from each request's scheduled send time.`,
      '',
      '| requests | errors | p50 ms | p95 ms | p99 ms | max ms | target | verdict |',
      '|---:|---:|---:|---:|---:|---:|---|---|',
      `| ${result.sent} | ${result.errors} | ${result.latency.p50.toFixed(1)} | ${result.latency.p95.toFixed(1)} | ${result.latency.p99.toFixed(1)} | ${result.latency.max.toFixed(1)} | p99 ≤ 25 ms, no errors | ${pass ? 'met' : 'MISSED'} |`,
    ].join('\n');
    console.log(`\n${table}\n\n${machine()}`);
    if (SECONDS >= 30 && RATE >= 200) recordResults('availability-http', table);
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
