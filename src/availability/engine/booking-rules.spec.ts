import { DateTime } from 'luxon';
import { computeSlots, localDateRange } from './index.js';
import { serviceSpec, weeklyRule } from './spec-fixtures.js';
import type { AvailabilityInput, Busy, ProviderSchedule, Room, RoomBusy, ServiceSpec, Slot, WeeklyRule } from './types.js';

const ZONE = 'America/New_York';
const MON = '2026-06-08';

const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toMillis();
const hhmm = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('HH:mm');

const consult: ServiceSpec = serviceSpec();

function rule(providerId: string, weekday: number, startTime: string, endTime: string, over: Partial<WeeklyRule> = {}): WeeklyRule {
  return weeklyRule({ providerId, timezone: ZONE, weekday, startTime, endTime, ...over });
}

const mondayMorning = (providerId: string, over: Partial<WeeklyRule> = {}): ProviderSchedule => ({
  providerId,
  rules: [rule(providerId, 1, '09:00', '12:00', over)],
});

function run(over: Partial<AvailabilityInput>): Slot[] {
  return computeSlots({
    service: consult,
    providers: [mondayMorning('dr-a')],
    exceptions: [],
    busy: [],
    rooms: [],
    roomBusy: [],
    range: localDateRange(MON, MON, ZONE),
    now: Date.parse('2026-06-01T00:00:00Z'),
    isNewPatient: true,
    ...over,
  });
}

const busy = (providerId: string, from: string, to: string): Busy => ({ providerId, start: at(MON, from), end: at(MON, to) });
const roomBusy = (roomId: string, from: string, to: string): RoomBusy => ({ roomId, start: at(MON, from), end: at(MON, to) });
const starts = (slots: Slot[], providerId?: string) =>
  slots.filter((s) => providerId === undefined || s.providerId === providerId).map((s) => hhmm(s.start));

describe('buffers and busy time', () => {
  it('with 15 min buffer after, the last slot ends 15 min before the window end', () => {
    const slots = run({ service: { ...consult, bufferAfterMinutes: 15 } });
    expect(hhmm(slots.at(-1)!.end)).toBe('11:45');
    expect(hhmm(slots.at(-1)!.start)).toBe('11:15');
    expect(hhmm(slots[0]!.start)).toBe('09:00');
  });

  it('with 10 min buffer before, the first slot starts at the first step after 09:10', () => {
    const slots = run({ service: { ...consult, bufferBeforeMinutes: 10 } });
    expect(starts(slots).slice(0, 2)).toEqual(['09:15', '09:30']);
    expect(slots.at(-1)!.end).toBe(at(MON, '12:00'));
  });

  it("keeps the whole block (buffers included) clear of the provider's busy time", () => {
    const slots = run({ service: { ...consult, bufferAfterMinutes: 15 }, busy: [busy('dr-a', '10:00', '10:30')] });
    // 09:15's block is 09:15–10:00 (fits); 09:30's would run to 10:15.
    expect(starts(slots)).toEqual(['09:00', '09:15', '10:30', '10:45', '11:00', '11:15']);
  });

  it('accepts busy intervals unsorted and overlapping, and ignores other providers', () => {
    const slots = run({
      busy: [busy('dr-a', '10:45', '11:30'), busy('dr-a', '10:00', '11:00'), busy('dr-a', '09:30', '10:15'), busy('dr-b', '09:00', '12:00')],
    });
    expect(starts(slots)).toEqual(['09:00', '11:30']);
  });

  it('a hold ending exactly at a slot start does not block it (half-open)', () => {
    expect(starts(run({ busy: [busy('dr-a', '09:00', '11:00')] }))).toEqual(['11:00', '11:15', '11:30']);
  });
});

