import {
  DAY_MS,
  MINUTE_MS,
  MINUTES_PER_DAY,
  parseLocalDate,
  parseLocalTime,
  utcDayOf,
  type EpochDay,
} from './calendar.js';
import { addsHoursFor, parseExceptionSpan, removalIntervals, removesExtraHours, removesFrom } from './exceptions.js';
import { mergeIntervals } from './intervals.js';
import type { AvailabilityInput, Interval, ScheduleException, WeeklyRule } from './types.js';
import { assertFinite, assertInteger, assertNonNegative } from './validate.js';
import { sharedZoneClock, type LocalToUtc, type ZoneClock } from './zone-clock.js';

/** A recurring local window (a weekly rule, or extra hours on each date of their span), ready to expand per day. */
export interface WindowSource {
  toUtc: LocalToUtc;
  startMinute: number;
  /** After startMinute; past 1440 when the window runs into the next date. */
  endMinute: number;
  stepMs: number;
  /** Inclusive local dates on which the window starts. */
  firstDay: EpochDay;
  lastDay: EpochDay;
}

export interface RoomPlan {
  id: string;
  /** Sorted, disjoint. */
  busy: Interval[];
}

/** Everything about one provider at one location (null = telehealth) needed to produce its slots. */
export interface GroupPlan {
  locationId: string | null;
  /** Index = ISO weekday - 1. */
  rulesByWeekday: WindowSource[][];
  extraHours: WindowSource[];
  /** Sorted, disjoint; see exceptions.ts for why the two differ. */
  removeFromRules: Interval[];
  removeFromExtraHours: Interval[];
  /** Candidate rooms in the caller's order; null when the service needs none. */
  rooms: RoomPlan[] | null;
  /** Local dates worth expanding: the search horizon narrowed to the dates the sources are valid. */
  firstDay: EpochDay;
  lastDay: EpochDay;
}

export interface ProviderPlan {
  providerId: string;
  /** Sorted, disjoint. */
  busy: Interval[];
  /** In order of first appearance (rules, then extra hours); it breaks ties when locations overlap. */
  groups: GroupPlan[];
}

export interface SlotLimits {
  durationMs: number;
  beforeMs: number;
  afterMs: number;
  /** A slot start must be >= earliestStart, < endExclusive and <= latestStart. */
  earliestStart: number;
  endExclusive: number;
  latestStart: number;
}

export interface AvailabilityPlan {
  providers: ProviderPlan[];
  limits: SlotLimits;
}

/**
 * Validates the input and precomputes what the sweeps need: merged busy per provider and per room,
 * rules indexed by weekday with their zone converter, exception removals as instants. Returns null when
 * no slot is possible. Throws RangeError on malformed data.
 */
