import { Injectable } from '@nestjs/common';
import type { Actor } from '../../audit/audit.repository.js';
import { ForbiddenError } from '../../auth/auth.errors.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { BookingService, type BookResult } from '../../booking/booking.service.js';
import type { CreateAppointmentDto, RescheduleDto } from '../../booking/dto/appointment.dto.js';
import { Clock } from '../../common/clock.js';
import { NotFoundError, ValidationError } from '../../common/errors.js';
import type { AppointmentStatus } from '../../generated/prisma/enums.js';
import { ClinicRefsRepository } from '../common/clinic-refs.repository.js';
import { parseListQuery, type RawListQuery } from '../common/list-query.js';
import type { Page } from '../common/list-response.js';
import { PatientAccessAuditRepository } from '../common/patient-access-audit.repository.js';
import { appointmentScope, assertWorksAt } from '../common/staff-scope.js';
import { PatientScopeService } from '../patients/patient-scope.service.js';
import type { ChangeProviderDto, StaffAppointmentDto, WalkInDto } from './dto/staff-appointment.dto.js';
import { SlotConflictService } from './slot-conflict.service.js';
import { APPOINTMENT_SORTS, appointmentFilter, appointmentOrder } from './staff-appointment-query.js';
import { StaffAppointmentPresenter } from './staff-appointment.presenter.js';
import { StaffAppointmentRepository } from './staff-appointment.repository.js';

/** What a provider may do to their own appointments. */
const PROVIDER_STATUSES: readonly AppointmentStatus[] = ['checked_in', 'completed', 'no_show'];
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The staff API's appointment use cases: scope checks (clinic, location, own calendar), audit of
 * every read of patient data, and writes through BookingService — the one booking transaction,
 * which audits them with the actor, reason and IP and refuses overlaps in the database.
 */
@Injectable()
export class StaffAppointmentsService {
  constructor(
    private readonly appointments: StaffAppointmentRepository,
    private readonly booking: BookingService,
    private readonly refs: ClinicRefsRepository,
    private readonly patients: PatientScopeService,
    private readonly presenter: StaffAppointmentPresenter,
    private readonly accessAudit: PatientAccessAuditRepository,
    private readonly conflicts: SlotConflictService,
    private readonly clock: Clock,
  ) {}

  async list(staff: StaffPrincipal, raw: RawListQuery, reason: string | null): Promise<Page<StaffAppointmentDto>> {
    const query = parseListQuery(raw, APPOINTMENT_SORTS, { field: 'start', order: 'asc' });
    const phone = query.filter['patientPhone'];
    let patientIdFromPhone: string | null | undefined;
    if (phone !== undefined && phone !== '') {
      if (typeof phone !== 'string' || !E164.test(phone)) throw new ValidationError('filter.patientPhone must be an E.164 number like +12125550199');
      patientIdFromPhone = (await this.patients.findByPhone(staff.clinicId, phone))?.id ?? null;
    }
    const where = { AND: [appointmentScope(staff), appointmentFilter(query, patientIdFromPhone)] };
    const { rows, total } = await this.appointments.page(where, appointmentOrder(query), query.skip, query.take);
    await this.accessAudit.record(staff, {
      action: 'appointment.listed', entityType: 'appointment', reason,
      patients: rows.map((r) => ({ patientId: r.patientId, entityId: r.id })),
      details: { byPhone: patientIdFromPhone !== undefined },
    });
    return { rows: rows.map((r) => this.presenter.present(r)), total, skip: query.skip };
  }

  async get(staff: StaffPrincipal, id: string, reason: string | null): Promise<StaffAppointmentDto> {
    const row = await this.requireInScope(staff, id);
    await this.accessAudit.record(staff, { action: 'appointment.viewed', entityType: 'appointment', reason, patients: [{ patientId: row.patientId, entityId: row.id }] });
    return this.presenter.present(row);
  }

  /** Books (force-books with `override.reason`) for a patient in scope, at one of the caller's locations. */
  async create(staff: StaffPrincipal, body: CreateAppointmentDto, idempotencyKey: string | null): Promise<{ appointment: StaffAppointmentDto; replayed: boolean }> {
    const { patientId, locationId } = await this.prepareBooking(staff, body);
    const result = await this.conflicts.explain(staff, { serviceId: body.serviceId, providerId: body.providerId, start: new Date(body.start) }, () => this.booking.book({
      serviceId: body.serviceId, providerId: body.providerId, start: new Date(body.start), patientId,
      source: body.source ?? 'console', holdToken: body.holdToken ?? null, override: body.override ?? null,
      locationId, notes: body.notes ?? null, actor: actorOf(staff), ip: staff.ip, idempotencyKey,
    }));
    return { appointment: await this.present(staff, result), replayed: result.replayed };
  }

  /** A patient who is here now: booked from this minute (an override of the notice rule, with its reason) and checked in. */
  async walkIn(staff: StaffPrincipal, body: WalkInDto): Promise<StaffAppointmentDto> {
    const start = new Date(Math.floor(+this.clock.now() / 60_000) * 60_000);
    const { patientId, locationId } = await this.prepareBooking(staff, { ...body, start: start.toISOString() });
    const booked = await this.conflicts.explain(staff, { serviceId: body.serviceId, providerId: body.providerId, start }, () => this.booking.book({
      serviceId: body.serviceId, providerId: body.providerId, start, patientId, source: 'walk_in', override: { reason: body.reason },
      locationId, notes: body.notes ?? null, actor: actorOf(staff), ip: staff.ip,
    }));
    await this.booking.changeStatus(booked.appointment.id, 'checked_in', { actor: actorOf(staff), reason: body.reason, ip: staff.ip });
    return this.present(staff, booked);
  }