describe('rooms', () => {
  // Physio: 45 min + 15 min buffer after, needs a treatment room. Two treatment rooms at main.
  const physio: ServiceSpec = { ...consult, id: 'physio', durationMinutes: 45, bufferAfterMinutes: 15, roomKind: 'treatment' };
  const rooms: Room[] = [
    { id: 'consult-1', locationId: 'main', kind: 'consult' },
    { id: 'treat-1', locationId: 'main', kind: 'treatment' },
    { id: 'treat-2', locationId: 'main', kind: 'treatment' },
    { id: 'treat-north', locationId: 'north', kind: 'treatment' },
  ];
  const providers = [mondayMorning('pt-a'), mondayMorning('pt-b'), mondayMorning('pt-c')];
  const physioRun = (over: Partial<AvailabilityInput>) => run({ service: physio, providers, rooms, ...over });

  it('assigns the first free room of the right kind at the location', () => {
    const slots = physioRun({});
    expect(slots[0]).toMatchObject({ providerId: 'pt-a', roomId: 'treat-1', locationId: 'main' });
    expect(new Set(slots.map((s) => s.roomId))).toEqual(new Set(['treat-1']));
  });

  it('two patients at once fit in two rooms', () => {
    // pt-a treats someone in treat-1 09:00–10:00; pt-b is free and gets treat-2.
    const slots = physioRun({ busy: [busy('pt-a', '09:00', '10:00')], roomBusy: [roomBusy('treat-1', '09:00', '10:00')] });
    expect(slots.filter((s) => s.start === at(MON, '09:00'))).toEqual([
      { start: at(MON, '09:00'), end: at(MON, '09:45'), providerId: 'pt-b', locationId: 'main', roomId: 'treat-2' },
      { start: at(MON, '09:00'), end: at(MON, '09:45'), providerId: 'pt-c', locationId: 'main', roomId: 'treat-2' },
    ]);
  });

  it('a third concurrent patient does not: no slot while both rooms are taken, though a provider is free', () => {
    const slots = physioRun({
      busy: [busy('pt-a', '09:00', '10:00'), busy('pt-b', '09:00', '10:00')],
      roomBusy: [roomBusy('treat-1', '09:00', '10:00'), roomBusy('treat-2', '09:00', '10:00')],
    });
    expect(starts(slots, 'pt-c')).toEqual(['10:00', '10:15', '10:30', '10:45', '11:00']);
    expect(slots.every((s) => s.start >= at(MON, '10:00'))).toBe(true);
    // A free treatment room at another location does not help.
    expect(slots.some((s) => s.roomId === 'treat-north')).toBe(false);
  });

  it('a room freed before the block ends is still not enough: the whole block needs the room', () => {
    const slots = physioRun({
      providers: [mondayMorning('pt-c')],
      roomBusy: [roomBusy('treat-1', '09:00', '10:00'), roomBusy('treat-2', '09:30', '10:00')],
    });
    // 09:00's block (to 10:00) overlaps treat-2's booking at 09:30.
    expect(starts(slots).slice(0, 2)).toEqual(['10:00', '10:15']);
  });

  it('offers a slot as soon as the first of several busy rooms frees up', () => {
    const slots = physioRun({
      providers: [mondayMorning('pt-c')],
      roomBusy: [roomBusy('treat-1', '09:00', '11:00'), roomBusy('treat-2', '09:00', '10:15')],
    });
    expect(slots.slice(0, 3).map((s) => [hhmm(s.start), s.roomId])).toEqual([
      ['10:15', 'treat-2'],
      ['10:30', 'treat-2'],
      ['10:45', 'treat-2'],
    ]);
    expect(slots.find((s) => s.start === at(MON, '11:00'))?.roomId).toBe('treat-1');
  });

  it('a location without such a room, or telehealth, has no slots for a room service', () => {
    expect(physioRun({ providers: [mondayMorning('pt-a', { locationId: 'south' })] })).toEqual([]);
    expect(physioRun({ providers: [mondayMorning('pt-a', { locationId: null })] })).toEqual([]);
  });

  it('services without a room kind get roomId null', () => {
    expect(run({ rooms }).every((s) => s.roomId === null)).toBe(true);
  });
});

describe('booking window', () => {
  it('minimum notice: nothing before now + 2 h', () => {
    const now = at(MON, '08:07');
    const slots = run({ now, service: { ...consult, minNoticeMinutes: 120 } });
    expect(starts(slots)).toEqual(['10:15', '10:30', '10:45', '11:00', '11:15', '11:30']);
  });

  it('maximum advance: nothing after now + 90 days (inclusive)', () => {
    const rules = [1, 2, 3, 4, 5, 6, 7].map((d) => rule('dr-a', d, '07:00', '10:00', { stepMinutes: 60 }));
    const now = at('2026-06-08', '08:00');
    const slots = run({
      now,
      service: { ...consult, durationMinutes: 60, maxAdvanceDays: 90 },
      providers: [{ providerId: 'dr-a', rules }],
      range: localDateRange('2026-09-05', '2026-09-07', ZONE),
    });
    expect(slots.map((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toFormat('MM-dd HH:mm'))).toEqual([
      '09-05 07:00',
      '09-05 08:00',
      '09-05 09:00',
      '09-06 07:00',
      '09-06 08:00',
    ]);
  });

  it('only starts inside the range count; a slot may end after it', () => {
    const slots = run({ range: { start: at(MON, '10:00'), end: at(MON, '11:00') } });
    expect(starts(slots)).toEqual(['10:00', '10:15', '10:30', '10:45']);
    expect(slots.at(-1)!.end).toBe(at(MON, '11:15'));
  });

  it('newPatientOnly services have no slots for a returning patient', () => {
    const service = { ...consult, newPatientOnly: true };
    expect(run({ service, isNewPatient: false })).toEqual([]);
    expect(run({ service, isNewPatient: true })).toHaveLength(11);
  });
});

describe('output', () => {
  it('is sorted by start then providerId, with overlapping slots when the step is below the duration', () => {
    const slots = run({ providers: [mondayMorning('dr-b'), mondayMorning('dr-a')] });
    expect(slots.slice(0, 4).map((s) => [hhmm(s.start), hhmm(s.end), s.providerId])).toEqual([
      ['09:00', '09:30', 'dr-a'],
      ['09:00', '09:30', 'dr-b'],
      ['09:15', '09:45', 'dr-a'],
      ['09:15', '09:45', 'dr-b'],
    ]);
  });

  it('gives a provider one slot per start even when its schedule is listed twice or locations overlap', () => {
    const slots = run({
      providers: [
        mondayMorning('dr-a'),
        { providerId: 'dr-a', rules: [rule('dr-a', 1, '09:00', '10:00', { locationId: 'north' })] },
      ],
    });
    expect(starts(slots)).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30']);
    expect(slots.every((s) => s.locationId === 'main')).toBe(true);
  });

  it('limit keeps the first slots', () => {
    expect(starts(run({}), undefined).slice(0, 3)).toEqual(starts(computeSlots(baseInput(), { limit: 3 })));
    expect(computeSlots(baseInput(), { limit: 0 })).toEqual([]);
  });
});

function baseInput(): AvailabilityInput {
  return {
    service: consult,
    providers: [mondayMorning('dr-a')],
    exceptions: [],
    busy: [],
    rooms: [],
    roomBusy: [],
    range: localDateRange(MON, MON, ZONE),
    now: Date.parse('2026-06-01T00:00:00Z'),
    isNewPatient: true,
  };
}
