import { assertTransition, canTransition } from './appointment-status.js';

describe('appointment status machine', () => {
  it.each([
    ['confirmed', 'checked_in'], ['checked_in', 'completed'], ['confirmed', 'cancelled'], ['requested', 'confirmed'],
    ['confirmed', 'no_show'], ['no_show', 'checked_in'], ['payment_pending', 'confirmed'], ['confirmed', 'rescheduled'],
  ] as const)('allows %s → %s', (from, to) => expect(canTransition(from, to)).toBe(true));

  it.each([
    ['cancelled', 'confirmed'], ['completed', 'cancelled'], ['rescheduled', 'confirmed'], ['checked_in', 'cancelled'],
    ['completed', 'no_show'], ['cancelled', 'checked_in'], ['requested', 'checked_in'], ['confirmed', 'confirmed'],
  ] as const)('refuses %s → %s with a clear error', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(/cannot become/);
  });
});
