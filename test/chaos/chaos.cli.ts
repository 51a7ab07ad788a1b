// `npm run test:chaos`: the multi-instance chaos test at full size (500 patients by default), printing
// its figures and recording them in bench/RESULTS.md; exits non-zero when an invariant fails.
// CHAOS_PATIENTS, CHAOS_RAMP_SECONDS, CHAOS_SEED override the defaults (a smaller run is not recorded).
import { machine, recordResults } from '../../bench/lib/results.js';
import { figuresTable } from './harness/invariants.js';
import { runChaos } from './harness/run-chaos.js';

const patients = Number(process.env.CHAOS_PATIENTS ?? 500);
const rampSeconds = Number(process.env.CHAOS_RAMP_SECONDS ?? 120);
const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100_000);
// The whole run is bounded: a hard stop kills everything (the children die with this process).
const HARD_LIMIT_MS = 15 * 60_000;
const hardStop = setTimeout(() => { console.error(`chaos test exceeded ${HARD_LIMIT_MS / 60_000} min; stopping`); process.exit(2); }, HARD_LIMIT_MS);
hardStop.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

try {
  console.log(`Chaos test: ${patients} patients, ramp ${rampSeconds} s, seed ${seed}`);
  const result = await runChaos({ patients, rampSeconds, loadLimitSeconds: rampSeconds + 240, drainLimitSeconds: 180, seed, log: (l) => console.log(`  ${l}`) });
  const table = [
    '## Chaos: 3 API instances + 2 workers under faults (`npm run test:chaos`)',
    '',
    `${patients} simulated patients (half SMS over signed Twilio webhooks, half WhatsApp over signed Meta webhooks) book, cancel, reschedule, look up and race for the same slots; every webhook is delivered 1–3 times, some copies at once to different API instances. During the run: ${result.events.filter((e) => /kill|Redis stopped|refuses/.test(e)).map((e) => e.replace(/^t\+/, 'at ')).join('; ')}. Load ${result.seconds.load.toFixed(0)} s, drain and probe ${result.seconds.drain.toFixed(0)} s, total ${result.seconds.total.toFixed(0)} s (seed ${seed}).`,
    '',
    figuresTable(result.figures),
  ].join('\n');
  console.log(`\n${table}\n\n${machine()}\n`);
  for (const f of result.figures) for (const d of f.details ?? []) console.log(`  ${d}`);
  if (patients >= 500) recordResults('chaos', table);
  console.log(result.ok ? 'All invariants hold.' : 'INVARIANT FAILED (see the table).');
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  console.error(error);
  process.exit(1);
}
