import fc from 'fast-check';
import { planAvailability } from './plan.js';
import type { AvailabilityInput, WeeklyRule } from './types.js';
import { streamWorkingIntervals, workingIntervals } from './working-time.js';

fc.configureGlobal({ seed: 777, numRuns: 150 });

// Zones from UTC-12 to UTC+14, so windows of consecutive local dates interleave in UTC.
const ZONES = ['Pacific/Kiritimati', 'Pacific/Chatham', 'Asia/Kolkata', 'Europe/London', 'America/New_York', 'Pacific/Honolulu', 'Etc/GMT+12'];

const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const ruleArb: fc.Arbitrary<WeeklyRule> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    weekday: fc.integer({ min: 1, max: 7 }),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 40 }),
    step: fc.constantFrom(5, 15, 30),
  })
  .map((r) => ({
    providerId: 'p',
    locationId: 'L',
    timezone: r.zone,
    weekday: r.weekday,
    startTime: hhmm(r.start * 15),
    // Up to 10 h, often past midnight, so stretches cross dates and touch the next date's windows.
    endTime: (r.start + r.length) * 15 === 1440 ? '24:00' : hhmm((r.start + r.length) * 15),
    validFrom: null,
    validTo: null,
    serviceIds: [],
    stepMinutes: r.step,
  }));

const input = (rules: WeeklyRule[], blocks: [number, number][]): AvailabilityInput => {
  const start = Date.parse('2026-03-02T00:00:00Z');
  return {
    service: {
      id: 's',
      durationMinutes: 15,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      roomKind: null,
      minNoticeMinutes: 0,
      maxAdvanceDays: 60,
      newPatientOnly: false,
    },
    providers: [{ providerId: 'p', rules }],
    exceptions: blocks.map(([day, minute]) => ({
      kind: 'staff_block' as const,
      providerId: 'p',
      locationId: null,
      timezone: 'UTC',
      startsOn: new Date(start + day * 86_400_000).toISOString().slice(0, 10),
      endsOn: new Date(start + day * 86_400_000).toISOString().slice(0, 10),
      startTime: hhmm(minute),
      endTime: hhmm(minute + 90),
      serviceIds: [],
      stepMinutes: 15,
    })),
    busy: [],
    rooms: [],
    roomBusy: [],
    range: { start, end: start + 10 * 86_400_000 },
    now: start - 86_400_000,
    isNewPatient: true,
  };
};

describe('streamWorkingIntervals', () => {
  it('yields exactly what the eager expansion returns, in order, whatever the mix of zones', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 14 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 1300 })), { maxLength: 4 }),
        (rules, blocks) => {
          const plan = planAvailability(input(rules, blocks))!;
          for (const group of plan.providers[0]!.groups) {
            const eager = workingIntervals(group);
            const lazy = [...streamWorkingIntervals(group)];
            expect(lazy).toEqual(eager);
            for (let i = 1; i < lazy.length; i++) expect(lazy[i]!.start).toBeGreaterThan(lazy[i - 1]!.end);
          }
        },
      ),
    );
  });

  it('joins windows of consecutive dates that touch across midnight into one stretch', () => {
    const rule = (weekday: number, startTime: string, endTime: string): WeeklyRule => ({
      ...fc.sample(ruleArb, 1)[0]!,
      timezone: 'Pacific/Kiritimati',
      weekday,
      startTime,
      endTime,
      stepMinutes: 30,
    });
    // Monday 20:00 → Tuesday 02:00, then Tuesday 02:00 → 04:00, in UTC+14.
    const plan = planAvailability(input([rule(1, '20:00', '02:00'), rule(2, '02:00', '04:00')], []))!;
    const lazy = [...streamWorkingIntervals(plan.providers[0]!.groups[0]!)];
    expect(lazy.map((w) => [new Date(w.start).toISOString(), new Date(w.end).toISOString()])).toContainEqual([
      '2026-03-02T06:00:00.000Z',
      '2026-03-02T14:00:00.000Z',
    ]);
  });
});
