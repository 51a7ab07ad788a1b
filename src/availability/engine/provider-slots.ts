import type { GroupPlan, ProviderPlan, SlotLimits } from './plan.js';
import { newCursor, slotsInInterval } from './slots.js';
import type { Slot } from './types.js';
import { streamWorkingIntervals, workingIntervals } from './working-time.js';

// A provider is in one place at a time, so it gets one slot per start. If the data gives it
// overlapping hours at two locations (or at a location and telehealth), the slot goes to the
// group listed first (see ProviderPlan.groups) that can take it.

/** Every slot of one provider over the whole range, sorted by start. */
export function providerSlots(provider: ProviderPlan, limits: SlotLimits): Slot[] {
  const perGroup = provider.groups.map((g) => groupSlots(provider, g, limits));
  if (perGroup.length === 1) return perGroup[0]!;
  // Stable sort over the groups' concatenation keeps the earlier group first among equal starts.
  const all = perGroup.flat().sort((a, b) => a.start - b.start);
  return all.filter((s, i) => i === 0 || all[i - 1]!.start !== s.start);
}

function groupSlots(provider: ProviderPlan, group: GroupPlan, limits: SlotLimits): Slot[] {
  const out: Slot[] = [];
  const cursor = newCursor(group);
  for (const w of workingIntervals(group)) {
    if (w.start >= limits.endExclusive || w.start > limits.latestStart) break;
    slotsInInterval(w, provider.providerId, group, provider.busy, limits, cursor, out);
  }
  return out;
}

/** The same slots as `providerSlots`, in the same order, expanding working time only as far as consumed. */
export function* streamProviderSlots(provider: ProviderPlan, limits: SlotLimits): Generator<Slot, void, undefined> {
  const streams = provider.groups.map((g) => streamGroupSlots(provider, g, limits));
  if (streams.length === 1) {
    yield* streams[0]!;
    return;
  }
  const heads = streams.map((s) => s.next().value);
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h !== undefined && (best < 0 || h.start < heads[best]!.start)) best = i;
    }
    if (best < 0) return;
    const start = heads[best]!.start;
    yield heads[best]!;
    for (let i = 0; i < heads.length; i++) {
      if (heads[i] !== undefined && heads[i]!.start === start) heads[i] = streams[i]!.next().value;
    }
  }
}

function* streamGroupSlots(provider: ProviderPlan, group: GroupPlan, limits: SlotLimits): Generator<Slot, void, undefined> {
  const cursor = newCursor(group);
  const batch: Slot[] = [];
  for (const w of streamWorkingIntervals(group)) {
    if (w.start >= limits.endExclusive || w.start > limits.latestStart) return;
    batch.length = 0;
    slotsInInterval(w, provider.providerId, group, provider.busy, limits, cursor, batch);
    yield* batch;
  }
}