  async move(staff: StaffPrincipal, id: string, body: RescheduleDto, idempotencyKey: string | null): Promise<{ appointment: StaffAppointmentDto; replayed: boolean }> {
    const current = await this.requireWritable(staff, id);
    const providerId = body.providerId ?? current.providerId;
    if (body.providerId) await this.refs.requireProvider(staff.clinicId, body.providerId);
    const locationId = body.locationId ?? (providerId === current.providerId ? current.locationId : this.defaultLocation(staff));
    if (locationId) await this.refs.requireLocation(staff.clinicId, locationId);
    this.assertLocation(staff, locationId, current.service.telehealth);
    const result = await this.conflicts.explain(staff, { serviceId: current.serviceId, providerId, start: new Date(body.start), ignoreAppointmentId: current.id }, () => this.booking.reschedule(id, {
      start: new Date(body.start), providerId, holdToken: body.holdToken ?? null, override: body.override ?? null,
      locationId, actor: actorOf(staff), ip: staff.ip, idempotencyKey,
    }));
    return { appointment: await this.present(staff, result), replayed: result.replayed };
  }

  /** Same time, another provider: a move whose reason is always recorded. */
  async changeProvider(staff: StaffPrincipal, id: string, body: ChangeProviderDto): Promise<StaffAppointmentDto> {
    const current = await this.requireWritable(staff, id);
    if (body.providerId === current.providerId) throw new ValidationError('The appointment is already with that provider.');
    await this.refs.requireProvider(staff.clinicId, body.providerId);
    const result = await this.conflicts.explain(staff, { serviceId: current.serviceId, providerId: body.providerId, start: current.startsAt, ignoreAppointmentId: current.id }, () => this.booking.reschedule(id, {
      start: current.startsAt, providerId: body.providerId, override: { reason: body.reason }, locationId: current.locationId, actor: actorOf(staff), ip: staff.ip,
    }));
    return this.present(staff, result);
  }

  async cancel(staff: StaffPrincipal, id: string, reason: string): Promise<StaffAppointmentDto> {
    await this.requireWritable(staff, id);
    await this.booking.cancel(id, { actor: actorOf(staff), reason, ip: staff.ip });
    return this.reload(staff, id);
  }

  async changeStatus(staff: StaffPrincipal, id: string, status: AppointmentStatus, reason: string | null): Promise<StaffAppointmentDto> {
    if (staff.role === 'provider') {
      await this.requireInScope(staff, id);
      if (!PROVIDER_STATUSES.includes(status)) throw new ForbiddenError('Providers may check in, complete or mark a no-show on their own appointments.');
    } else {
      await this.requireWritable(staff, id);
    }
    await this.booking.changeStatus(id, status, { actor: actorOf(staff), reason, ip: staff.ip });
    return this.reload(staff, id);
  }

  private async prepareBooking(staff: StaffPrincipal, body: Pick<CreateAppointmentDto, 'serviceId' | 'providerId' | 'patientId' | 'patient' | 'locationId' | 'start'>) {
    if (staff.role !== 'admin' && staff.role !== 'receptionist') throw new ForbiddenError();
    const service = await this.refs.requireService(staff.clinicId, body.serviceId);
    await this.refs.requireProvider(staff.clinicId, body.providerId);
    const locationId = service.telehealth ? null : body.locationId ?? this.defaultLocation(staff);
    if (locationId) await this.refs.requireLocation(staff.clinicId, locationId);
    this.assertLocation(staff, locationId, service.telehealth);
    const patientId = await this.patients.resolveForBooking(staff, body);
    return { patientId, locationId };
  }

  /** Receptionists book at their own location: the only one they have, unless they say which. */
  private defaultLocation(staff: StaffPrincipal): string | null {
    return staff.role === 'receptionist' && staff.locationIds.length === 1 ? staff.locationIds[0]! : null;
  }

  private assertLocation(staff: StaffPrincipal, locationId: string | null, telehealth: boolean): void {
    if (staff.role === 'admin' || (telehealth && locationId === null)) return;
    if (!locationId) throw new ValidationError('Say at which location (locationId).');
    assertWorksAt(staff, locationId);
  }

  /** 404 for ids not in the caller's clinic, 403 for ones in the clinic but out of their scope. */
  private async requireInScope(staff: StaffPrincipal, id: string) {
    const row = await this.appointments.findOne({ id, clinicId: staff.clinicId });
    if (!row) throw new NotFoundError('Appointment');
    if (staff.role === 'owner' || !(await this.appointments.exists({ AND: [{ id }, appointmentScope(staff)] }))) throw new ForbiddenError();
    return row;
  }

  private async requireWritable(staff: StaffPrincipal, id: string) {
    if (staff.role !== 'admin' && staff.role !== 'receptionist') {
      await this.requireInScope(staff, id);
      throw new ForbiddenError();
    }
    return this.requireInScope(staff, id);
  }

  private async present(_staff: StaffPrincipal, result: BookResult): Promise<StaffAppointmentDto> {
    const row = await this.appointments.findOne({ id: result.appointment.id });
    if (!row) throw new NotFoundError('Appointment');
    return this.presenter.present(row, result.overrides);
  }

  private async reload(staff: StaffPrincipal, id: string): Promise<StaffAppointmentDto> {
    const row = await this.appointments.findOne({ id, clinicId: staff.clinicId });
    if (!row) throw new NotFoundError('Appointment');
    return this.presenter.present(row);
  }
}

function actorOf(staff: StaffPrincipal): Actor {
  return { type: 'staff', id: staff.id };
}
