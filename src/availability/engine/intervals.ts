import type { Interval } from './types.js';

/**
 * Sorted, disjoint union of `list`; empty intervals are dropped and touching ones are joined
 * (their union is the same set, and fewer intervals make the sweeps shorter). Does not mutate.
 *
 * Starts and ends are sorted separately, as numbers, and swept with a depth counter: the k-th
 * smallest end is never before the k-th smallest start, so the sweep pairs them up correctly, and
 * a native numeric sort is several times faster than sorting objects with a comparator — this runs
 * on every provider's busy list on every call.
 */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const starts = new Float64Array(list.length);
  const ends = new Float64Array(list.length);
  let n = 0;
  for (const i of list) {
    if (i.end > i.start) {
      starts[n] = i.start;
      ends[n] = i.end;
      n++;
    }
  }
  if (n === 0) return [];
  const s = starts.subarray(0, n).sort();
  const e = ends.subarray(0, n).sort();
  const out: Interval[] = [];
  let depth = 0;
  let openedAt = 0;
  let j = 0;
  for (let i = 0; i < n; ) {
    // On a tie the start goes first, so touching intervals join.
    if (s[i]! <= e[j]!) {
      if (depth++ === 0) openedAt = s[i]!;
      i++;
    } else {
      if (--depth === 0) out.push({ start: openedAt, end: e[j]! });
      j++;
    }
  }
  out.push({ start: openedAt, end: e[n - 1]! });
  return out;
}

/** Index of the first interval of a sorted disjoint list whose end is after `t` (list.length if none). */
export function firstEndingAfter(sorted: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `emit` with the parts of `[start, end)` not covered by `removals` (sorted, disjoint),
 * in order. A callback instead of an array keeps the per-day expansion free of garbage.
 */
export function subtractSorted(
  start: number,
  end: number,
  removals: readonly Interval[],
  emit: (start: number, end: number) => void,
): void {
  let cursor = start;
  for (let i = firstEndingAfter(removals, start); i < removals.length && cursor < end; i++) {
    const r = removals[i]!;
    if (r.start >= end) break;
    if (r.start > cursor) emit(cursor, r.start);
    if (r.end > cursor) cursor = r.end;
  }
  if (cursor < end) emit(cursor, end);
}
