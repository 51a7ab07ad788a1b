import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface OutboxEventInput {
  clinicId: string | null;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: Prisma.InputJsonValue;
}

export interface PendingEvent { id: bigint; aggregateType: string; aggregateId: string; eventType: string; payload: unknown; createdAt: Date }

@Injectable()
export class OutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Must be called inside the transaction that makes the change the event describes. */
  async add(event: OutboxEventInput, tx: Tx): Promise<void> {
    await tx.outboxEvent.create({ data: event });
  }

  /**
   * Claims the oldest unpublished events for one relay pass. The transaction-scoped advisory lock
   * makes relays take turns, so events reach the queue in id order — in order per appointment —
   * even with several worker processes.
   */
  async withOldestUnpublished<T>(limit: number, fn: (events: PendingEvent[], tx: Tx) => Promise<T>): Promise<T | null> {
    return this.prisma.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay')) AS locked`;
      if (!locked) return null;
      const events = await tx.outboxEvent.findMany({ where: { publishedAt: null }, orderBy: { id: 'asc' }, take: limit });
      return fn(events, tx);
    }, { timeout: 60_000 });
  }

  markPublished(ids: bigint[], at: Date, tx: Tx) {
    return tx.outboxEvent.updateMany({ where: { id: { in: ids } }, data: { publishedAt: at } });
  }

  recordFailure(id: bigint, error: string, tx: Tx) {
    return tx.outboxEvent.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 500) } });
  }
}
