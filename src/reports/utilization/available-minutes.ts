import type { ProviderSchedule, ScheduleException } from '../../availability/engine/index.js';
import { planAvailability } from '../../availability/engine/plan.js';
import { workingIntervals } from '../../availability/engine/working-time.js';

/**
 * Available minutes per provider, location and local day, from the very rules the slot engine
 * books against (weekly rules in each location's zone, closures, holidays, staff blocks, extra
 * hours; DST-correct), by asking the engine for its working intervals. Booked time is not
 * subtracted: utilization is booked / available.
 */
export interface DayBounds { date: string; start: number; end: number }
export interface AvailableRow { providerId: string; locationId: string | null; date: string; minutes: number }

export function availableMinutes(input: {
  providers: ProviderSchedule[];
  exceptions: ScheduleException[];
  days: readonly DayBounds[];
  /** Only hours in which this service may be booked; null: every working hour. */
  serviceId: string | null;
}): AvailableRow[] {
  if (input.days.length === 0) return [];
  const start = input.days[0]!.start;
  const end = input.days[input.days.length - 1]!.end;
  // Without a service filter every rule counts, whatever services it is limited to.
  const everyService = <T extends { serviceIds: string[] }>(x: T): T => (input.serviceId === null ? { ...x, serviceIds: [] } : x);
  const plan = planAvailability({
    service: { id: input.serviceId ?? 'any', durationMinutes: 1, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, roomKind: null, minNoticeMinutes: 0, maxAdvanceDays: 100_000, newPatientOnly: false },
    providers: input.providers.map((p) => ({ ...p, rules: p.rules.map(everyService) })),
    exceptions: input.exceptions.map(everyService),
    busy: [], rooms: [], roomBusy: [],
    range: { start, end }, now: start, isNewPatient: true,
  });
  const out: AvailableRow[] = [];
  for (const provider of plan?.providers ?? []) {
    for (const group of provider.groups) {
      const minutesByDay = new Map<string, number>();
      let d = 0;
      for (const interval of workingIntervals(group)) {
        while (d < input.days.length && input.days[d]!.end <= interval.start) d++;
        for (let i = d; i < input.days.length && input.days[i]!.start < interval.end; i++) {
          const day = input.days[i]!;
          const overlap = Math.min(day.end, interval.end) - Math.max(day.start, interval.start);
          if (overlap > 0) minutesByDay.set(day.date, (minutesByDay.get(day.date) ?? 0) + overlap / 60_000);
        }
      }
      for (const [date, minutes] of minutesByDay) out.push({ providerId: provider.providerId, locationId: group.locationId, date, minutes });
    }
  }
  return out;
}
