import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, daysBetween, isRealDate, localDate, minutesOfDay, offsetMinutes, weekdayOf } from './local-time.js';

/** The same helpers written with luxon DateTimes, as they were: the arithmetic versions must agree. */
const luxon = {
  zoned: (ms: number, zone: string) => {
    const local = DateTime.fromMillis(ms, { zone });
    return local.isValid ? local : DateTime.fromMillis(ms, { zone: 'UTC' });
  },
  localDate: (ms: number, zone: string) => luxon.zoned(ms, zone).toISODate()!,
  addDays: (date: string, days: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!,
  daysBetween: (a: string, b: string) => Math.round(DateTime.fromISO(b, { zone: 'UTC' }).diff(DateTime.fromISO(a, { zone: 'UTC' }), 'days').days),
  weekdayOf: (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).weekday,
  minutesOfDay: (ms: number, zone: string) => { const l = luxon.zoned(ms, zone); return l.hour * 60 + l.minute; },
  offsetMinutes: (ms: number, zone: string) => luxon.zoned(ms, zone).offset,
  isRealDate: (year: number, month: number, day: number) => DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).isValid,
};

const zones = fc.constantFrom('America/New_York', 'Europe/Madrid', 'America/Mexico_City', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'UTC', 'Not/AZone');
// 1990–2060, with extra weight around the 2026 DST changes.
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
  fc.integer({ min: Date.UTC(2026, 2, 7), max: Date.UTC(2026, 2, 10) }),
  fc.integer({ min: Date.UTC(2026, 9, 24), max: Date.UTC(2026, 10, 3) }),
);
const date = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('local-time helpers agree with luxon', () => {
  const options = { seed: 20261121, numRuns: 3_000 };

  it('local date, minutes of the day and offset of an instant in a zone (an unknown zone is UTC)', () => {
    fc.assert(fc.property(instant, zones, (ms, zone) => {
      expect([localDate(ms, zone), minutesOfDay(ms, zone), offsetMinutes(ms, zone)]).toEqual([luxon.localDate(ms, zone), luxon.minutesOfDay(ms, zone), luxon.offsetMinutes(ms, zone)]);
    }), options);
  });

  it('calendar arithmetic on local dates', () => {
    fc.assert(fc.property(date, date, fc.integer({ min: -800, max: 800 }), (a, b, days) => {
      expect([addDays(a, days), daysBetween(a, b), weekdayOf(a)]).toEqual([luxon.addDays(a, days), luxon.daysBetween(a, b), luxon.weekdayOf(a)]);
    }), options);
  });

  it('real and impossible dates', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }), (year, month, day) => {
      expect(isRealDate(year, month, day)).toBe(luxon.isRealDate(year, month, day));
    }), options);
    expect([isRealDate(2024, 2, 29), isRealDate(2026, 2, 29), isRealDate(2026, 4, 31)]).toEqual([true, false, false]);
  });
});
