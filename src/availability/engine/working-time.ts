import { DAY_MS, HOUR_MS, isoWeekday, type EpochDay } from './calendar.js';
import { subtractSorted } from './intervals.js';
import type { GroupPlan, WindowSource } from './plan.js';
import type { Interval } from './types.js';

/** A maximal contiguous stretch of working time, with the step its slots are aligned to. */
export interface WorkingInterval extends Interval {
  stepMs: number;
}

/**
 * Appends the working time that the group's windows of local date `day` contribute: weekly rules
 * minus every removal, extra hours minus only the removals that apply to them. Pieces are not yet
 * merged. Luxon is consulted (through the zone clock) once per window, never per slot.
 */
export function expandDay(group: GroupPlan, day: EpochDay, out: WorkingInterval[]): void {
  addWindows(group.rulesByWeekday[isoWeekday(day) - 1]!, day, group.removeFromRules, out);
  if (group.extraHours.length > 0) addWindows(group.extraHours, day, group.removeFromExtraHours, out);
}

function addWindows(sources: readonly WindowSource[], day: EpochDay, removals: readonly Interval[], out: WorkingInterval[]) {
  for (const s of sources) {
    if (day < s.firstDay || day > s.lastDay) continue;
    const start = s.toUtc(day, s.startMinute);
    const end = s.toUtc(day, s.endMinute);
    if (end <= start) continue;
    subtractSorted(start, end, removals, (a, b) => out.push({ start: a, end: b, stepMs: s.stepMs }));
  }
}

/**
 * Sorts and joins overlapping or touching pieces in place. Touching windows (09–12 and 12–17 at the
 * same location) are one stretch, so a slot may straddle 12:00. A joined stretch uses the smallest
 * step among its pieces: it keeps every start the finer rule would offer and is independent of the
 * order the pieces were produced in.
 */
export function mergeWorking(pieces: WorkingInterval[]): WorkingInterval[] {
  pieces.sort((a, b) => a.start - b.start);
  const out: WorkingInterval[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && p.start <= last.end) {
      if (p.end > last.end) last.end = p.end;
      if (p.stepMs < last.stepMs) last.stepMs = p.stepMs;
    } else {
      out.push({ start: p.start, end: p.end, stepMs: p.stepMs });
    }
  }
  return out;
}

/** All working intervals of the group over its horizon, sorted. */
export function workingIntervals(group: GroupPlan): WorkingInterval[] {
  const pieces: WorkingInterval[] = [];
  for (let day = group.firstDay; day <= group.lastDay; day++) expandDay(group, day, pieces);
  return mergeWorking(pieces);
}

/**
 * Windows of later local dates start no earlier than their local midnight, which is at least UTC
 * midnight minus 14 h (the largest zone offset). So once date `day` is expanded, a stretch ending
 * before this instant can no longer grow and may be handed out.
 */
function settledBefore(day: EpochDay): number {
  return (day + 1) * DAY_MS - 14 * HOUR_MS;
}

/**
 * The same intervals as `workingIntervals`, produced lazily a local date at a time, so a consumer that
 * needs only the first few slots expands only the first few days.
 */
export function* streamWorkingIntervals(group: GroupPlan): Generator<WorkingInterval, void, undefined> {
  let pending: WorkingInterval[] = [];
  for (let day = group.firstDay; day <= group.lastDay; day++) {
    const before = pending.length;
    expandDay(group, day, pending);
    if (pending.length === 0) continue;
    if (pending.length !== before) pending = mergeWorking(pending);
    const settled = settledBefore(day);
    let ready = 0;
    while (ready < pending.length && pending[ready]!.end < settled) ready++;
    if (ready === 0) continue;
    const done = pending.slice(0, ready);
    pending = pending.slice(ready);
    yield* done;
  }
  yield* pending;
}
