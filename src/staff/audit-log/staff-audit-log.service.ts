import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '../../auth/auth.errors.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { NotFoundError } from '../../common/errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { filterValue, parseListQuery, type RawListQuery } from '../common/list-query.js';
import type { Page } from '../common/list-response.js';
import { StaffAuditLogRepository } from './staff-audit-log.repository.js';

export interface AuditLogEntry {
  id: string; at: string; actorType: string; actorId: string | null; action: string; entityType: string; entityId: string | null;
  patientId: string | null; reason: string | null; ip: string | null; details: unknown; hash: string;
}

/**
 * Filters and pages the clinic's audit log: all of it for admins and owners; for receptionists, the
 * history of one appointment at one of their locations (filter entityType=appointment and entityId),
 * which is what the front desk needs to see who booked, moved or overrode what, and why.
 */
@Injectable()
export class StaffAuditLogService {
  constructor(private readonly repository: StaffAuditLogRepository) {}

  async list(staff: StaffPrincipal, raw: RawListQuery): Promise<Page<AuditLogEntry>> {
    const query = parseListQuery(raw, ['id', 'at'] as const, { field: 'id', order: 'desc' });
    const f = query.filter;
    if (staff.role === 'receptionist') await this.requireOwnAppointmentHistory(staff, filterValue.string(f, 'entityType', 50), filterValue.string(f, 'entityId', 100));
    const action = filterValue.string(f, 'action', 100);
    const from = filterValue.date(f, 'from');
    const to = filterValue.date(f, 'to');
    const where: Prisma.AuditLogWhereInput = {
      clinicId: staff.clinicId,
      patientId: filterValue.uuid(f, 'patientId'),
      actorId: filterValue.string(f, 'actorId', 100),
      entityType: filterValue.string(f, 'entityType', 50),
      entityId: filterValue.string(f, 'entityId', 100),
      ...(action ? { action: action.endsWith('*') ? { startsWith: action.slice(0, -1) } : action } : {}),
      ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    };
    const { rows, total } = await this.repository.page(where, query.sort.order, query.skip, query.take);
    return {
      rows: rows.map((r) => ({
        id: String(r.id), at: r.at.toISOString(), actorType: r.actorType, actorId: r.actorId, action: r.action, entityType: r.entityType,
        entityId: r.entityId, patientId: r.patientId, reason: r.reason, ip: r.ip, details: r.details, hash: r.hash,
      })),
      total, skip: query.skip,
    };
  }

  private async requireOwnAppointmentHistory(staff: StaffPrincipal, entityType: string | undefined, entityId: string | undefined): Promise<void> {
    if (entityType !== 'appointment' || !entityId) {
      throw new ForbiddenError('Receptionists read the history of one appointment: filter by entityType "appointment" and its entityId.');
    }
    const appointment = await this.repository.appointmentLocation(staff.clinicId, entityId);
    if (!appointment) throw new NotFoundError('Appointment');
    if (!appointment.locationId || !staff.locationIds.includes(appointment.locationId)) {
      throw new ForbiddenError('This appointment belongs to another location.');
    }
  }
}
