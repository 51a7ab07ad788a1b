import { parseLocalDate } from './calendar.js';
import type { Interval, LocalDate } from './types.js';
import { createZoneClock } from './zone-clock.js';

/**
 * The instants from the start of local date `from` to the end of local date `to` (inclusive) in
 * `zone`, as a half-open interval — e.g. to search "Monday to Friday" in a clinic's zone. A day whose
 * midnight falls in a DST gap starts at the first instant after the gap. Throws RangeError for a
 * malformed date, an unknown zone, or `to` before `from`.
 */
export function localDateRange(from: LocalDate, to: LocalDate, zone: string): Interval {
  const first = parseLocalDate(from, 'from');
  const last = parseLocalDate(to, 'to');
  if (last < first) throw new RangeError(`localDateRange: ${to} is before ${from}`);
  const toUtc = createZoneClock()(zone);
  return { start: toUtc(first, 0), end: toUtc(last + 1, 0) };
}
