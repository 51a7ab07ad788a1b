import { computeSlots, firstAvailable, localDateRange } from './index.js';
import { serviceSpec, weeklyRule } from './spec-fixtures.js';
import type { AvailabilityInput, ProviderSchedule, WeeklyRule } from './types.js';

const ZONE = 'Europe/London';

const rule = (providerId: string, weekday: number, startTime: string, endTime: string): WeeklyRule =>
  weeklyRule({ providerId, timezone: ZONE, weekday, startTime, endTime, stepMinutes: 30 });

const provider = (providerId: string, weekday: number, startTime: string, endTime: string): ProviderSchedule => ({
  providerId,
  rules: [rule(providerId, weekday, startTime, endTime)],
});

function input(over: Partial<AvailabilityInput>): AvailabilityInput {
  return {
    service: serviceSpec({ maxAdvanceDays: 60 }),
    providers: [],
    exceptions: [],
    busy: [],
    rooms: [],
    roomBusy: [],
    // Monday 2026-06-08 … Sunday 2026-06-21
    range: localDateRange('2026-06-08', '2026-06-21', ZONE),
    now: Date.parse('2026-06-01T00:00:00Z'),
    isNewPatient: true,
    ...over,
  };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('firstAvailable', () => {
  it('returns the earliest slots across providers, in output order', () => {
    const providers = [provider('late', 3, '09:00', '17:00'), provider('early', 2, '16:00', '17:00'), provider('mid', 2, '16:30', '18:00')];
    const got = firstAvailable(input({ providers }), 4);
    expect(got.map((s) => [iso(s.start), s.providerId])).toEqual([
      ['2026-06-09T15:00', 'early'],
      ['2026-06-09T15:30', 'early'],
      ['2026-06-09T15:30', 'mid'],
      ['2026-06-09T16:00', 'mid'],
    ]);
    expect(got).toEqual(computeSlots(input({ providers })).slice(0, 4));
  });

  it('returns everything there is when fewer than n slots exist, and nothing for n = 0', () => {
    const providers = [provider('only', 1, '09:00', '10:00')];
    expect(firstAvailable(input({ providers }), 100)).toEqual(computeSlots(input({ providers })));
    expect(firstAvailable(input({ providers }), 100)).toHaveLength(4);
    expect(firstAvailable(input({ providers }), 0)).toEqual([]);
  });

  it('rejects a negative or fractional n', () => {
    expect(() => firstAvailable(input({}), -1)).toThrow(RangeError);
    expect(() => firstAvailable(input({}), 1.5)).toThrow(RangeError);
  });

  it('is lazy: over a 50-year range it only expands the first days', () => {
    // 40 providers with weekday hours over 50 years would be millions of slots; computing them all
    // would blow the test timeout, so finishing at all shows the work stops at the n-th slot.
    const providers = Array.from({ length: 40 }, (_, i) => ({
      providerId: `p${String(i).padStart(2, '0')}`,
      rules: [1, 2, 3, 4, 5].map((d) => rule(`p${String(i).padStart(2, '0')}`, d, '09:00', '17:00')),
    }));
    const huge = input({
      providers,
      range: localDateRange('2026-06-08', '2076-06-08', ZONE),
      service: { ...input({}).service, maxAdvanceDays: 20_000 },
    });
    const got = firstAvailable(huge, 41);
    expect(got.slice(0, 40).every((s) => iso(s.start) === '2026-06-08T08:00')).toBe(true);
    expect(got[40]).toMatchObject({ providerId: 'p00', start: Date.parse('2026-06-08T08:30:00Z') });
  });
});
