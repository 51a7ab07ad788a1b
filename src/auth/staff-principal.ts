import type { StaffRole } from '../generated/prisma/enums.js';

export type { StaffRole };
export const STAFF_ROLES = ['admin', 'receptionist', 'provider', 'owner'] as const satisfies readonly StaffRole[];

/**
 * The signed-in staff member as every staff route sees it (via @CurrentStaff()). Loaded from the
 * database on each request, so a changed role or deactivation applies at once.
 */
export interface StaffPrincipal {
  id: string;
  clinicId: string;
  role: StaffRole;
  /** Receptionists (and providers) work at these locations; empty for admin and owner (whole clinic). */
  locationIds: string[];
  /** Set for role provider: whose calendar this is. */
  providerId: string | null;
  /** Where the request came from (audited). */
  ip: string | null;
}
