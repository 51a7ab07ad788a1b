import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseLocalDate } from './calendar.js';
import { createZoneClock } from './zone-clock.js';

fc.configureGlobal({ seed: 1729, numRuns: 200 });

const iso = (ms: number) => new Date(ms).toISOString();
const toUtc = (zone: string, date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return iso(createZoneClock()(zone)(parseLocalDate(date, 'date'), h! * 60 + m!));
};

describe('createZoneClock', () => {
  it.each([
    // [zone, local date, local time, expected instant]
    ['America/New_York', '2026-03-08', '01:59', '2026-03-08T06:59:00.000Z'], // EST
    ['America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00.000Z'], // gap → 03:00 EDT
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'], // gap → 03:30 EDT
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z'], // EDT
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'], // repeated → earlier (EDT)
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00.000Z'], // EST
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:30:00.000Z'], // gap → 02:30 BST
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'], // repeated → earlier (BST)
    ['Asia/Kolkata', '2026-03-10', '09:00', '2026-03-10T03:30:00.000Z'],
    ['Asia/Kolkata', '2026-03-10', '00:30', '2026-03-09T19:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04', '02:00', '2026-10-03T15:30:00.000Z'], // gap → 02:30 +11
    ['Australia/Lord_Howe', '2026-10-04', '02:29', '2026-10-03T15:59:00.000Z'], // gap → 02:59 +11
    ['Australia/Lord_Howe', '2026-10-04', '02:30', '2026-10-03T15:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z'], // repeated → earlier (+11)
    ['Australia/Lord_Howe', '2026-04-05', '02:00', '2026-04-04T15:30:00.000Z'], // +10:30
  ])('%s %s %s → %s', (zone, date, time, expected) => {
    expect(toUtc(zone, date, time)).toBe(expected);
  });

  it('reads minutes past 24 h as times of the following dates', () => {
    const clock = createZoneClock()('America/New_York');
    const day = parseLocalDate('2026-03-07', 'd');
    expect(iso(clock(day, 24 * 60 + 120))).toBe('2026-03-08T07:00:00.000Z');
    expect(clock(day, 24 * 60)).toBe(clock(day + 1, 0));
  });

  it('rejects unknown zones', () => {
    expect(() => createZoneClock()('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  // Independent reference: every offset the zone uses within a day of the wall time gives a candidate
  // instant; the real ones are those whose wall time in the zone reads back as requested.
  const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];
  const DATES = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01'];
  const WALL = "yyyy-MM-dd'T'HH:mm";

  it('matches a brute-force reading: the only instant, else the earlier of two, else moved forward by the gap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...DATES),
        // Half the cases in the small hours, where the transitions are.
        fc.oneof(fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.integer({ min: 60, max: 240 })),
        (zone, date, minutes) => {
          const naive = DateTime.fromISO(date, { zone: 'UTC' }).plus({ minutes });
          const wall = naive.toFormat(WALL);
          const offsets = new Set<number>();
          for (let h = -30; h <= 30; h++) offsets.add(DateTime.fromMillis(naive.toMillis() + h * 3_600_000, { zone }).offset);
          const matches = [...offsets]
            .map((o) => naive.toMillis() - o * 60_000)
            .filter((t) => DateTime.fromMillis(t, { zone }).toFormat(WALL) === wall)
            .sort((a, b) => a - b);

          const got = createZoneClock()(zone)(parseLocalDate(date, 'd'), minutes);
          if (matches.length > 0) {
            expect(got).toBe(matches[0]);
          } else {
            const after = DateTime.fromMillis(got, { zone });
            const gapMinutes = after.offset - DateTime.fromMillis(got - 2 * 3_600_000, { zone }).offset;
            expect(gapMinutes).toBeGreaterThan(0);
            expect(after.toFormat(WALL)).toBe(naive.plus({ minutes: gapMinutes }).toFormat(WALL));
          }
        },
      ),
    );
  });
});
