import { ForbiddenError, type StaffPrincipal } from '../auth/index.js';

/**
 * Which locations a report may cover for this staff member: owners and admins see the whole clinic
 * (or the one location they filter on); receptionists only their own locations, and asking for
 * another is refused rather than silently emptied. Providers never reach here (the route refuses them).
 */
export function scopedLocations(staff: Pick<StaffPrincipal, 'role' | 'locationIds'>, locationId: string | undefined): string[] | null {
  if (staff.role === 'owner' || staff.role === 'admin') return locationId ? [locationId] : null;
  if (staff.role !== 'receptionist' || staff.locationIds.length === 0) throw new ForbiddenError('Reports are for owners, admins and receptionists with a location.');
  if (locationId === undefined) return [...staff.locationIds];
  if (!staff.locationIds.includes(locationId)) throw new ForbiddenError('You can only see reports for your own locations.');
  return [locationId];
}

/** Reports whose rows carry no location cannot be limited to a receptionist's locations. */
export function assertClinicWideAllowed(staff: Pick<StaffPrincipal, 'role'>, report: string): void {
  if (staff.role === 'receptionist') throw new ForbiddenError(`The ${report} report covers the whole clinic: ask an owner or admin.`);
}
