import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import { ForbiddenError } from '../../auth/auth.errors.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { NotFoundError, ValidationError } from '../../common/errors.js';
import { dateColumnToLocal, localToDateColumn, localToTimeColumn, timeColumnToLocal } from '../../common/local-time.js';
import { PrismaService, type Tx } from '../../database/prisma.service.js';
import { HOURS_ADDED_EVENT, type HoursAdded } from '../../outbox/hours-added.event.js';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import { ClinicRefsRepository } from '../common/clinic-refs.repository.js';
import { filterValue, parseListQuery, type RawListQuery } from '../common/list-query.js';
import type { Page } from '../common/list-response.js';
import { assertWorksAt } from '../common/staff-scope.js';
import { exceptionHoursAdded, ruleHoursAdded } from './hours-added.js';
import type { AvailabilityRuleInputDto, ScheduleExceptionInputDto } from './schedules.dto.js';
import { SchedulesRepository } from './schedules.repository.js';

type RuleRow = NonNullable<Awaited<ReturnType<SchedulesRepository['findRule']>>>;
type ExceptionRow = NonNullable<Awaited<ReturnType<SchedulesRepository['findException']>>>;

/**
 * Weekly rules (admins) and dated exceptions (admins; receptionists at their own locations), with
 * validation. Slot search caches schedules for a few seconds per process (AvailabilityService), so a
 * change shows in searches within ~5 s; bookings always re-check the rules fresh in their transaction.
 * An edit that may add bookable time also writes a `schedule.hours_added` outbox event, which offers
 * the new time to waiting patients (src/waitlist/jobs/new-hours.job.ts).
 */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly refs: ClinicRefsRepository,
    private readonly audit: AuditRepository,
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxRepository,
  ) {}

  async listRules(staff: StaffPrincipal, raw: RawListQuery): Promise<Page<ReturnType<typeof presentRule>>> {
    const query = parseListQuery(raw, ['weekday'] as const, { field: 'weekday', order: 'asc' });
    const ids = filterValue.uuids(query.filter, 'id');
    const { rows, total } = await this.schedules.rules({
      clinicId: staff.clinicId, providerId: filterValue.uuid(query.filter, 'providerId'), locationId: filterValue.uuid(query.filter, 'locationId'), ...(ids ? { id: { in: ids } } : {}),
    }, query.skip, query.take);
    return { rows: rows.map(presentRule), total, skip: query.skip };
  }

  async getRule(staff: StaffPrincipal, id: string) {
    return presentRule(await this.requireRule(staff, id));
  }

  async createRule(staff: StaffPrincipal, body: AvailabilityRuleInputDto) {
    const data = await this.validateRule(staff, body);
    const row = await this.prisma.$transaction(async (tx) => {
      const created = await this.schedules.createRule({ clinicId: staff.clinicId, ...data }, tx);
      await this.announce(staff.clinicId, 'availability_rule', created.id, [ruleHoursAdded(null, presentRule(created))], tx);
      return created;
    });
    await this.record(staff, 'availability_rule.created', row.id, { providerId: row.providerId, weekday: row.weekday });
    return presentRule(row);
  }

  async updateRule(staff: StaffPrincipal, id: string, body: AvailabilityRuleInputDto) {
    const before = await this.requireRule(staff, id);
    const data = await this.validateRule(staff, body);
    const row = await this.prisma.$transaction(async (tx) => {
      const updated = await this.schedules.updateRule(id, data, tx);
      await this.announce(staff.clinicId, 'availability_rule', id, [ruleHoursAdded(presentRule(before), presentRule(updated))], tx);
      return updated;
    });
    await this.record(staff, 'availability_rule.updated', id, { providerId: row.providerId, weekday: row.weekday });
    return presentRule(row);
  }

  async deleteRule(staff: StaffPrincipal, id: string) {
    const row = await this.requireRule(staff, id);
    await this.schedules.deleteRule(id);
    await this.record(staff, 'availability_rule.deleted', id, { providerId: row.providerId, weekday: row.weekday });
    return presentRule(row);
  }

  async listExceptions(staff: StaffPrincipal, raw: RawListQuery): Promise<Page<ReturnType<typeof presentException>>> {
    const query = parseListQuery(raw, ['startsOn'] as const, { field: 'startsOn', order: 'asc' });
    const f = query.filter;
    const ids = filterValue.uuids(f, 'id');
    const from = filterValue.string(f, 'from', 10);
    const to = filterValue.string(f, 'to', 10);
    for (const d of [from, to]) if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new ValidationError('filter.from and filter.to are dates like 2026-12-24');
    const { rows, total } = await this.schedules.exceptions({
      clinicId: staff.clinicId, providerId: filterValue.uuid(f, 'providerId'), locationId: filterValue.uuid(f, 'locationId'), ...(ids ? { id: { in: ids } } : {}),
      ...(from ? { endsOn: { gte: localToDateColumn(from) } } : {}), ...(to ? { startsOn: { lte: localToDateColumn(to) } } : {}),
    }, query.skip, query.take);
    return { rows: rows.map(presentException), total, skip: query.skip };
  }

  async getException(staff: StaffPrincipal, id: string) {
    return presentException(await this.requireException(staff, id));
  }

  async createException(staff: StaffPrincipal, body: ScheduleExceptionInputDto) {
    const data = await this.validateException(staff, body);
    const row = await this.prisma.$transaction(async (tx) => {
      const created = await this.schedules.createException({ clinicId: staff.clinicId, ...data }, tx);
      await this.announce(staff.clinicId, 'schedule_exception', created.id, exceptionHoursAdded(null, presentException(created)), tx);
      return created;
    });
    await this.record(staff, 'schedule_exception.created', row.id, { kind: row.kind, locationId: row.locationId, providerId: row.providerId });
    return presentException(row);
  }

  async updateException(staff: StaffPrincipal, id: string, body: ScheduleExceptionInputDto) {
    const before = await this.requireException(staff, id);
    this.assertMayEditException(staff, before.locationId);
    const data = await this.validateException(staff, body);
    const row = await this.prisma.$transaction(async (tx) => {
      const updated = await this.schedules.updateException(id, data, tx);
      await this.announce(staff.clinicId, 'schedule_exception', id, exceptionHoursAdded(presentException(before), presentException(updated)), tx);
      return updated;
    });
    await this.record(staff, 'schedule_exception.updated', id, { kind: row.kind });
    return presentException(row);
  }

  async deleteException(staff: StaffPrincipal, id: string) {
    const row = await this.requireException(staff, id);
    this.assertMayEditException(staff, row.locationId);
    await this.prisma.$transaction(async (tx) => {
      await this.schedules.deleteException(id, tx);
      // A closure, holiday or staff block that is gone gives its time back.
      await this.announce(staff.clinicId, 'schedule_exception', id, exceptionHoursAdded(presentException(row), null), tx);
    });
    await this.record(staff, 'schedule_exception.deleted', id, { kind: row.kind });
    return presentException(row);
  }

  /**
   * Time an edit may have added reaches the waitlist through the outbox, written in the edit's own
   * transaction: the event exists exactly when the change committed, and waits in Postgres through a
   * Redis outage or a crash (a queue add after the commit could be lost, one before it could announce
   * a change that then rolled back).
   */
  private async announce(clinicId: string, aggregateType: string, aggregateId: string, added: (HoursAdded | null)[], tx: Tx): Promise<void> {
    for (const hours of added) {
      if (hours) await this.outbox.add({ clinicId, aggregateType, aggregateId, eventType: HOURS_ADDED_EVENT, payload: { clinicId, hours: { ...hours } } }, tx);
    }
  }

  private async validateRule(staff: StaffPrincipal, b: AvailabilityRuleInputDto) {
    await this.refs.requireProvider(staff.clinicId, b.providerId);
    if (b.locationId) await this.refs.requireLocation(staff.clinicId, b.locationId);
    if (b.startTime >= b.endTime) throw new ValidationError('startTime must be before endTime');
    if (b.validFrom && b.validTo && b.validFrom > b.validTo) throw new ValidationError('validFrom must not be after validTo');
    const offered = await this.schedules.providerServiceIds(b.providerId);
    const unknown = (b.serviceIds ?? []).filter((s) => !offered.includes(s));
    if (unknown.length) throw new ValidationError('serviceIds must be services this provider offers', { unknown });
    return {
      providerId: b.providerId, locationId: b.locationId ?? null, weekday: b.weekday,
      startTime: localToTimeColumn(b.startTime), endTime: localToTimeColumn(b.endTime),
      validFrom: b.validFrom ? localToDateColumn(b.validFrom) : null, validTo: b.validTo ? localToDateColumn(b.validTo) : null,
      serviceIds: b.serviceIds ?? [], slotStepMinutes: b.slotStepMinutes ?? 15,
    };
  }

  private async validateException(staff: StaffPrincipal, b: ScheduleExceptionInputDto) {
    this.assertMayEditException(staff, b.locationId ?? null);
    if (b.locationId) await this.refs.requireLocation(staff.clinicId, b.locationId);
    if (b.providerId) await this.refs.requireProvider(staff.clinicId, b.providerId);
    if (b.startsOn > b.endsOn) throw new ValidationError('startsOn must not be after endsOn');
    if (!b.startTime !== !b.endTime) throw new ValidationError('Give both startTime and endTime, or neither for the whole day');
    if (b.startTime && b.endTime && b.startTime >= b.endTime) throw new ValidationError('startTime must be before endTime');
    if ((b.kind === 'extra_hours' || b.kind === 'staff_block') && !b.providerId) throw new ValidationError(`${b.kind} needs a providerId`);
    if (b.kind === 'extra_hours' && !b.startTime) throw new ValidationError('extra_hours needs startTime and endTime');
    return {
      kind: b.kind, locationId: b.locationId ?? null, providerId: b.providerId ?? null,
      startsOn: localToDateColumn(b.startsOn), endsOn: localToDateColumn(b.endsOn),
      startTime: b.startTime ? localToTimeColumn(b.startTime) : null, endTime: b.endTime ? localToTimeColumn(b.endTime) : null,
      serviceIds: b.serviceIds ?? [], slotStepMinutes: b.slotStepMinutes ?? 15, reason: b.reason ?? null,
    };
  }

  /** Receptionists manage exceptions of their own locations; clinic-wide ones are for admins. */
  private assertMayEditException(staff: StaffPrincipal, locationId: string | null): void {
    if (staff.role === 'admin') return;
    if (staff.role !== 'receptionist') throw new ForbiddenError();
    assertWorksAt(staff, locationId, locationId ? 'this location' : 'every location (clinic-wide exceptions are for admins)');
  }

  private async requireRule(staff: StaffPrincipal, id: string): Promise<RuleRow> {
    const row = await this.schedules.findRule({ id, clinicId: staff.clinicId });
    if (!row) throw new NotFoundError('Availability rule');
    return row;
  }

  private async requireException(staff: StaffPrincipal, id: string): Promise<ExceptionRow> {
    const row = await this.schedules.findException({ id, clinicId: staff.clinicId });
    if (!row) throw new NotFoundError('Schedule exception');
    return row;
  }

  private record(staff: StaffPrincipal, action: string, id: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.append({ clinicId: staff.clinicId, actor: { type: 'staff', id: staff.id }, action, entityType: action.split('.')[0]!, entityId: id, ip: staff.ip, details: details as never });
  }
}

function presentRule(r: RuleRow) {
  return {
    id: r.id, providerId: r.providerId, locationId: r.locationId, weekday: r.weekday, startTime: timeColumnToLocal(r.startTime), endTime: timeColumnToLocal(r.endTime),
    validFrom: r.validFrom ? dateColumnToLocal(r.validFrom) : null, validTo: r.validTo ? dateColumnToLocal(r.validTo) : null, serviceIds: r.serviceIds, slotStepMinutes: r.slotStepMinutes,
  };
}

function presentException(e: ExceptionRow) {
  return {
    id: e.id, kind: e.kind, locationId: e.locationId, providerId: e.providerId, startsOn: dateColumnToLocal(e.startsOn), endsOn: dateColumnToLocal(e.endsOn),
    startTime: e.startTime ? timeColumnToLocal(e.startTime) : null, endTime: e.endTime ? timeColumnToLocal(e.endTime) : null,
    serviceIds: e.serviceIds, slotStepMinutes: e.slotStepMinutes, reason: e.reason,
  };
}
