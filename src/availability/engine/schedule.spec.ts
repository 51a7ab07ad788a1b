import { DateTime } from 'luxon';
import { computeSlots, localDateRange } from './index.js';
import type { AvailabilityInput, ScheduleException, ServiceSpec, Slot, WeeklyRule } from './types.js';

// A week away from DST: Monday 2026-06-08 … Sunday 2026-06-14, New York (EDT all week).
const ZONE = 'America/New_York';
const MON = '2026-06-08';
const TUE = '2026-06-09';
const WED = '2026-06-10';
const SAT = '2026-06-13';

const service: ServiceSpec = {
  id: 'consult',
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  roomKind: null,
  minNoticeMinutes: 0,
  maxAdvanceDays: 365,
  newPatientOnly: false,
};

function rule(over: Partial<WeeklyRule> & Pick<WeeklyRule, 'weekday' | 'startTime' | 'endTime'>): WeeklyRule {
  return {
    providerId: 'dr-a',
    locationId: 'main',
    timezone: ZONE,
    validFrom: null,
    validTo: null,
    serviceIds: [],
    stepMinutes: 30,
    ...over,
  };
}

/** Mon–Fri 09–12 and 13–17 (lunch 12–13). */
const weekdays = (over: Partial<WeeklyRule> = {}) =>
  [1, 2, 3, 4, 5].flatMap((weekday) => [
    rule({ weekday, startTime: '09:00', endTime: '12:00', ...over }),
    rule({ weekday, startTime: '13:00', endTime: '17:00', ...over }),
  ]);

function exception(over: Partial<ScheduleException> & Pick<ScheduleException, 'kind' | 'startsOn'>): ScheduleException {
  return {
    providerId: null,
    locationId: null,
    timezone: ZONE,
    endsOn: over.startsOn,
    startTime: null,
    endTime: null,
    serviceIds: [],
    stepMinutes: 30,
    ...over,
  };
}

function run(over: Partial<AvailabilityInput>): Slot[] {
  return computeSlots({
    service,
    providers: [{ providerId: 'dr-a', rules: weekdays() }],
    exceptions: [],
    busy: [],
    rooms: [],
    roomBusy: [],
    range: localDateRange(MON, '2026-06-14', ZONE),
    now: Date.parse('2026-06-01T00:00:00Z'),
    isNewPatient: true,
    ...over,
  });
}

/** "HH:mm" starts of a provider's slots on a local date. */
const startsOn = (slots: Slot[], date: string, providerId = 'dr-a') =>
  slots
    .filter((s) => s.providerId === providerId)
    .map((s) => DateTime.fromMillis(s.start, { zone: ZONE }))
    .filter((d) => d.toISODate() === date)
    .map((d) => d.toFormat('HH:mm'));

const MORNING = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
const AFTERNOON = ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];

