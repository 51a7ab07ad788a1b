/**
 * Which messages an appointment gets, and when: a confirmation now, a reminder at each of the
 * clinic's offsets before the start (72 h, 24 h, 2 h by default) that is still in the future, and
 * the no-show check 15 minutes after the start. Pure: `now` is an argument.
 */
export const NO_SHOW_GRACE_MINUTES = 15;

export interface PlannedNotification {
  kind: 'confirmation' | 'reminder' | 'reschedule_confirmation';
  offsetMinutes: number | null;
  sendAt: Date;
}

export function planNotifications(startsAt: Date, offsetsMinutes: readonly number[], now: Date, first: 'confirmation' | 'reschedule_confirmation'): PlannedNotification[] {
  const reminders = [...new Set(offsetsMinutes)]
    .filter((offset) => offset > 0)
    .sort((a, b) => b - a)
    .map((offset) => ({ kind: 'reminder' as const, offsetMinutes: offset, sendAt: new Date(+startsAt - offset * 60_000) }))
    .filter((r) => +r.sendAt > +now);
  return [{ kind: first, offsetMinutes: null, sendAt: now }, ...reminders];
}

export function noShowCheckAt(startsAt: Date): Date {
  return new Date(+startsAt + NO_SHOW_GRACE_MINUTES * 60_000);
}

/** Job ids are derived from what they are about, so a repeated event schedules nothing new. */
export function notificationJobId(appointmentId: string, kind: string, offsetMinutes: number | null): string {
  return `notify-${kind}-${appointmentId}${offsetMinutes === null ? '' : `-${offsetMinutes}`}`;
}

export function noShowJobId(appointmentId: string): string {
  return `no-show-${appointmentId}`;
}