export function planAvailability(input: AvailabilityInput): AvailabilityPlan | null {
  const { service } = input;
  assertInteger(service.durationMinutes, 'service.durationMinutes', 1);
  assertInteger(service.bufferBeforeMinutes, 'service.bufferBeforeMinutes', 0);
  assertInteger(service.bufferAfterMinutes, 'service.bufferAfterMinutes', 0);
  assertNonNegative(service.minNoticeMinutes, 'service.minNoticeMinutes');
  assertNonNegative(service.maxAdvanceDays, 'service.maxAdvanceDays');
  assertFinite(input.range.start, 'range.start');
  assertFinite(input.range.end, 'range.end');
  assertFinite(input.now, 'now');

  const limits: SlotLimits = {
    durationMs: service.durationMinutes * MINUTE_MS,
    beforeMs: service.bufferBeforeMinutes * MINUTE_MS,
    afterMs: service.bufferAfterMinutes * MINUTE_MS,
    earliestStart: Math.max(input.range.start, input.now + service.minNoticeMinutes * MINUTE_MS),
    endExclusive: input.range.end,
    latestStart: input.now + service.maxAdvanceDays * DAY_MS,
  };
  // Windows are expanded for the local dates that can hold a bookable block, with a margin: a window
  // of local date D lies within [UTC D - 14 h, UTC D+2 + 12 h] for any zone, overnight windows included.
  const lastBlockEnd = Math.min(limits.endExclusive, limits.latestStart) + limits.durationMs + limits.afterMs;
  const horizonFirst = utcDayOf(limits.earliestStart - limits.beforeMs) - 3;
  const horizonLast = utcDayOf(lastBlockEnd) + 2;

  const clock = sharedZoneClock();
  const exceptions = compileExceptions(input.exceptions, horizonFirst - 3, horizonLast + 3, clock);
  const busy = groupBy(input.busy, (b) => b.providerId);
  const roomsAt = roomPlanner(input);

  const providers: ProviderPlan[] = [];
  for (const [providerId, rules] of rulesByProvider(input)) {
    const groups = new Map<string | null, GroupPlan>();
    const groupAt = (locationId: string | null): GroupPlan => {
      let g = groups.get(locationId);
      if (g === undefined) {
        g = emptyGroup(locationId);
        groups.set(locationId, g);
      }
      return g;
    };
    rules.forEach((rule, i) => {
      const source = compileRule(rule, providerId, `providers[${providerId}].rules[${i}]`, clock);
      const allowsService = rule.serviceIds.length === 0 || rule.serviceIds.includes(service.id);
      if (source !== null && allowsService) groupAt(rule.locationId).rulesByWeekday[rule.weekday - 1]!.push(source);
    });
    for (const x of exceptions) {
      if (x.extraHours !== null && addsHoursFor(x.exception, providerId, service.id)) {
        groupAt(x.exception.locationId).extraHours.push(x.extraHours);
      }
    }

    const kept: GroupPlan[] = [];
    for (const g of groups.values()) {
      g.rooms = roomsAt(g.locationId);
      if (g.rooms !== null && g.rooms.length === 0) continue;
      const sources = [...g.rulesByWeekday.flat(), ...g.extraHours];
      g.firstDay = Math.max(horizonFirst, Math.min(...sources.map((s) => s.firstDay)));
      g.lastDay = Math.min(horizonLast, Math.max(...sources.map((s) => s.lastDay)));
      if (g.firstDay > g.lastDay) continue;
      const removals = exceptions.filter((x) => removesFrom(x.exception, providerId, g.locationId));
      g.removeFromRules = mergeIntervals(removals.flatMap((x) => x.removal));
      g.removeFromExtraHours = mergeIntervals(
        removals.filter((x) => removesExtraHours(x.exception)).flatMap((x) => x.removal),
      );
      kept.push(g);
    }
    if (kept.length > 0) {
      providers.push({ providerId, busy: mergeIntervals(busy.get(providerId) ?? []), groups: kept });
    }
  }

  const impossible =
    (service.newPatientOnly && !input.isNewPatient) ||
    limits.earliestStart >= limits.endExclusive ||
    limits.earliestStart > limits.latestStart ||
    providers.length === 0;
  return impossible ? null : { providers, limits };
}

/** Providers in input order; a provider listed twice has its rules joined, so it still gets one slot per start. */
function rulesByProvider(input: AvailabilityInput): Map<string, WeeklyRule[]> {
  const out = new Map<string, WeeklyRule[]>();
  for (const p of input.providers) {
    const rules = out.get(p.providerId);
    if (rules === undefined) out.set(p.providerId, [...p.rules]);
    else rules.push(...p.rules);
  }
  return out;
}

