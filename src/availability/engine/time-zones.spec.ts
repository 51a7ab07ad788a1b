import { DateTime } from 'luxon';
import { computeSlots, localDateRange } from './index.js';
import { serviceSpec, weeklyRule } from './spec-fixtures.js';
import type { AvailabilityInput, ServiceSpec, Slot, WeeklyRule } from './types.js';

const HOUR = 3_600_000;

const service: ServiceSpec = serviceSpec();

const rule = (timezone: string, weekday: number, startTime: string, endTime: string, stepMinutes = 30): WeeklyRule =>
  weeklyRule({ providerId: 'dr-a', timezone, weekday, startTime, endTime, stepMinutes });

/** Slots of one local date in `zone`. */
function slotsOn(date: string, zone: string, rules: WeeklyRule[]): Slot[] {
  const input: AvailabilityInput = {
    service,
    providers: [{ providerId: 'dr-a', rules }],
    exceptions: [],
    busy: [],
    rooms: [],
    roomBusy: [],
    range: localDateRange(date, date, zone),
    now: Date.parse('2026-01-01T00:00:00Z'),
    isNewPatient: true,
  };
  return computeSlots(input);
}

const utcStarts = (slots: Slot[]) => slots.map((s) => new Date(s.start).toISOString().slice(0, 16));
const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm ZZ');

