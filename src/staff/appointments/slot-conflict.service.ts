import { Inject, Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { AvailabilityService } from '../../availability/availability.service.js';
import { SlotTakenError } from '../../booking/booking.errors.js';
import type { PhiCipher } from '../../common/crypto/phi-cipher.js';
import { DomainError } from '../../common/errors.js';
import { PatientAccessAuditRepository } from '../common/patient-access-audit.repository.js';
import { appointmentScope } from '../common/staff-scope.js';
import { PHI_CIPHER } from '../../patients/phi.module.js';
import { StaffAppointmentRepository } from './staff-appointment.repository.js';

/** 409 SLOT_TAKEN for staff: the database refused the overlap, and this says what is in the way. */
export class SlotTakenByError extends DomainError {
  constructor(details: Record<string, unknown>) {
    super('SLOT_TAKEN', 'That time is taken.', 409, details);
  }
}

interface Attempt { serviceId: string; providerId: string; start: Date; ignoreAppointmentId?: string }

/**
 * Turns SlotTaken into an answer staff can act on: the appointment in the way (id, time, provider,
 * status; the patient's name only when the caller may see that patient, and then audited) or, when
 * no appointment blocks it, that a live hold (someone mid-booking) does; plus the alternatives.
 */
@Injectable()
export class SlotConflictService {
  constructor(
    private readonly appointments: StaffAppointmentRepository,
    private readonly availability: AvailabilityService,
    private readonly accessAudit: PatientAccessAuditRepository,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
  ) {}

  async explain<T>(staff: StaffPrincipal, attempt: Attempt, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof SlotTakenError)) throw error;
      throw new SlotTakenByError({ alternatives: error.alternatives, ...(await this.blocking(staff, attempt, error.blockingAppointmentId)) });
    }
  }

  private async blocking(staff: StaffPrincipal, attempt: Attempt, knownId: string | undefined): Promise<Record<string, unknown>> {
    const service = await this.availability.getService(attempt.serviceId).catch(() => null);
    const blockStart = new Date(+attempt.start - (service?.bufferBeforeMinutes ?? 0) * 60_000);
    const blockEnd = new Date(+attempt.start + ((service?.durationMinutes ?? 1) + (service?.bufferAfterMinutes ?? 0)) * 60_000);
    const row = knownId
      ? await this.appointments.findOne({ id: knownId, clinicId: staff.clinicId })
      : await this.appointments.findBlocking(staff.clinicId, attempt.providerId, blockStart, blockEnd, attempt.ignoreAppointmentId ?? null);
    if (!row || row.id === attempt.ignoreAppointmentId) return { blockedBy: 'hold_or_room' };
    const visible = await this.appointments.exists({ AND: [{ id: row.id }, appointmentScope(staff)] }).catch(() => false);
    if (visible) {
      await this.accessAudit.record(staff, { action: 'appointment.conflict_shown', entityType: 'appointment', patients: [{ patientId: row.patientId, entityId: row.id }] });
    }
    return {
      blockedBy: 'appointment',
      blockingAppointmentId: row.id,
      blocking: {
        id: row.id, start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), status: row.status,
        providerId: row.providerId, providerName: row.provider.name, serviceName: row.service.name, locationId: row.locationId,
        ...(visible ? { patientId: row.patientId, patientName: row.patient.nameEnc ? this.cipher.decrypt(row.patient.nameEnc) : null } : {}),
      },
    };
  }
}
