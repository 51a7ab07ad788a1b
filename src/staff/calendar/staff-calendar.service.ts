import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { ForbiddenError } from '../../auth/auth.errors.js';
import { ACTIVE_STATUSES } from '../../booking/appointment-status.js';
import { HoldStore } from '../../booking/hold.store.js';
import { Clock } from '../../common/clock.js';
import { ValidationError } from '../../common/errors.js';
import type { StaffAppointmentDto } from '../appointments/dto/staff-appointment.dto.js';
import { StaffAppointmentPresenter } from '../appointments/staff-appointment.presenter.js';
import { StaffAppointmentRepository } from '../appointments/staff-appointment.repository.js';
import { ClinicRefsRepository } from '../common/clinic-refs.repository.js';
import { PatientAccessAuditRepository } from '../common/patient-access-audit.repository.js';
import { appointmentScope, assertWorksAt } from '../common/staff-scope.js';

export interface CalendarView {
  appointments: StaffAppointmentDto[];
  holds: { providerId: string; start: string; end: string; expiresAt: string }[];
  holdsAvailable: boolean;
}

const MAX_RANGE_MS = 31 * 86_400_000;

/** Day and week views: the caller's appointments in range plus the live Redis holds of the providers shown. */
@Injectable()
export class StaffCalendarService {
  constructor(
    private readonly appointments: StaffAppointmentRepository,
    private readonly presenter: StaffAppointmentPresenter,
    private readonly refs: ClinicRefsRepository,
    private readonly holds: HoldStore,
    private readonly accessAudit: PatientAccessAuditRepository,
    private readonly clock: Clock,
  ) {}

  async view(staff: StaffPrincipal, q: { from: Date; to: Date; providerId: string | null; locationId: string | null }, reason: string | null): Promise<CalendarView> {
    if (+q.to <= +q.from || +q.to - +q.from > MAX_RANGE_MS) throw new ValidationError('to must be after from, at most 31 days later');
    if (q.providerId) await this.refs.requireProvider(staff.clinicId, q.providerId);
    if (q.locationId) {
      await this.refs.requireLocation(staff.clinicId, q.locationId);
      if (staff.role === 'receptionist') assertWorksAt(staff, q.locationId);
    }
    if (staff.role === 'provider' && q.providerId && q.providerId !== staff.providerId) throw new ForbiddenError('Providers see their own calendar.');
    const rows = await this.appointments.findInRange({
      AND: [appointmentScope(staff), { status: { in: [...ACTIVE_STATUSES] } }, { providerId: q.providerId ?? undefined, locationId: q.locationId ?? undefined }],
    }, q.from, q.to);
    await this.accessAudit.record(staff, {
      action: 'calendar.viewed', entityType: 'appointment', reason,
      patients: rows.map((r) => ({ patientId: r.patientId, entityId: r.id })),
    });
    const providerIds = q.providerId ? [q.providerId] : staff.role === 'provider' && staff.providerId ? [staff.providerId] : [...new Set(rows.map((r) => r.providerId).concat(await this.providersAt(staff, q.locationId)))];
    let holds: CalendarView['holds'] = [];
    let holdsAvailable = true;
    try {
      const live = await this.holds.live(providerIds, +this.clock.now());
      holds = live.filter((h) => h.start < +q.to && h.end > +q.from).map((h) => ({
        providerId: h.providerId, start: new Date(h.start).toISOString(), end: new Date(h.end).toISOString(), expiresAt: new Date(h.expiresAt).toISOString(),
      }));
    } catch {
      holdsAvailable = false;
    }
    return { appointments: rows.map((r) => this.presenter.present(r)), holds, holdsAvailable };
  }

  /** Providers who work at the location (or anywhere in the caller's locations), for holds with no appointment yet. */
  private async providersAt(staff: StaffPrincipal, locationId: string | null): Promise<string[]> {
    const locations = locationId ? [locationId] : staff.role === 'admin' ? null : staff.locationIds;
    return this.refs.providerIdsAt(staff.clinicId, locations);
  }
}
