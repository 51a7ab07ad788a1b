import fc from 'fast-check';
import { DateTime } from 'luxon';
import { computeSlots, firstAvailable } from './index.js';
import type {
  AvailabilityInput,
  Busy,
  Room,
  RoomBusy,
  ScheduleException,
  ServiceSpec,
  Slot,
  WeeklyRule,
} from './types.js';

fc.configureGlobal({ seed: 20260308, numRuns: 150 });

const MIN = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Reference: a deliberately naive re-implementation. Working time is painted minute by minute on a
// grid (every instant the engine deals in is a whole minute), wall times are resolved with luxon's
// DateTime.fromISO plus a look for an earlier occurrence, and slots are enumerated without any sweep.
// It shares no code with the engine.
// ---------------------------------------------------------------------------------------------

const WALL = "yyyy-MM-dd'T'HH:mm";
/** Memoised across runs: the generators reuse a few dates and zones, and luxon formatting is slow. */
function memo<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args) => {
    const key = args.join('|');
    let r = cache.get(key);
    if (r === undefined) cache.set(key, (r = f(...args)));
    return r;
  };
}
const isoWeekday = memo((date: string) => DateTime.fromISO(date, { zone: 'UTC' }).weekday);
const addDays = memo((date: string, n: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: n }).toISODate()!);
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/** Wall time → instant: a time in a gap moves forward (luxon does that); a repeated time is its first occurrence. */
const wallToInstant = memo((zone: string, date: string, minutes: number): number => {
  const wall = DateTime.fromISO(date, { zone: 'UTC' }).plus({ minutes }).toFormat(WALL);
  let t = DateTime.fromISO(wall, { zone }).toMillis();
  if (DateTime.fromMillis(t, { zone }).toFormat(WALL) === wall) {
    for (const back of [120, 60, 30]) {
      if (DateTime.fromMillis(t - back * MIN, { zone }).toFormat(WALL) === wall) {
        t -= back * MIN;
        break;
      }
    }
  }
  return t;
});

/** [start, end) of a local window on `date`; an end at or before the start runs into the next date. */
function windowOn(zone: string, date: string, startTime: string, endTime: string): [number, number] {
  const s = minutesOf(startTime);
  let e = minutesOf(endTime);
  if (e < s) e += 1440;
  return [wallToInstant(zone, date, s), wallToInstant(zone, date, e)];
}

interface RefRun {
  start: number;
  end: number;
  step: number;
}

interface RefGroup {
  locationId: string | null;
  runs: RefRun[];
}

/** Working time of each (provider, location), in the engine's group order, as runs of the minute grid. */
function referenceWorkingTime(input: AvailabilityInput): Map<string, RefGroup[]> {
  const { range, service } = input;
  const firstDate = addDays(DateTime.fromMillis(range.start, { zone: 'UTC' }).toISODate()!, -5);
  const dates = Array.from({ length: Math.ceil((range.end - range.start) / DAY) + 11 }, (_, i) => addDays(firstDate, i));
  const g0 = DateTime.fromISO(firstDate, { zone: 'UTC' }).toMillis() - DAY;
  const size = (dates.length + 3) * 1440;
  const paint = (mask: Uint8Array, a: number, b: number, visit?: (m: number) => void) => {
    for (let m = Math.max(0, (a - g0) / MIN); m < Math.min(size, (b - g0) / MIN); m++) {
      if (visit) visit(m);
      else mask[m] = 1;
    }
  };

  const out = new Map<string, RefGroup[]>();
  const providerIds = [...new Set(input.providers.map((p) => p.providerId))];
  for (const providerId of providerIds) {
    const rules = input.providers.filter((p) => p.providerId === providerId).flatMap((p) => p.rules);
    const usable = rules.filter((r) => r.serviceIds.length === 0 || r.serviceIds.includes(service.id));
    const extras = input.exceptions.filter(
      (e) =>
        e.kind === 'extra_hours' &&
        (e.providerId === null || e.providerId === providerId) &&
        (e.serviceIds.length === 0 || e.serviceIds.includes(service.id)),
    );
    const locations = [...new Set([...usable.map((r) => r.locationId), ...extras.map((e) => e.locationId)])];

    const groups: RefGroup[] = [];
    for (const locationId of locations) {
      const removedForRules = new Uint8Array(size);
      const removedForExtras = new Uint8Array(size);
      for (const e of input.exceptions) {
        if (e.kind === 'extra_hours') continue;
        if (e.providerId !== null && e.providerId !== providerId) continue;
        if (e.locationId !== null && e.locationId !== locationId) continue;
        for (let d = e.startsOn; d <= e.endsOn; d = addDays(d, 1)) {
          const [a, b] = windowOn(e.timezone, d, e.startTime ?? '00:00', e.endTime ?? '24:00');
          paint(removedForRules, a, b);
          if (e.kind === 'staff_block' || e.providerId !== null) paint(removedForExtras, a, b);
        }
      }
      const working = new Uint8Array(size);
      const stepAt = new Float64Array(size).fill(Infinity);
      const add = (a: number, b: number, step: number, removed: Uint8Array) =>
        paint(working, a, b, (m) => {
          if (removed[m]) return;
          working[m] = 1;
          stepAt[m] = Math.min(stepAt[m]!, step);
        });
      for (const date of dates) {
        for (const r of usable) {
          if (r.locationId !== locationId || r.weekday !== isoWeekday(date)) continue;
          if ((r.validFrom !== null && date < r.validFrom) || (r.validTo !== null && date > r.validTo)) continue;
          const [a, b] = windowOn(r.timezone, date, r.startTime, r.endTime);
          add(a, b, r.stepMinutes, removedForRules);
        }
        for (const e of extras) {
          if (e.locationId !== locationId || date < e.startsOn || date > e.endsOn) continue;
          const [a, b] = windowOn(e.timezone, date, e.startTime ?? '00:00', e.endTime ?? '24:00');
          add(a, b, e.stepMinutes, removedForExtras);
        }
      }
      const runs: RefRun[] = [];
      for (let m = 0; m < size; ) {
        if (!working[m]) {
          m++;
          continue;
        }
        let step = Infinity;
        const first = m;
        while (m < size && working[m]) step = Math.min(step, stepAt[m++]!);
        runs.push({ start: g0 + first * MIN, end: g0 + m * MIN, step: step * MIN });
      }
      groups.push({ locationId, runs });
    }
    out.set(providerId, groups);
  }
  return out;
}

