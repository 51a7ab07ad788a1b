import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/prisma.service.js';
import { type PreparedStatement, SqlPool } from '../database/sql-pool.js';
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
  constructor(private readonly sql: SqlPool) {}

  /** Must be called inside the transaction that makes the change the event describes. */
  async add(event: OutboxEventInput, tx: Tx): Promise<void> {
    await tx.outboxEvent.create({ data: event });
  }

  /**
   * Deletes up to `limit` events published before `before` (oldest first); returns how many. The
   * outbox is a delivery queue, not a history: the audit log is the record of what happened.
   */
  async prunePublished(before: Date, limit: number): Promise<number> {
    const rows = await this.sql.query(PRUNE_PUBLISHED, [before, limit]);
    return rows.length;
  }

  /**
   * Claims the oldest unpublished events for one relay pass. The transaction-scoped advisory lock
   * makes relays take turns, so events reach the queue in id order — in order per appointment —
   * even with several worker processes. Plain pg (it runs after every booking). Null when another
   * relay has the turn, or when `look` found nothing waiting: most passes of an idle relay find
   * nothing, and one statement spares them the transaction (four round trips every 250 ms per process).
   */
  async withOldestUnpublished<T>(limit: number, fn: (events: PendingEvent[], claim: OutboxClaim) => Promise<T>, look = true): Promise<T | null> {
    if (look) {
      const [waiting] = await this.sql.query<{ any: boolean }>(ANY_UNPUBLISHED, []);
      if (!waiting?.any) return null;
    }
    return this.sql.transaction(async (query) => {
      const [lock] = await query<{ locked: boolean }>(TRY_RELAY_LOCK, []);
      if (!lock?.locked) return null;
      const rows = await query<PendingEvent & { id: string }>(OLDEST_UNPUBLISHED, [limit]);
      const events = rows.map((row) => ({ ...row, id: BigInt(row.id) }));
      return fn(events, {
        markPublished: async (ids, at) => { await query(MARK_PUBLISHED, [ids.map(String), at]); },
        recordFailure: async (id, error) => { await query(RECORD_FAILURE, [String(id), error.slice(0, 500)]); },
      });
    });
  }
}

/** What a relay pass may do with the events it claimed, inside the claim's transaction. */
export interface OutboxClaim {
  markPublished(ids: bigint[], at: Date): Promise<void>;
  recordFailure(id: bigint, error: string): Promise<void>;
}

const ANY_UNPUBLISHED: PreparedStatement = { name: 'outbox-any-unpublished', text: 'SELECT EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL) AS any' };
const TRY_RELAY_LOCK: PreparedStatement = { name: 'outbox-try-relay-lock', text: "SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay')) AS locked" };
const OLDEST_UNPUBLISHED: PreparedStatement = {
  name: 'outbox-oldest-unpublished',
  text: `SELECT id, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", event_type AS "eventType", payload, created_at AS "createdAt"
         FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`,
};
const MARK_PUBLISHED: PreparedStatement = { name: 'outbox-mark-published', text: 'UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[])' };
const RECORD_FAILURE: PreparedStatement = { name: 'outbox-record-failure', text: 'UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1::bigint' };
const PRUNE_PUBLISHED: PreparedStatement = {
  name: 'outbox-prune-published',
  text: `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE published_at IS NOT NULL AND published_at < $1 ORDER BY id LIMIT $2
         ) RETURNING id`,
};
