import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

/** Who did something: a patient over a channel, a staff user, an API client, or the system itself. */
export interface Actor { type: 'patient' | 'staff' | 'api' | 'system'; id: string | null }

export function actorLabel(actor: Actor): string {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type;
}

export interface AuditEntry {
  clinicId: string | null;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId?: string | null;
  reason?: string | null;
  ip?: string | null;
  /** Ids and facts only — never names, phone numbers or message bodies. */
  details?: Prisma.InputJsonValue;
}

/** Appends to the hash-chained, append-only audit log (the database computes the chain). */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async append(entry: AuditEntry, tx: Tx = this.prisma): Promise<void> {
    await tx.auditLog.create({
      data: {
        clinicId: entry.clinicId,
        actorType: entry.actor.type,
        actorId: entry.actor.id,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        patientId: entry.patientId ?? null,
        reason: entry.reason ?? null,
        ip: entry.ip ?? null,
        details: entry.details ?? {},
        // Set by the audit_log_chain trigger.
        prevHash: '',
        hash: '',
      },
    });
  }
}
