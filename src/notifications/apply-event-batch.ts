import type { AppointmentEventJobData } from '../queue/queues.js';

export interface BatchOutcome {
  /** The events still to apply, in their order: each that failed and every later one of its appointment. */
  left: AppointmentEventJobData[];
  firstError: Error | null;
}

/**
 * Applies one relay pass's booking events in order. An event that fails holds back the later events
 * of its appointment (they must not overtake it) and nothing else: other appointments' reminders
 * and waitlist offers go ahead.
 */
export async function applyEventBatch(events: AppointmentEventJobData[], apply: (event: AppointmentEventJobData) => Promise<void>): Promise<BatchOutcome> {
  const held = new Set<string>();
  const left: AppointmentEventJobData[] = [];
  let firstError: Error | null = null;
  for (const event of events) {
    if (!held.has(event.appointmentId)) {
      try {
        await apply(event);
        continue;
      } catch (error) {
        firstError ??= error instanceof Error ? error : new Error(String(error));
        held.add(event.appointmentId);
      }
    }
    left.push(event);
  }
  return { left, firstError };
}
