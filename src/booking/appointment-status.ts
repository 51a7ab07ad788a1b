import type { AppointmentStatus } from '../generated/prisma/enums.js';

/**
 * Statuses that occupy the provider's (and room's) time. Keep in step with the EXCLUDE constraints
 * in prisma/migrations/20261121000000_init/migration.sql.
 */
export const ACTIVE_STATUSES = ['held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed'] as const satisfies readonly AppointmentStatus[];
