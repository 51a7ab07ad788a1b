import type { Interval } from './types.js';

/**
 * Sorted, disjoint union of `list`; empty intervals are dropped and touching ones are joined
 * (their union is the same set, and fewer intervals make the sweeps shorter). Does not mutate.
 */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
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

/** Whether `[start, end)` overlaps any interval of a sorted disjoint list. */
export function overlapsSorted(sorted: readonly Interval[], start: number, end: number): boolean {
  const i = firstEndingAfter(sorted, start);
  return i < sorted.length && sorted[i]!.start < end;
}