describe('weekly rules', () => {
  it('a lunch break (09–12 and 13–17) leaves no slot touching 12:00–13:00', () => {
    expect(startsOn(run({}), MON)).toEqual([...MORNING, ...AFTERNOON]);
  });

  it('with a 15-minute step, 11:30 is the last morning slot and 11:45 is not offered', () => {
    const slots = run({ providers: [{ providerId: 'dr-a', rules: weekdays({ stepMinutes: 15 }) }] });
    const monday = startsOn(slots, MON);
    expect(monday).toContain('11:30');
    expect(monday).not.toContain('11:45');
    expect(monday).not.toContain('12:45');
    expect(monday.slice(9, 13)).toEqual(['11:15', '11:30', '13:00', '13:15']);
  });

  it('touching windows at one location are one stretch: a slot may straddle the join', () => {
    const rules = [
      rule({ weekday: 1, startTime: '09:00', endTime: '12:00', stepMinutes: 15 }),
      rule({ weekday: 1, startTime: '12:00', endTime: '13:00', stepMinutes: 15 }),
    ];
    expect(startsOn(run({ providers: [{ providerId: 'dr-a', rules }] }), MON)).toContain('11:45');
  });

  it('aligns starts to the step from the window start plus the buffer before, rounded up', () => {
    const rules = [rule({ weekday: 1, startTime: '09:10', endTime: '12:00', stepMinutes: 15 })];
    const slots = run({
      service: { ...service, durationMinutes: 20, bufferBeforeMinutes: 10 },
      providers: [{ providerId: 'dr-a', rules }],
    });
    expect(startsOn(slots, MON)).toEqual([
      '09:25', '09:40', '09:55', '10:10', '10:25', '10:40', '10:55', '11:10', '11:25', '11:40',
    ]);
  });

  it('validFrom/validTo bound the dates a rule applies on (inclusive)', () => {
    const rules = weekdays({ validFrom: TUE, validTo: WED });
    const slots = run({ providers: [{ providerId: 'dr-a', rules }] });
    expect(startsOn(slots, MON)).toEqual([]);
    expect(startsOn(slots, TUE)).toEqual([...MORNING, ...AFTERNOON]);
    expect(startsOn(slots, WED)).toEqual([...MORNING, ...AFTERNOON]);
    expect(startsOn(slots, '2026-06-11')).toEqual([]);
  });

  it('serviceIds restrict a rule to the services it lists', () => {
    const rules = [
      rule({ weekday: 1, startTime: '09:00', endTime: '12:00', serviceIds: ['physio'] }),
      rule({ weekday: 1, startTime: '13:00', endTime: '17:00', serviceIds: [] }),
      rule({ weekday: 2, startTime: '09:00', endTime: '10:00', serviceIds: ['physio', 'consult'] }),
    ];
    const slots = run({ providers: [{ providerId: 'dr-a', rules }] });
    expect(startsOn(slots, MON)).toEqual(AFTERNOON);
    expect(startsOn(slots, TUE)).toEqual(['09:00', '09:30']);
  });

  it('an end time before the start runs past midnight into the next date', () => {
    const rules = [rule({ weekday: 5, startTime: '22:00', endTime: '02:00', stepMinutes: 60 })];
    const slots = run({ service: { ...service, durationMinutes: 60 }, providers: [{ providerId: 'dr-a', rules }] });
    expect(startsOn(slots, '2026-06-12')).toEqual(['22:00', '23:00']);
    expect(startsOn(slots, SAT)).toEqual(['00:00', '01:00']);
  });

  it('24:00 as an end time means the end of the day', () => {
    const rules = [rule({ weekday: 1, startTime: '23:00', endTime: '24:00' })];
    expect(startsOn(run({ providers: [{ providerId: 'dr-a', rules }] }), MON)).toEqual(['23:00', '23:30']);
  });
});

