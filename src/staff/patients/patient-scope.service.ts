import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '../../auth/auth.errors.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { ValidationError } from '../../common/errors.js';
import type { NewPatientDto } from '../../booking/dto/appointment.dto.js';
import { PatientService } from '../../patients/patient.service.js';
import { ClinicRefsRepository } from '../common/clinic-refs.repository.js';
import { patientScope } from '../common/staff-scope.js';

/** Which patient a staff request is about, and whether the caller may touch them. */
@Injectable()
export class PatientScopeService {
  constructor(private readonly patients: PatientService, private readonly refs: ClinicRefsRepository) {}

  findByPhone(clinicId: string, phone: string) {
    return this.patients.findByPhone(clinicId, phone);
  }

  /** 404 outside the caller's clinic, 403 inside it but out of their scope. */
  async requireInScope(staff: StaffPrincipal, patientId: string) {
    const patient = await this.refs.requirePatient(staff.clinicId, patientId);
    if (!(await this.refs.patientMatches({ AND: [{ id: patientId }, patientScope(staff)] }))) {
      throw new ForbiddenError('This patient belongs to another location.');
    }
    return patient;
  }

  /**
   * The patient a staff booking is for: an existing patient in scope, or one found by phone (in
   * scope) or created. Finding another location's patient by phone is refused like opening them.
   */
  async resolveForBooking(staff: StaffPrincipal, body: { patientId?: string; patient?: NewPatientDto }): Promise<string> {
    if (body.patientId) return (await this.requireInScope(staff, body.patientId)).id;
    if (!body.patient) throw new ValidationError('Give patientId or patient');
    const existing = await this.patients.findByPhone(staff.clinicId, body.patient.phone);
    if (existing) {
      await this.requireInScope(staff, existing.id);
    }
    return (await this.patients.findOrCreate(staff.clinicId, body.patient)).id;
  }
}
