/**
 * Benchmark of the pure availability engine (no database, no network).
 * Run: npx tsx bench/availability/engine.bench.ts
 * Prints a markdown table of per-call latency; see README-engine.md.
 */
import os from 'node:os';
import { recordResults } from '../lib/results.js';
import { performance } from 'node:perf_hooks';
import {
  computeSlots,
  firstAvailable,
  localDateRange,
  type AvailabilityInput,
  type Busy,
  type ProviderSchedule,
  type Room,
  type RoomBusy,
  type ScheduleException,
  type ServiceSpec,
  type WeeklyRule,
} from '../../src/availability/engine/index.js';

const ZONE = 'America/New_York';
const MIN = 60_000;
const WARMUP = 100;
const RUNS = 500;

/** mulberry32: small, seeded, so every run benchmarks the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const consult: ServiceSpec = {
  id: 'consult',
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  roomKind: null,
  minNoticeMinutes: 120,
  maxAdvanceDays: 90,
  newPatientOnly: false,
};

function rule(
  providerId: string,
  weekday: number,
  startTime: string,
  endTime: string,
  stepMinutes: number,
  locationId: string | null = 'main',
): WeeklyRule {
  return { providerId, locationId, timezone: ZONE, weekday, startTime, endTime, validFrom: null, validTo: null, serviceIds: [], stepMinutes };
}

/** Mon–Fri 09:00–17:00 with a 12:30–13:30 lunch break (the shape most clinics use). */
function standardWeek(providerId: string, step: number): WeeklyRule[] {
  return [1, 2, 3, 4, 5].flatMap((d) => [rule(providerId, d, '09:00', '12:30', step), rule(providerId, d, '13:30', '17:00', step)]);
}

/** Varied hours for a 50-provider clinic: early and late shifts, part-timers, some Saturday mornings, one telehealth evening. */
function variedWeek(providerId: string, i: number): WeeklyRule[] {
  const shift = [
    ['08:00', '12:00', '13:00', '16:00'],
    ['09:00', '12:30', '13:30', '17:00'],
    ['10:00', '13:00', '14:00', '18:00'],
  ][i % 3]!;
  const days = i % 5 === 4 ? [1, 3, 5] : [1, 2, 3, 4, 5];
  const rules = days.flatMap((d) => [
    rule(providerId, d, shift[0]!, shift[1]!, 15),
    rule(providerId, d, shift[2]!, shift[3]!, 15),
  ]);
  if (i % 4 === 0) rules.push(rule(providerId, 6, '09:00', '12:00', 15));
  if (i % 7 === 0) rules.push(rule(providerId, 3, '18:00', '20:00', 15, null));
  return rules;
}

/**
 * Seeded appointments and holds inside the provider's working time: the time is walked in blocks of
 * 15–60 min, each booked with probability `fill(dayIndex)`, so roughly that share of the time is busy.
 */