describe('exceptions', () => {
  it('a provider closure removes the whole day', () => {
    const slots = run({ exceptions: [exception({ kind: 'closed', providerId: 'dr-a', startsOn: TUE })] });
    expect(startsOn(slots, MON)).toEqual([...MORNING, ...AFTERNOON]);
    expect(startsOn(slots, TUE)).toEqual([]);
    expect(startsOn(slots, WED)).toEqual([...MORNING, ...AFTERNOON]);
  });

  it('a multi-day closure removes every day of its span', () => {
    const slots = run({ exceptions: [exception({ kind: 'closed', startsOn: TUE, endsOn: '2026-06-11' })] });
    expect(startsOn(slots, MON)).toHaveLength(14);
    expect(startsOn(slots, TUE)).toEqual([]);
    expect(startsOn(slots, WED)).toEqual([]);
    expect(startsOn(slots, '2026-06-11')).toEqual([]);
    expect(startsOn(slots, '2026-06-12')).toHaveLength(14);
  });

  describe('a location-wide holiday', () => {
    const providers = [
      {
        providerId: 'dr-a',
        rules: [
          rule({ weekday: 3, startTime: '09:00', endTime: '10:00' }),
          rule({ weekday: 3, startTime: '18:00', endTime: '19:00', locationId: null }),
        ],
      },
      { providerId: 'dr-b', rules: [rule({ providerId: 'dr-b', weekday: 3, startTime: '09:00', endTime: '10:00', locationId: 'north' })] },
    ];

    it('closes that location for every provider, but not other locations or telehealth', () => {
      const slots = run({ providers, exceptions: [exception({ kind: 'holiday', locationId: 'main', startsOn: WED })] });
      expect(startsOn(slots, WED, 'dr-a')).toEqual(['18:00', '18:30']);
      expect(slots.filter((s) => s.providerId === 'dr-a').every((s) => s.locationId === null)).toBe(true);
      expect(startsOn(slots, WED, 'dr-b')).toEqual(['09:00', '09:30']);
    });

    it('a clinic-wide holiday (no provider, no location) closes everything, telehealth included', () => {
      const slots = run({ providers, exceptions: [exception({ kind: 'holiday', startsOn: WED })] });
      expect(slots).toEqual([]);
    });
  });

  it('a staff block removes 14:00–15:00 for that provider only', () => {
    const providers = [
      { providerId: 'dr-a', rules: weekdays() },
      { providerId: 'dr-b', rules: weekdays({ providerId: 'dr-b' }) },
    ];
    const block = exception({ kind: 'staff_block', providerId: 'dr-a', startsOn: MON, startTime: '14:00', endTime: '15:00' });
    const slots = run({ providers, exceptions: [block] });
    expect(startsOn(slots, MON, 'dr-a')).toEqual([...MORNING, '13:00', '13:30', '15:00', '15:30', '16:00', '16:30']);
    expect(startsOn(slots, MON, 'dr-b')).toEqual([...MORNING, ...AFTERNOON]);
    expect(startsOn(slots, TUE, 'dr-a')).toEqual([...MORNING, ...AFTERNOON]);
  });

  it('after a block the stretch restarts its step grid at the block end', () => {
    const rules = [rule({ weekday: 1, startTime: '09:00', endTime: '11:00', stepMinutes: 30 })];
    const block = exception({ kind: 'staff_block', providerId: 'dr-a', startsOn: MON, startTime: '09:00', endTime: '09:20' });
    const slots = run({ providers: [{ providerId: 'dr-a', rules }], exceptions: [block] });
    expect(startsOn(slots, MON)).toEqual(['09:20', '09:50', '10:20']);
  });

  describe('extra hours on a Saturday', () => {
    const extra = exception({
      kind: 'extra_hours',
      providerId: 'dr-a',
      locationId: 'main',
      startsOn: SAT,
      startTime: '09:00',
      endTime: '12:00',
      stepMinutes: 30,
    });

    it('adds bookable time for the provider at the location', () => {
      const slots = run({ exceptions: [extra] });
      expect(startsOn(slots, SAT)).toEqual(MORNING);
      expect(slots.filter((s) => startsOn([s], SAT).length > 0).every((s) => s.locationId === 'main')).toBe(true);
    });

    it('are not cancelled by a clinic- or location-wide closure of that date', () => {
      const closures = [
        exception({ kind: 'holiday', startsOn: SAT }),
        exception({ kind: 'closed', locationId: 'main', startsOn: SAT }),
      ];
      expect(startsOn(run({ exceptions: [extra, ...closures] }), SAT)).toEqual(MORNING);
    });

    it('are cut by a staff block and by a closure naming the provider', () => {
      const block = exception({ kind: 'staff_block', providerId: 'dr-a', startsOn: SAT, startTime: '10:00', endTime: '11:00' });
      expect(startsOn(run({ exceptions: [extra, block] }), SAT)).toEqual(['09:00', '09:30', '11:00', '11:30']);
      const off = exception({ kind: 'closed', providerId: 'dr-a', startsOn: SAT });
      expect(startsOn(run({ exceptions: [extra, off] }), SAT)).toEqual([]);
    });

    it('only for the services they allow', () => {
      expect(startsOn(run({ exceptions: [{ ...extra, serviceIds: ['physio'] }] }), SAT)).toEqual([]);
      expect(startsOn(run({ exceptions: [{ ...extra, serviceIds: ['consult'] }] }), SAT)).toEqual(MORNING);
    });

    it('extending a weekday window joins it into one stretch', () => {
      const evening = { ...extra, startsOn: MON, endsOn: MON, startTime: '17:00', endTime: '18:00' };
      expect(startsOn(run({ exceptions: [evening] }), MON)).toEqual([...MORNING, ...AFTERNOON, '17:00', '17:30']);
    });
  });
});

describe('malformed schedule data', () => {
  const bad = (rules: WeeklyRule[]) => () => run({ providers: [{ providerId: 'dr-a', rules }] });

  it.each([
    ['an unknown zone', rule({ weekday: 1, startTime: '09:00', endTime: '10:00', timezone: 'Mars/Base' })],
    ['a time without padding', rule({ weekday: 1, startTime: '9:00', endTime: '10:00' })],
    ['24:00 as a start', rule({ weekday: 1, startTime: '24:00', endTime: '10:00' })],
    ['weekday 0', rule({ weekday: 0, startTime: '09:00', endTime: '10:00' })],
    ['a zero step', rule({ weekday: 1, startTime: '09:00', endTime: '10:00', stepMinutes: 0 })],
    ['an impossible date', rule({ weekday: 1, startTime: '09:00', endTime: '10:00', validFrom: '2026-02-30' })],
    ["another provider's rule", rule({ weekday: 1, startTime: '09:00', endTime: '10:00', providerId: 'dr-z' })],
  ])('throws RangeError for %s', (_, r) => {
    expect(bad([r])).toThrow(RangeError);
  });
});
