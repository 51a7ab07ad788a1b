import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS, MINUTES_PER_DAY, type EpochDay } from './calendar.js';
import type { Millis } from './types.js';

/** Turns a local date and minutes after its midnight (may exceed 24 h: the following dates) into an instant. */
export type LocalToUtc = (day: EpochDay, minutes: number) => Millis;

/** Returns the converter for a zone; throws RangeError for a zone luxon does not know. */
export type ZoneClock = (zone: string) => LocalToUtc;

/**
 * Local wall time → UTC, DST-correct, with luxon's zone data.
 *
 * - A local time that does not exist (spring-forward gap) is read with the offset in force before
 *   the transition, which moves it forward by the gap — what luxon's DateTime.fromObject does
 *   (02:30 on 2026-03-08 in New York is 03:30 EDT; 02:00 on 2026-10-04 on Lord Howe is 02:30).
 * - A local time that occurs twice (fall-back overlap) is the EARLIER occurrence. We do not defer to
 *   DateTime.fromObject here: it starts its search from the zone's offset at the real current time
 *   (Settings.now()), so its answer for repeated times changes with the season the server runs in.
 *
 * Luxon is asked only for offsets at UTC midnights, plus a short search on the few dates with a
 * transition, all memoised for the life of the clock (see sharedZoneClock): a date's windows then cost
 * arithmetic, not a luxon call each. This assumes a zone changes offset at most once within three
 * days, which holds for every zone in the tz database.
 */
export function createZoneClock(): ZoneClock {
  const converters = new Map<string, LocalToUtc>();
  return (zoneName) => {
    let convert = converters.get(zoneName);
    if (convert === undefined) {
      convert = converterFor(zoneName);
      converters.set(zoneName, convert);
    }
    return convert;
  };
}

/**
 * One clock shared by every engine call of the process: a zone's offsets never change for a given
 * instant, so what one call learnt saves the next call its luxon look-ups (the hot path of an
 * availability request). Renewed after many zones/dates so memory stays bounded.
 */
let shared: { clock: ZoneClock; uses: number } | undefined;
export function sharedZoneClock(): ZoneClock {
  if (!shared || shared.uses++ > 10_000) shared = { clock: createZoneClock(), uses: 0 };
  return shared.clock;
}

/** How wall time maps to instants on one local date: a fixed offset, or one transition. */
interface DateOffsets {
  before: number;
  after: number;
  /** First instant with the `after` offset; unused when before === after. */
  transition: Millis;
}

function converterFor(zoneName: string): LocalToUtc {
  // IANAZone.create is cached by luxon; IANAZone.isValidZone would build an Intl formatter per call.
  const zone = typeof zoneName === 'string' ? IANAZone.create(zoneName) : null;
  if (zone === null || !zone.isValid) throw new RangeError(`unknown time zone ${JSON.stringify(zoneName)}`);

  const midnightOffsets = new Map<EpochDay, number>();
  const offsetAtUtcMidnight = (day: EpochDay): number => {
    let offset = midnightOffsets.get(day);
    if (offset === undefined) {
      offset = zone.offset(day * DAY_MS);
      midnightOffsets.set(day, offset);
    }
    return offset;
  };

  const dates = new Map<EpochDay, DateOffsets>();
  // Three consecutive dates see each transition; it is searched for once.
  const transitions: DateOffsets[] = [];
  const offsetsOn = (date: EpochDay): DateOffsets => {
    let d = dates.get(date);
    if (d === undefined) {
      // Any instant showing a wall time of this date lies strictly between these two UTC midnights
      // (offsets are within -12 h … +14 h).
      const lo = (date - 1) * DAY_MS;
      const hi = (date + 2) * DAY_MS;
      const before = offsetAtUtcMidnight(date - 1);
      const after = offsetAtUtcMidnight(date + 2);
      if (before === after) {
        d = { before, after, transition: hi };
      } else {
        d = transitions.find((t) => t.before === before && t.after === after && lo < t.transition && t.transition <= hi);
        if (d === undefined) {
          d = { before, after, transition: findTransition(zone, lo, hi, before) };
          transitions.push(d);
        }
      }
      dates.set(date, d);
    }
    return d;
  };

  return (day, minutes) => {
    const extraDays = Math.floor(minutes / MINUTES_PER_DAY);
    const date = day + extraDays;
    // Wall time as if it were UTC; subtracting the offset gives the instant.
    const local = date * DAY_MS + (minutes - extraDays * MINUTES_PER_DAY) * MINUTE_MS;
    const { before, after, transition } = offsetsOn(date);
    const early = local - before * MINUTE_MS;
    if (before === after) return early;
    const late = local - after * MINUTE_MS;
    const earlyShowsLocal = early < transition;
    const lateShowsLocal = late >= transition;
    if (earlyShowsLocal && lateShowsLocal) return Math.min(early, late);
    if (lateShowsLocal) return late;
    // Either only the pre-transition reading is real, or the time is in the gap, where that same
    // reading lands after the transition, i.e. moved forward by the gap.
    return early;
  };
}

/** The first whole minute in (lo, hi] whose offset is no longer `before`. */
function findTransition(zone: IANAZone, lo: Millis, hi: Millis, before: number): Millis {
  let a = lo / MINUTE_MS;
  let b = hi / MINUTE_MS;
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zone.offset(mid * MINUTE_MS) === before) a = mid;
    else b = mid;
  }
  return b * MINUTE_MS;
}