const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

function referenceSlots(input: AvailabilityInput): Slot[] {
  const { service } = input;
  if (service.newPatientOnly && !input.isNewPatient) return [];
  const before = service.bufferBeforeMinutes * MIN;
  const duration = service.durationMinutes * MIN;
  const after = service.bufferAfterMinutes * MIN;
  const out: Slot[] = [];
  for (const [providerId, groups] of referenceWorkingTime(input)) {
    const taken = new Map<number, Slot>();
    for (const g of groups) {
      for (const run of g.runs) {
        for (let start = run.start; start + duration + after <= run.end; start += run.step) {
          const b0 = start - before;
          const b1 = start + duration + after;
          if (b0 < run.start || taken.has(start)) continue;
          if (start < input.range.start || start >= input.range.end) continue;
          if (start < input.now + service.minNoticeMinutes * MIN) continue;
          if (start > input.now + service.maxAdvanceDays * DAY) continue;
          if (input.busy.some((x) => x.providerId === providerId && overlaps(b0, b1, x.start, x.end))) continue;
          let roomId: string | null = null;
          if (service.roomKind !== null) {
            const room = input.rooms.find(
              (r) =>
                r.locationId === g.locationId &&
                r.kind === service.roomKind &&
                !input.roomBusy.some((x) => x.roomId === r.id && overlaps(b0, b1, x.start, x.end)),
            );
            if (room === undefined) continue;
            roomId = room.id;
          }
          taken.set(start, { start, end: start + duration, providerId, locationId: g.locationId, roomId });
        }
      }
    }
    out.push(...taken.values());
  }
  return out.sort((a, b) => a.start - b.start || (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Generators: a few providers, rules and exceptions around DST changes in zones with odd offsets.
// ---------------------------------------------------------------------------------------------

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];
const BASE_DATES = ['2026-03-06', '2026-03-27', '2026-04-03', '2026-06-10', '2026-09-25', '2026-10-02', '2026-10-23', '2026-10-30'];
const PROVIDERS = ['p1', 'p2', 'p3'];
const LOCATIONS = ['L1', 'L2', null] as const;
const SERVICE_ID = 'svc';

const hhmm = (minutes: number) => {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
/** A window of 15 minutes to 6 hours starting anywhere in the day; may run past midnight. */
const windowArb = fc
  .record({ start: fc.integer({ min: 0, max: 287 }), length: fc.integer({ min: 3, max: 72 }) })
  .map(({ start, length }) => {
    const s = start * 5;
    const e = s + length * 5;
    return { startTime: hhmm(s), endTime: e === 1440 ? '24:00' : hhmm(e) };
  });
const stepArb = fc.constantFrom(5, 10, 15, 20, 30, 60);
const mostlyNull = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const serviceIdsArb = fc.constantFrom<string[]>([], [], [SERVICE_ID], ['other'], [SERVICE_ID, 'other']);

interface Scenario {
  base: string;
  zones: { L1: string; L2: string; tele: string };
  input: AvailabilityInput;
}

const zoneOf = (zones: Scenario['zones'], locationId: string | null) =>
  locationId === 'L1' ? zones.L1 : locationId === 'L2' ? zones.L2 : zones.tele;

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    base: fc.constantFrom(...BASE_DATES),
    zones: fc.record({ L1: fc.constantFrom(...ZONES), L2: fc.constantFrom(...ZONES), tele: fc.constantFrom(...ZONES) }),
    providerCount: fc.integer({ min: 1, max: 3 }),
    rules: fc.array(
      fc.record({
        provider: fc.integer({ min: 0, max: 2 }),
        // The weekday of a date near the range, so that most rules actually apply.
        day: fc.integer({ min: -1, max: 4 }),
        window: windowArb,
        location: fc.constantFrom(...LOCATIONS),
        // Now and then a rule in another zone than its location's: bad data, but it mixes windows of
        // different zones in one stretch, which stresses the lazy merge.
        zone: mostlyNull(fc.constantFrom(...ZONES)),
        step: stepArb,
        validFrom: mostlyNull(fc.integer({ min: -2, max: 4 })),
        validTo: mostlyNull(fc.integer({ min: 0, max: 6 })),
        serviceIds: serviceIdsArb,
      }),
      { minLength: 1, maxLength: 12 },
    ),
    removals: fc.array(
      fc.record({
        kind: fc.constantFrom('closed', 'holiday', 'staff_block') as fc.Arbitrary<ScheduleException['kind']>,
        provider: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        location: fc.constantFrom(...LOCATIONS),
        day: fc.integer({ min: -1, max: 5 }),
        days: fc.integer({ min: 0, max: 1 }),
        window: fc.option(windowArb, { nil: null }),
      }),
      { maxLength: 4 },
    ),
    extras: fc.array(
      fc.record({
        provider: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        location: fc.constantFrom(...LOCATIONS),
        day: fc.integer({ min: -1, max: 5 }),
        days: fc.integer({ min: 0, max: 1 }),
        window: windowArb,
        step: stepArb,
        serviceIds: serviceIdsArb,
      }),
      { maxLength: 3 },
    ),
    service: fc.record({
      durationMinutes: fc.constantFrom(10, 15, 20, 30, 45, 60),
      bufferBeforeMinutes: fc.constantFrom(0, 0, 5, 10, 15),
      bufferAfterMinutes: fc.constantFrom(0, 0, 5, 15),
      roomKind: fc.constantFrom<string | null>(null, 'treatment'),
      minNoticeMinutes: fc.constantFrom(0, 0, 30, 120, 1440),
      maxAdvanceDays: fc.constantFrom(1, 3, 30, 30),
    }),
    newPatientOnly: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    isNewPatient: fc.boolean(),
    busy: fc.array(
      fc.record({ provider: fc.integer({ min: 0, max: 2 }), offset: fc.integer({ min: -1440, max: 6 * 1440 }), length: fc.integer({ min: 1, max: 240 }) }),
      { maxLength: 8 },
    ),
    rooms: fc.array(
      fc.record({ location: fc.constantFrom('L1', 'L1', 'L2'), kind: fc.constantFrom('treatment', 'treatment', 'consult') }),
      { minLength: 1, maxLength: 4 },
    ),
    roomBusy: fc.array(
      fc.record({ room: fc.integer({ min: 0, max: 3 }), offset: fc.integer({ min: -1440, max: 6 * 1440 }), length: fc.integer({ min: 1, max: 600 }) }),
      { maxLength: 12 },
    ),
    rangeOffset: fc.integer({ min: 0, max: 1439 }),
    rangeLength: fc.integer({ min: 1440, max: 4 * 1440 }),
    nowOffset: fc.integer({ min: -2 * 1440, max: 1440 }),
  })
  .map((g): Scenario => {
    const providers = PROVIDERS.slice(0, g.providerCount);
    const pick = (i: number) => providers[i % providers.length]!;
    const date = (n: number) => addDays(g.base, n);
    const rules: WeeklyRule[] = g.rules.map((r) => ({
      providerId: pick(r.provider),
      locationId: r.location,
      timezone: r.zone ?? zoneOf(g.zones, r.location),
      weekday: isoWeekday(date(r.day)),
      ...r.window,
      validFrom: r.validFrom === null ? null : date(r.validFrom),
      validTo: r.validTo === null ? null : date(r.validTo),
      serviceIds: r.serviceIds,
      stepMinutes: r.step,
    }));
    const exceptions: ScheduleException[] = [
      ...g.removals.map((e) => ({
        kind: e.kind,
        providerId: e.provider === null ? null : pick(e.provider),
        locationId: e.location,
        timezone: zoneOf(g.zones, e.location),
        startsOn: date(e.day),
        endsOn: date(e.day + e.days),
        startTime: e.window?.startTime ?? null,
        endTime: e.window?.endTime ?? null,
        serviceIds: [],
        stepMinutes: 15,
      })),
      ...g.extras.map((e) => ({
        kind: 'extra_hours' as const,
        providerId: e.provider === null ? null : pick(e.provider),
        locationId: e.location,
        timezone: zoneOf(g.zones, e.location),
        startsOn: date(e.day),
        endsOn: date(e.day + e.days),
        ...e.window,
        serviceIds: e.serviceIds,
        stepMinutes: e.step,
      })),
    ];
    const rangeStart = DateTime.fromISO(g.base, { zone: g.zones.L1 }).toMillis() + g.rangeOffset * MIN;
    const rooms: Room[] = g.rooms.map((r, i) => ({ id: `R${i}`, locationId: r.location, kind: r.kind }));
    const busy: Busy[] = g.busy.map((b) => ({
      providerId: pick(b.provider),
      start: rangeStart + b.offset * MIN,
      end: rangeStart + (b.offset + b.length) * MIN,
    }));
    const roomBusy: RoomBusy[] = g.roomBusy.map((b) => ({
      roomId: `R${b.room}`,
      start: rangeStart + b.offset * MIN,
      end: rangeStart + (b.offset + b.length) * MIN,
    }));
    const service: ServiceSpec = { id: SERVICE_ID, ...g.service, newPatientOnly: g.newPatientOnly };
    return {
      base: g.base,
      zones: g.zones,
      input: {
        service,
        providers: providers.map((providerId) => ({ providerId, rules: rules.filter((r) => r.providerId === providerId) })),
        exceptions,
        busy,
        rooms,
        roomBusy,
        range: { start: rangeStart, end: rangeStart + g.rangeLength * MIN },
        now: rangeStart + g.nowOffset * MIN,
        isNewPatient: g.isNewPatient,
      },
    };
  });

/** What is wrong with one slot, checked against the reference working time; empty when nothing. */
function violations(s: Slot, input: AvailabilityInput, working: Map<string, RefGroup[]>): string[] {
  const { service } = input;
  const b0 = s.start - service.bufferBeforeMinutes * MIN;
  const b1 = s.end + service.bufferAfterMinutes * MIN;
  const out: string[] = [];
  const fail = (what: string) => out.push(`${new Date(s.start).toISOString()} ${s.providerId}: ${what}`);

  if (s.end - s.start !== service.durationMinutes * MIN) fail('wrong duration');
  // The whole block lies in one contiguous stretch of working time at the slot's location …
  const group = working.get(s.providerId)?.find((g) => g.locationId === s.locationId);
  const run = group?.runs.find((r) => r.start <= b0 && b1 <= r.end);
  if (run === undefined) fail('block outside working time');
  // … and the start sits on that stretch's step grid.
  else if ((s.start - run.start) % run.step !== 0) fail('start off the step grid');
  if (input.busy.some((b) => b.providerId === s.providerId && overlaps(b0, b1, b.start, b.end))) fail('overlaps busy');
  if (s.start < input.now + service.minNoticeMinutes * MIN) fail('inside minimum notice');
  if (s.start > input.now + service.maxAdvanceDays * DAY) fail('beyond maximum advance');
  if (s.start < input.range.start || s.start >= input.range.end) fail('outside range');
  if (service.roomKind === null) {
    if (s.roomId !== null) fail('room for a service without one');
  } else {
    const room = input.rooms.find((r) => r.id === s.roomId);
    if (room === undefined || room.kind !== service.roomKind || room.locationId !== s.locationId) fail('wrong room');
    if (input.roomBusy.some((b) => b.roomId === s.roomId && overlaps(b0, b1, b.start, b.end))) fail('room busy');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('computeSlots properties', () => {
  it('every slot satisfies the booking invariants', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const slots = computeSlots(input);
        const working = referenceWorkingTime(input);
        expect(slots.flatMap((s) => violations(s, input, working))).toEqual([]);
        if (input.service.newPatientOnly && !input.isNewPatient) expect(slots).toEqual([]);
      }),
    );
  });

  it('output is sorted by (start, providerId) without duplicate (provider, start)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const slots = computeSlots(input);
        for (let i = 1; i < slots.length; i++) {
          const a = slots[i - 1]!;
          const b = slots[i]!;
          expect(a.start < b.start || (a.start === b.start && a.providerId < b.providerId)).toBe(true);
        }
      }),
    );
  });

  it('finds exactly the slots of the naive reference (nothing missing, nothing extra)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        expect(computeSlots(input)).toEqual(referenceSlots(input));
      }),
    );
  });

  it('limit and firstAvailable(n) equal a prefix of the full result', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 40 }), ({ input }, n) => {
        const all = computeSlots(input);
        expect(firstAvailable(input, n)).toEqual(all.slice(0, n));
        expect(computeSlots(input, { limit: n })).toEqual(all.slice(0, n));
      }),
    );
  });

  it('does not depend on the order of busy, room-busy and exception lists', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const reversed = {
          ...input,
          busy: [...input.busy].reverse(),
          roomBusy: [...input.roomBusy].reverse(),
          exceptions: [...input.exceptions].reverse(),
        };
        expect(computeSlots(reversed)).toEqual(computeSlots(input));
      }),
      { numRuns: 100 },
    );
  });
});