function bookings(
  providerId: string,
  rules: WeeklyRule[],
  range: { from: string; days: number },
  fill: (day: number) => number,
  random: () => number,
): Busy[] {
  const out: Busy[] = [];
  for (let d = 0; d < range.days; d++) {
    const date = new Date(Date.parse(`${range.from}T12:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    for (const r of rules.filter((x) => x.weekday === weekday)) {
      const day = localDateRange(date, date, ZONE).start;
      const [sh, sm] = r.startTime.split(':').map(Number);
      const [eh, em] = r.endTime.split(':').map(Number);
      let t = day + (sh! * 60 + sm!) * MIN;
      const end = day + (eh! * 60 + em!) * MIN;
      while (t < end) {
        const len = [15, 30, 45, 60][Math.floor(random() * 4)]! * MIN;
        if (random() < fill(d)) out.push({ providerId, start: t, end: Math.min(end, t + len) });
        t += len;
      }
    }
  }
  // Shuffled: the engine must not rely on the database returning busy time in order.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { median: q(0.5), p95: q(0.95), p99: q(0.99) };
}

function measure(run: () => unknown): ReturnType<typeof stats> {
  for (let i = 0; i < WARMUP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

// ------------------------------------------------------------------------------------------------
// Case 1: one provider, 28 days, 30-min service on a 5-min step, half the working time busy.
// The range crosses the 2026-03-08 DST change.
const FROM = '2026-03-02';
const DAYS = 28;
const range = localDateRange(FROM, '2026-03-29', ZONE);
const now = Date.parse('2026-03-01T13:00:00Z');

const oneRules = standardWeek('dr-solo', 5);
const oneInput: AvailabilityInput = {
  service: consult,
  providers: [{ providerId: 'dr-solo', rules: oneRules }],
  exceptions: [],
  busy: bookings('dr-solo', oneRules, { from: FROM, days: DAYS }, () => 0.5, rng(1)),
  rooms: [],
  roomBusy: [],
  range,
  now,
  isNewPatient: true,
};

// Case 2: 50 providers with varied weekly hours, a clinic holiday, staff blocks; the first week is
// nearly full (as real calendars are), later weeks about half booked.
const random = rng(2);
const providers: ProviderSchedule[] = Array.from({ length: 50 }, (_, i) => {
  const providerId = `dr-${String(i).padStart(2, '0')}`;
  return { providerId, rules: variedWeek(providerId, i) };
});
const exceptions: ScheduleException[] = [
  { kind: 'holiday', providerId: null, locationId: null, timezone: ZONE, startsOn: '2026-03-17', endsOn: '2026-03-17', startTime: null, endTime: null, serviceIds: [], stepMinutes: 15 },
  ...providers.slice(0, 10).map((p, i): ScheduleException => ({
    kind: 'staff_block',
    providerId: p.providerId,
    locationId: null,
    timezone: ZONE,
    startsOn: `2026-03-0${2 + (i % 5)}`,
    endsOn: `2026-03-0${2 + (i % 5)}`,
    startTime: '14:00',
    endTime: '15:00',
    serviceIds: [],
    stepMinutes: 15,
  })),
];
const clinicBusy = providers.flatMap((p) => bookings(p.providerId, p.rules, { from: FROM, days: DAYS }, (d) => (d < 5 ? 0.97 : 0.5), random));
const clinicInput: AvailabilityInput = { ...oneInput, providers, exceptions, busy: clinicBusy };

// Case 3: the same clinic, physio (45 min + 15 min buffer) needing one of 6 treatment rooms.
const rooms: Room[] = Array.from({ length: 6 }, (_, i) => ({ id: `treat-${i}`, locationId: 'main', kind: 'treatment' }));
const roomBusy: RoomBusy[] = clinicBusy
  .filter(() => random() < 0.12)
  .map((b, i) => ({ roomId: `treat-${i % 6}`, start: b.start, end: b.end }));
const physioInput: AvailabilityInput = {
  ...clinicInput,
  service: { ...consult, id: 'physio', durationMinutes: 45, bufferAfterMinutes: 15, roomKind: 'treatment' },
  rooms,
  roomBusy,
};

const cases: { name: string; target: string; run: () => unknown; size: () => string }[] = [
  {
    name: 'computeSlots — 1 provider, 28 days, 30 min / 5 min step, 50 % busy',
    target: '≤ 1 ms',
    run: () => computeSlots(oneInput),
    size: () => `${computeSlots(oneInput).length} slots, ${oneInput.busy.length} busy`,
  },
  {
    name: 'firstAvailable(10) — 50 providers, 28 days',
    target: '≤ 5 ms',
    run: () => firstAvailable(clinicInput, 10),
    size: () => `${clinicInput.busy.length} busy`,
  },
  {
    name: 'firstAvailable(10) — 50 providers, 28 days, rooms (physio)',
    target: '—',
    run: () => firstAvailable(physioInput, 10),
    size: () => `${physioInput.roomBusy.length} room-busy`,
  },
  {
    name: 'computeSlots — 50 providers, 28 days (all slots)',
    target: '—',
    run: () => computeSlots(clinicInput),
    size: () => `${computeSlots(clinicInput).length} slots`,
  },
];

const fmt = (ms: number) => ms.toFixed(3);
console.log(`Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ${os.cpus().length} cores · ${WARMUP} warm-up + ${RUNS} timed calls per case\n`);
const rows = ['| case | data | median ms | p95 ms | p99 ms | target |', '| --- | --- | ---: | ---: | ---: | --- |'];
for (const c of cases) {
  const r = measure(c.run);
  rows.push(`| ${c.name} | ${c.size()} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${c.target} |`);
  console.log(rows.at(-1));
}
recordResults('availability-engine', [
  '## Availability engine (`npm run bench:availability`, engine part)',
  '',
  `Pure engine in-process, ${WARMUP} warm-up + ${RUNS} timed calls per case; data in bench/availability/README-engine.md.`,
  '',
  ...rows,
].join('\n'));
