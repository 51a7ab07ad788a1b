import type { GroupPlan, SlotLimits } from './plan.js';
import type { Interval, Slot } from './types.js';
import type { WorkingInterval } from './working-time.js';

/**
 * Sweep positions into the provider's busy list and each room's busy list. Blocks are visited in
 * increasing start order within a group, so the positions only move forward: the whole group costs
 * one pass over each list rather than a search per slot.
 */
export interface SlotCursor {
  busy: number;
  rooms: number[];
}

export function newCursor(group: GroupPlan): SlotCursor {
  return { busy: 0, rooms: (group.rooms ?? []).map(() => 0) };
}

/**
 * Appends the bookable slots of one working interval.
 *
 * Starts are aligned to the interval's step measured in elapsed time from the interval's start
 * (the start of the contiguous working stretch after exceptions, so a stretch that resumes at 15:00
 * after a staff block offers 15:00): the first candidate is the interval start plus the buffer before,
 * rounded up to a whole number of steps, then one every step. Measuring elapsed time rather than wall
 * clock keeps the grid regular across a DST change inside a window.
 */
export function slotsInInterval(
  w: WorkingInterval,
  providerId: string,
  group: GroupPlan,
  busy: readonly Interval[],
  limits: SlotLimits,
  cursor: SlotCursor,
  out: Slot[],
): void {
  const { durationMs, beforeMs, afterMs } = limits;
  const step = w.stepMs;
  const lastStart = Math.min(w.end - durationMs - afterMs, limits.latestStart);
  const rooms = group.rooms;
  let k = Math.ceil(Math.max(beforeMs, limits.earliestStart - w.start) / step);
  // When a candidate is blocked, jump straight to the first step whose block clears the obstacle.
  const firstStepClearing = (release: number) => Math.max(k + 1, Math.ceil((release + beforeMs - w.start) / step));

  for (;;) {
    const start = w.start + k * step;
    if (start > lastStart || start >= limits.endExclusive) return;
    const blockStart = start - beforeMs;
    const blockEnd = start + durationMs + afterMs;

    while (cursor.busy < busy.length && busy[cursor.busy]!.end <= blockStart) cursor.busy++;
    const b = busy[cursor.busy];
    if (b !== undefined && b.start < blockEnd) {
      k = firstStepClearing(b.end);
      continue;
    }

    let roomId: string | null = null;
    if (rooms !== null) {
      let release = Infinity;
      for (let r = 0; r < rooms.length; r++) {
        const taken = rooms[r]!.busy;
        let i = cursor.rooms[r]!;
        while (i < taken.length && taken[i]!.end <= blockStart) i++;
        cursor.rooms[r] = i;
        const t = taken[i];
        if (t === undefined || t.start >= blockEnd) {
          roomId = rooms[r]!.id;
          break;
        }
        if (t.end < release) release = t.end;
      }
      if (roomId === null) {
        k = firstStepClearing(release);
        continue;
      }
    }

    out.push({ start, end: start + durationMs, providerId, locationId: group.locationId, roomId });
    k++;
  }
}
