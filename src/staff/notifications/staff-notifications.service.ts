import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { filterValue, parseListQuery, type RawListQuery } from '../common/list-query.js';
import type { Page } from '../common/list-response.js';
import { PatientAccessAuditRepository } from '../common/patient-access-audit.repository.js';
import { appointmentScope } from '../common/staff-scope.js';
import type { StaffNotificationDto } from './staff-notification.dto.js';
import { StaffNotificationRepository } from './staff-notification.repository.js';

const KINDS = ['confirmation', 'reminder', 'reschedule_confirmation', 'cancellation_notice', 'no_show_followup'] as const;
const STATUSES = ['scheduled', 'sent', 'delivered', 'failed', 'skipped'] as const;

/** Confirmations, reminders and notices of the appointments in the caller's scope. */
@Injectable()
export class StaffNotificationsService {
  constructor(private readonly notifications: StaffNotificationRepository, private readonly accessAudit: PatientAccessAuditRepository) {}

  async list(staff: StaffPrincipal, raw: RawListQuery, reason: string | null): Promise<Page<StaffNotificationDto>> {
    const query = parseListQuery(raw, ['sendAt', 'createdAt', 'status'] as const, { field: 'sendAt', order: 'desc' });
    const f = query.filter;
    const from = filterValue.date(f, 'from');
    const to = filterValue.date(f, 'to');
    const kinds = filterValue.strings(f, 'kind', KINDS);
    const statuses = filterValue.strings(f, 'status', STATUSES);
    const where: Prisma.NotificationWhereInput = {
      clinicId: staff.clinicId,
      appointment: appointmentScope(staff),
      appointmentId: filterValue.uuid(f, 'appointmentId'),
      patientId: filterValue.uuid(f, 'patientId'),
      ...(kinds ? { kind: { in: kinds } } : {}),
      ...(statuses ? { status: { in: statuses } } : {}),
      ...(from || to ? { sendAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    };
    const { rows, total } = await this.notifications.page(where, { [query.sort.field]: query.sort.order }, query.skip, query.take);
    await this.accessAudit.record(staff, { action: 'notification.listed', entityType: 'notification', reason, patients: rows.map((r) => ({ patientId: r.patientId, entityId: r.id })) });
    return {
      rows: rows.map((r) => ({
        id: r.id, appointmentId: r.appointmentId, patientId: r.patientId, kind: r.kind, offsetMinutes: r.offsetMinutes, sendAt: r.sendAt.toISOString(),
        channel: r.channel, status: r.status, skipReason: r.skipReason, messageId: r.messageId,
      })),
      total, skip: query.skip,
    };
  }
}