function compileRule(rule: WeeklyRule, providerId: string, what: string, clock: ZoneClock): WindowSource | null {
  if (rule.providerId !== providerId) {
    // Rules filed under the wrong provider would publish someone else's hours.
    throw new RangeError(`${what}: belongs to provider ${rule.providerId}, not ${providerId}`);
  }
  assertInteger(rule.weekday, `${what}.weekday`, 1);
  if (rule.weekday > 7) throw new RangeError(`${what}.weekday: expected 1..7, got ${rule.weekday}`);
  assertInteger(rule.stepMinutes, `${what}.stepMinutes`, 1);
  const startMinute = parseLocalTime(rule.startTime, `${what}.startTime`);
  let endMinute = parseLocalTime(rule.endTime, `${what}.endTime`, true);
  const firstDay = rule.validFrom === null ? -Infinity : parseLocalDate(rule.validFrom, `${what}.validFrom`);
  const lastDay = rule.validTo === null ? Infinity : parseLocalDate(rule.validTo, `${what}.validTo`);
  const toUtc = clock(rule.timezone);
  if (endMinute < startMinute) endMinute += MINUTES_PER_DAY;
  // Equal start and end is an empty window, not 24 h: "24:00" says whole day explicitly.
  if (endMinute === startMinute) return null;
  return { toUtc, startMinute, endMinute, stepMs: rule.stepMinutes * MINUTE_MS, firstDay, lastDay };
}

interface CompiledException {
  exception: ScheduleException;
  /** For removals: the instants removed within the horizon. */
  removal: Interval[];
  /** For extra_hours: the window to add on each date. */
  extraHours: WindowSource | null;
}

function compileExceptions(
  exceptions: readonly ScheduleException[],
  fromDay: EpochDay,
  toDay: EpochDay,
  clock: ZoneClock,
): CompiledException[] {
  return exceptions.map((e, i) => {
    const what = `exceptions[${i}]`;
    if (!['closed', 'holiday', 'extra_hours', 'staff_block'].includes(e.kind)) {
      throw new RangeError(`${what}.kind: unknown kind ${JSON.stringify(e.kind)}`);
    }
    const span = parseExceptionSpan(e, what);
    const toUtc = clock(e.timezone);
    if (e.kind !== 'extra_hours') {
      return { exception: e, removal: removalIntervals(e, span, fromDay, toDay, clock), extraHours: null };
    }
    assertInteger(e.stepMinutes, `${what}.stepMinutes`, 1);
    const extraHours: WindowSource | null =
      span.endMinute > span.startMinute
        ? {
            toUtc,
            startMinute: span.startMinute,
            endMinute: span.endMinute,
            stepMs: e.stepMinutes * MINUTE_MS,
            firstDay: span.firstDay,
            lastDay: span.lastDay,
          }
        : null;
    return { exception: e, removal: [], extraHours };
  });
}

/** Candidate rooms per location, built once per call and shared by every provider there (read-only). */
function roomPlanner(input: AvailabilityInput): (locationId: string | null) => RoomPlan[] | null {
  const kind = input.service.roomKind;
  const byLocation = new Map<string, RoomPlan[]>();
  const roomBusy = groupBy(input.roomBusy, (b) => b.roomId);
  return (locationId) => {
    if (kind === null) return null;
    // Telehealth happens in no room, so a service that needs one has no telehealth slots.
    if (locationId === null) return [];
    let rooms = byLocation.get(locationId);
    if (rooms === undefined) {
      const seen = new Set<string>();
      rooms = [];
      for (const room of input.rooms) {
        if (room.locationId !== locationId || room.kind !== kind || seen.has(room.id)) continue;
        seen.add(room.id);
        rooms.push({ id: room.id, busy: mergeIntervals(roomBusy.get(room.id) ?? []) });
      }
      byLocation.set(locationId, rooms);
    }
    return rooms;
  };
}

function emptyGroup(locationId: string | null): GroupPlan {
  return {
    locationId,
    rulesByWeekday: [[], [], [], [], [], [], []],
    extraHours: [],
    removeFromRules: [],
    removeFromExtraHours: [],
    rooms: null,
    firstDay: 0,
    lastDay: -1,
  };
}

function groupBy<T extends Interval>(items: readonly T[], key: (item: T) => string): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>();
  for (const item of items) {
    assertFinite(item.start, 'busy start');
    assertFinite(item.end, 'busy end');
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}