describe('DST and odd offsets', () => {
  describe('America/New_York', () => {
    const zone = 'America/New_York';

    it('spring forward (2026-03-08): 09:00–17:00 is 8 h, slots from 09:00 to one ending 17:00 EDT', () => {
      const slots = slotsOn('2026-03-08', zone, [rule(zone, 7, '09:00', '17:00')]);
      expect(slots).toHaveLength(16);
      expect(slots[0]!.start).toBe(Date.parse('2026-03-08T13:00:00Z'));
      expect(slots.at(-1)!.end).toBe(Date.parse('2026-03-08T21:00:00Z'));
      expect(local(slots[0]!.start, zone)).toBe('09:00 -04:00');
      expect(local(slots.at(-1)!.end, zone)).toBe('17:00 -04:00');
      expect(slots.at(-1)!.end - slots[0]!.start).toBe(8 * HOUR);
    });

    it('fall back (2026-11-01): 09:00–17:00 is 8 h, slots from 09:00 to one ending 17:00 EST', () => {
      const slots = slotsOn('2026-11-01', zone, [rule(zone, 7, '09:00', '17:00')]);
      expect(slots).toHaveLength(16);
      expect(slots[0]!.start).toBe(Date.parse('2026-11-01T14:00:00Z'));
      expect(slots.at(-1)!.end).toBe(Date.parse('2026-11-01T22:00:00Z'));
      expect(local(slots[0]!.start, zone)).toBe('09:00 -05:00');
      expect(local(slots.at(-1)!.end, zone)).toBe('17:00 -05:00');
      expect(slots.at(-1)!.end - slots[0]!.start).toBe(8 * HOUR);
    });

    it('a window starting in the spring gap (02:00) starts at 03:00 EDT', () => {
      const slots = slotsOn('2026-03-08', zone, [rule(zone, 7, '02:00', '04:00')]);
      expect(utcStarts(slots)).toEqual(['2026-03-08T07:00', '2026-03-08T07:30']);
      expect(slots.map((s) => local(s.start, zone))).toEqual(['03:00 -04:00', '03:30 -04:00']);
    });

    it('a window across the repeated hour (01:00–03:00 on 2026-11-01) is 3 h of elapsed time', () => {
      const slots = slotsOn('2026-11-01', zone, [rule(zone, 7, '01:00', '03:00')]);
      expect(utcStarts(slots)).toEqual([
        '2026-11-01T05:00',
        '2026-11-01T05:30',
        '2026-11-01T06:00',
        '2026-11-01T06:30',
        '2026-11-01T07:00',
        '2026-11-01T07:30',
      ]);
      expect(slots.map((s) => local(s.start, zone))).toEqual([
        '01:00 -04:00',
        '01:30 -04:00',
        '01:00 -05:00',
        '01:30 -05:00',
        '02:00 -05:00',
        '02:30 -05:00',
      ]);
    });
  });

  describe('Europe/London', () => {
    const zone = 'Europe/London';

    it.each([
      ['2026-03-29', '2026-03-29T08:00:00Z', '2026-03-29T16:00:00Z', '+01:00'],
      ['2026-10-25', '2026-10-25T09:00:00Z', '2026-10-25T17:00:00Z', '+00:00'],
    ])('on %s 09:00–17:00 runs %s → %s, 8 h', (date, first, lastEnd, offset) => {
      const slots = slotsOn(date, zone, [rule(zone, 7, '09:00', '17:00')]);
      expect(slots).toHaveLength(16);
      expect(slots[0]!.start).toBe(Date.parse(first));
      expect(slots.at(-1)!.end).toBe(Date.parse(lastEnd));
      expect(local(slots[0]!.start, zone)).toBe(`09:00 ${offset}`);
    });
  });

  describe('Asia/Kolkata (+05:30, no DST)', () => {
    const zone = 'Asia/Kolkata';

    it('09:00–17:00 on Tuesday 2026-03-10 is 03:30Z–11:30Z', () => {
      const slots = slotsOn('2026-03-10', zone, [rule(zone, 2, '09:00', '17:00')]);
      expect(slots).toHaveLength(16);
      expect(slots[0]!.start).toBe(Date.parse('2026-03-10T03:30:00Z'));
      expect(slots.at(-1)!.end).toBe(Date.parse('2026-03-10T11:30:00Z'));
    });

    it('a window just after local midnight falls on the previous UTC date', () => {
      const slots = slotsOn('2026-03-10', zone, [rule(zone, 2, '00:30', '01:30')]);
      expect(utcStarts(slots)).toEqual(['2026-03-09T19:00', '2026-03-09T19:30']);
    });
  });

  describe('Australia/Lord_Howe (30-minute DST shift)', () => {
    const zone = 'Australia/Lord_Howe';

    it('DST start (2026-10-04): a 02:00–03:00 window begins at 02:30, so nothing at 02:00–02:29', () => {
      const slots = slotsOn('2026-10-04', zone, [rule(zone, 7, '02:00', '03:00', 15)]);
      expect(utcStarts(slots)).toEqual(['2026-10-03T15:30']);
      expect(local(slots[0]!.start, zone)).toBe('02:30 +11:00');
    });

    it('DST start: a 01:00–05:00 window is 3.5 h and skips 02:00–02:29 local', () => {
      const slots = slotsOn('2026-10-04', zone, [rule(zone, 7, '01:00', '05:00')]);
      expect(slots.map((s) => local(s.start, zone))).toEqual([
        '01:00 +10:30',
        '01:30 +10:30',
        '02:30 +11:00',
        '03:00 +11:00',
        '03:30 +11:00',
        '04:00 +11:00',
        '04:30 +11:00',
      ]);
      expect(slots.at(-1)!.end - slots[0]!.start).toBe(3.5 * HOUR);
    });

    it('DST end (2026-04-05): 09:00–17:00 is 8 h at +10:30', () => {
      const slots = slotsOn('2026-04-05', zone, [rule(zone, 7, '09:00', '17:00')]);
      expect(slots).toHaveLength(16);
      expect(slots[0]!.start).toBe(Date.parse('2026-04-04T22:30:00Z'));
      expect(slots.at(-1)!.end).toBe(Date.parse('2026-04-05T06:30:00Z'));
    });

    it('DST end: 01:00–03:00 spans the repeated half hour, 2.5 h of elapsed time', () => {
      const slots = slotsOn('2026-04-05', zone, [rule(zone, 7, '01:00', '03:00')]);
      expect(slots.map((s) => local(s.start, zone))).toEqual([
        '01:00 +11:00',
        '01:30 +11:00',
        '01:30 +10:30',
        '02:00 +10:30',
        '02:30 +10:30',
      ]);
      expect(slots.at(-1)!.end - slots[0]!.start).toBe(2.5 * HOUR);
    });

    it('DST end: a window starting at a repeated time starts at its first occurrence', () => {
      const slots = slotsOn('2026-04-05', zone, [rule(zone, 7, '01:45', '02:30')]);
      expect(utcStarts(slots)).toEqual(['2026-04-04T14:45', '2026-04-04T15:15']);
      expect(local(slots[0]!.start, zone)).toBe('01:45 +11:00');
    });
  });
});
