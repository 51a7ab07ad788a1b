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
 * Offsets are looked up only at UTC midnights and memoised for the life of the clock (one engine
 * call), so a whole day's windows cost about one luxon lookup per zone instead of one per window.
 * When the offsets one day before and two days after a date agree, the date has no transition and
 * the conversion is plain arithmetic. This assumes a zone never changes offset twice within three
 * days, which holds for every zone in the tz database for the dates a clinic books.
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

function converterFor(zoneName: string): LocalToUtc {
  if (typeof zoneName !== 'string' || !IANAZone.isValidZone(zoneName)) {
    throw new RangeError(`unknown time zone ${JSON.stringify(zoneName)}`);
  }
  const zone = IANAZone.create(zoneName);
  const midnightOffsets = new Map<EpochDay, number>();
  const offsetAtUtcMidnight = (day: EpochDay): number => {
    let offset = midnightOffsets.get(day);
    if (offset === undefined) {
      offset = zone.offset(day * DAY_MS);
      midnightOffsets.set(day, offset);
    }
    return offset;
  };

  return (day, minutes) => {
    const extraDays = Math.floor(minutes / MINUTES_PER_DAY);
    const date = day + extraDays;
    // Wall time as if it were UTC; subtracting the offset gives the instant.
    const local = date * DAY_MS + (minutes - extraDays * MINUTES_PER_DAY) * MINUTE_MS;
    // Any instant showing this wall time lies strictly between these two UTC midnights (offsets are
    // within -12 h … +14 h).
    const before = offsetAtUtcMidnight(date - 1);
    const after = offsetAtUtcMidnight(date + 2);
    if (before === after) return local - before * MINUTE_MS;

    const early = local - before * MINUTE_MS;
    const late = local - after * MINUTE_MS;
    const earlyShowsLocal = zone.offset(early) === before;
    const lateShowsLocal = zone.offset(late) === after;
    if (earlyShowsLocal && lateShowsLocal) return Math.min(early, late);
    if (earlyShowsLocal) return early;
    if (lateShowsLocal) return late;
    // In the gap: the pre-transition offset lands after the transition, i.e. moved forward.
    return early;
  };
}
