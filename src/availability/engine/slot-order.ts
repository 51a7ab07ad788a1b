import type { Slot } from './types.js';

/** The output order: start, then providerId (code-unit order, not locale order, so it is the same everywhere). */
export function slotBefore(a: Slot, b: Slot): boolean {
  return a.start < b.start || (a.start === b.start && a.providerId < b.providerId);
}

export function compareSlots(a: Slot, b: Slot): number {
  if (a.start !== b.start) return a.start - b.start;
  return a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0;
}
