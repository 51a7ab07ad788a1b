import { DateTime } from 'luxon';

export interface BenchSlot { providerId: string; start: string }

/**
 * Every generated provider's working half hours (Mon–Fri 08–12, 13–17) for 80 days from `monday`,
 * inside the clinic's 90-day advance window, day by day: the same list, in the same order, in every
 * process that asks (the bench's HTTP part takes them from the front, the in-process part goes on).
 */
export function distinctSlots(providerIds: string[], timezone: string, monday: string): BenchSlot[] {
  const slots: BenchSlot[] = [];
  const first = DateTime.fromISO(monday, { zone: timezone });
  for (let d = 0; d < 80; d++) {
    const day = first.plus({ days: d });
    if (day.weekday > 5) continue;
    for (const hour of [8, 9, 10, 11, 13, 14, 15, 16]) {
      for (const minute of [0, 30]) {
        const start = day.set({ hour, minute }).toUTC().toISO()!;
        for (const providerId of providerIds) slots.push({ providerId, start });
      }
    }
  }
  return slots;
}
