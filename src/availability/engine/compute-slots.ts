import { planAvailability } from './plan.js';
import { providerSlots } from './provider-slots.js';
import { compareSlots } from './slot-order.js';
import type { AvailabilityInput, ComputeSlotsOptions, Slot } from './types.js';
import { assertInteger } from './validate.js';

/**
 * Every bookable slot of every given provider in `input.range`, sorted by start then providerId,
 * at most one per (provider, start). Throws RangeError on malformed schedule data.
 */
export function computeSlots(input: AvailabilityInput, options: ComputeSlotsOptions = {}): Slot[] {
  const { limit } = options;
  if (limit !== undefined) assertInteger(limit, 'limit', 0);
  const plan = planAvailability(input);
  if (plan === null || limit === 0) return [];
  const all = plan.providers.flatMap((p) => providerSlots(p, plan.limits)).sort(compareSlots);
  return limit === undefined ? all : all.slice(0, limit);
}
