import { IANAZone } from 'luxon';

/**
 * Luxon asks Intl for a zone's UTC offset every time it converts an instant (`formatToParts`, the
 * costliest call in a chat turn's date handling, measured with a CPU profile of bench/conversation).
 * Offsets change only at transitions, and every transition in the tz database falls on a whole
 * quarter hour of UTC; so within a quarter hour whose two ends have the same offset, the offset is
 * that one. This remembers it per zone and quarter hour. Installed once, for the whole process.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const LIMIT_PER_ZONE = 20_000;

let installed = false;

export function installLuxonOffsetCache(): void {
  if (installed) return;
  installed = true;
  const compute = IANAZone.prototype.offset;
  const caches = new WeakMap<IANAZone, Map<number, number>>();
  IANAZone.prototype.offset = function cachedOffset(this: IANAZone, ts: number): number {
    if (!Number.isFinite(ts)) return compute.call(this, ts);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    const known = cache.get(quarter);
    if (known !== undefined) return known;
    const atStart = compute.call(this, quarter * QUARTER_HOUR_MS);
    // A quarter hour with a transition inside it (historical local mean times) is not remembered.
    if (atStart !== compute.call(this, (quarter + 1) * QUARTER_HOUR_MS - 1)) return compute.call(this, ts);
    if (cache.size >= LIMIT_PER_ZONE) cache.clear();
    cache.set(quarter, atStart);
    return atStart;
  };
}