describe('input handling', () => {
  const deepFreeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const v of Object.values(value)) deepFreeze(v);
    }
    return value;
  };

  it('never mutates its input (callers may cache and share it)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const before = JSON.stringify(input);
        // Writing to a frozen object throws in module (strict) code.
        deepFreeze(input);
        computeSlots(input);
        firstAvailable(input, 5);
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});

describe('room capacity', () => {
  // K treatment rooms at L1, each booked over a common instant t: nobody can start a block covering t.
  // Free any one of them and some provider can.
  const ZONE = 'Europe/London';
  const dayStart = DateTime.fromISO('2026-06-08', { zone: ZONE }).toMillis(); // a Monday
  const rules = (providerId: string): WeeklyRule[] =>
    [1, 2, 3, 4, 5].map((weekday) => ({
      providerId,
      locationId: 'L1',
      timezone: ZONE,
      weekday,
      startTime: '08:00',
      endTime: '18:00',
      validFrom: null,
      validTo: null,
      serviceIds: [],
      stepMinutes: 15,
    }));

  it('with K rooms and K bookings overlapping a time, no slot covers that time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 10 * 60, max: 16 * 60 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 90 })), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        (k, tMinute, spans, freed) => {
          const t = dayStart + tMinute * MIN;
          const rooms: Room[] = [
            { id: 'other-kind', locationId: 'L1', kind: 'consult' },
            { id: 'other-place', locationId: 'L2', kind: 'treatment' },
            ...Array.from({ length: k }, (_, i) => ({ id: `T${i}`, locationId: 'L1', kind: 'treatment' })),
          ];
          const roomBusy: RoomBusy[] = Array.from({ length: k }, (_, i) => ({
            roomId: `T${i}`,
            start: t - spans[i]![0] * MIN,
            end: t + spans[i]![1] * MIN,
          }));
          const input: AvailabilityInput = {
            service: {
              id: 'physio',
              durationMinutes: 45,
              bufferBeforeMinutes: 0,
              bufferAfterMinutes: 15,
              roomKind: 'treatment',
              minNoticeMinutes: 0,
              maxAdvanceDays: 30,
              newPatientOnly: false,
            },
            providers: ['a', 'b', 'c', 'd'].map((providerId) => ({ providerId, rules: rules(providerId) })),
            exceptions: [],
            busy: [],
            rooms,
            roomBusy,
            range: { start: dayStart, end: dayStart + DAY },
            now: dayStart - DAY,
            isNewPatient: true,
          };
          const covers = (s: Slot) => s.start <= t && t < s.end + 15 * MIN;
          expect(computeSlots(input).filter(covers)).toEqual([]);

          const oneFree = { ...input, roomBusy: roomBusy.filter((_, i) => i !== freed % k) };
          const freedSlots = computeSlots(oneFree).filter(covers);
          expect(freedSlots.length).toBeGreaterThan(0);
          expect(freedSlots.every((s) => s.roomId === `T${freed % k}`)).toBe(true);
        },
      ),
    );
  });
});
