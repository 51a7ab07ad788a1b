import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { AuditChainRow, AuditChainSource } from './audit-verifier.js';

/** Reads the audit log in id order for the chain verifier, with details in jsonb's own text form (what the trigger hashed). */
@Injectable()
export class AuditChainRepository implements AuditChainSource {
  constructor(private readonly prisma: PrismaService) {}

  async readBatch(afterId: bigint, limit: number): Promise<AuditChainRow[]> {
    return this.prisma.$queryRaw<AuditChainRow[]>`
      SELECT id::text AS "id", clinic_id::text AS "clinicId", chain::int AS "chain", at, actor_type AS "actorType", actor_id AS "actorId",
             action, entity_type AS "entityType", entity_id AS "entityId", patient_id::text AS "patientId",
             reason, ip, details::text AS "detailsText", prev_hash AS "prevHash", hash
      FROM audit_log WHERE audit_log.id > ${afterId} ORDER BY audit_log.id LIMIT ${limit}`;
  }
}
