import type { AppointmentStatus } from '../generated/prisma/enums.js';
import { IllegalTransitionError } from './booking.errors.js';

/**
 * Statuses that occupy the provider's (and room's) time. Keep in step with the EXCLUDE constraints
 * in prisma/migrations/20261121000000_init/migration.sql.
 */
export const ACTIVE_STATUSES = ['held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed'] as const satisfies readonly AppointmentStatus[];

/**
 * The one table of legal status changes. `rescheduled` is reached only through a reschedule (which
 * creates the new appointment in the same transaction); a no-show can be reversed by staff when
 * the patient did turn up late.
 */
const TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  held: ['requested', 'confirmed', 'payment_pending', 'cancelled'],
  requested: ['confirmed', 'cancelled', 'rescheduled'],
  payment_pending: ['confirmed', 'cancelled', 'rescheduled'],
  confirmed: ['checked_in', 'cancelled', 'rescheduled', 'no_show'],
  checked_in: ['completed', 'no_show'],
  no_show: ['checked_in', 'completed'],
  completed: [],
  rescheduled: [],
  cancelled: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

export function isActive(status: AppointmentStatus): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}
