import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { PrismaService, type Tx } from '../../database/prisma.service.js';

export interface PatientAccess {
  /** e.g. "patient.viewed", "appointment.listed", "conversation.viewed". */
  action: string;
  entityType: string;
  /** One row per patient, so a patient's access history is one indexed query (audit_log.patient_id). */
  patients: { patientId: string; entityId: string | null }[];
  reason?: string | null;
  /** Facts only (route, filter kinds) — never names, phone numbers or message bodies. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Writes the audit rows for staff reads of patient data, one per patient, in one statement (the
 * audit_log trigger still chains each row). Writes of patient data are audited by the use case
 * that makes them (BookingService and friends), in their own transaction.
 */
@Injectable()
export class PatientAccessAuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async record(staff: StaffPrincipal, access: PatientAccess, tx: Tx = this.prisma): Promise<void> {
    const seen = new Set<string>();
    const rows = access.patients.filter((p) => !seen.has(p.patientId) && seen.add(p.patientId));
    if (rows.length === 0) return;
    await tx.auditLog.createMany({
      data: rows.map((p) => ({
        clinicId: staff.clinicId, actorType: 'staff', actorId: staff.id, action: access.action,
        entityType: access.entityType, entityId: p.entityId, patientId: p.patientId,
        reason: access.reason ?? null, ip: staff.ip, details: access.details ?? {},
        // Set by the audit_log_chain trigger.
        prevHash: '', hash: '',
      })),
    });
  }
}
