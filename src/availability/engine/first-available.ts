import { heapPop, heapPush } from './heap.js';
import { planAvailability } from './plan.js';
import { streamProviderSlots } from './provider-slots.js';
import { slotBefore } from './slot-order.js';
import type { AvailabilityInput, Slot } from './types.js';
import { assertInteger } from './validate.js';

interface Head {
  slot: Slot;
  rest: Generator<Slot, void, undefined>;
}

const headBefore = (a: Head, b: Head) => slotBefore(a.slot, b.slot);

/**
 * The earliest `n` slots across all providers — equal to `computeSlots(input).slice(0, n)` — without
 * computing every provider's whole range: each provider's slots are produced lazily, a local date at a
 * time, and merged through a heap holding one pending slot per provider, so the work stops as soon as
 * the n-th slot is known.
 */
export function firstAvailable(input: AvailabilityInput, n: number): Slot[] {
  assertInteger(n, 'n', 0);
  const plan = planAvailability(input);
  if (plan === null || n === 0) return [];
  const heap: Head[] = [];
  for (const provider of plan.providers) {
    const rest = streamProviderSlots(provider, plan.limits);
    const first = rest.next();
    if (!first.done) heapPush(heap, { slot: first.value, rest }, headBefore);
  }
  const out: Slot[] = [];
  while (out.length < n) {
    const head = heapPop(heap, headBefore);
    if (head === undefined) break;
    out.push(head.slot);
    const next = head.rest.next();
    if (!next.done) heapPush(heap, { slot: next.value, rest: head.rest }, headBefore);
  }
  return out;
}
