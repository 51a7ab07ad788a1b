import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { ForbiddenError } from '../../auth/auth.errors.js';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Who may see which patient data, as query conditions (docs/staff-api.md explains the choices):
 * - admin: the whole clinic;
 * - receptionist: appointments at their locations; patients with an appointment or a waitlist entry
 *   at one of their locations, or with no located appointment or entry anywhere yet (a new patient
 *   of the clinic's shared numbers); telehealth appointments (no location) of such patients;
 * - provider: their own appointments and the patients they have appointments with;
 * - owner: no patient data (reports and audit only).
 * Every condition includes the clinic, so another clinic's rows are simply not found (404).
 */
export function patientScope(staff: StaffPrincipal): Prisma.PatientWhereInput {
  switch (staff.role) {
    case 'admin':
      return { clinicId: staff.clinicId };
    case 'receptionist': {
      const located = { locationId: { in: staff.locationIds } };
      return {
        clinicId: staff.clinicId,
        OR: [
          { appointments: { some: located } },
          { waitlistEntries: { some: located } },
          { appointments: { none: { locationId: { not: null } } }, waitlistEntries: { none: { locationId: { not: null } } } },
        ],
      };
    }
    case 'provider':
      return { clinicId: staff.clinicId, appointments: { some: { providerId: staff.providerId ?? '00000000-0000-0000-0000-000000000000' } } };
    default:
      throw new ForbiddenError();
  }
}

export function appointmentScope(staff: StaffPrincipal): Prisma.AppointmentWhereInput {
  switch (staff.role) {
    case 'admin':
      return { clinicId: staff.clinicId };
    case 'receptionist':
      return {
        clinicId: staff.clinicId,
        OR: [{ locationId: { in: staff.locationIds } }, { locationId: null, patient: patientScope(staff) }],
      };
    case 'provider':
      return { clinicId: staff.clinicId, providerId: staff.providerId ?? '00000000-0000-0000-0000-000000000000' };
    default:
      throw new ForbiddenError();
  }
}

/** Conversations carry no location (they belong to the clinic's numbers): in scope through their patient, or unassigned. */
export function conversationScope(staff: StaffPrincipal): Prisma.ConversationWhereInput {
  if (staff.role === 'admin') return { clinicId: staff.clinicId };
  if (staff.role !== 'receptionist') throw new ForbiddenError();
  return { clinicId: staff.clinicId, OR: [{ patientId: null }, { patient: patientScope(staff) }] };
}

/** Whether the staff member works at this location (admins: every location of their clinic). */
export function worksAt(staff: StaffPrincipal, locationId: string | null): boolean {
  if (staff.role === 'admin') return true;
  return locationId !== null && staff.locationIds.includes(locationId);
}

export function assertWorksAt(staff: StaffPrincipal, locationId: string | null, what = 'this location'): void {
  if (!worksAt(staff, locationId)) throw new ForbiddenError(`You do not work at ${what}.`);
}
