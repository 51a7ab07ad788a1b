import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { UnavailableError } from '../common/errors.js';
import { withConnection } from '../database/sql-pool.js';

/**
 * One turn at a time per conversation, across every app instance: a Postgres session advisory lock
 * keyed by the conversation id. It lives on its own small pool, so holding it never starves the
 * queries the turn itself runs, and it is released by Postgres if the holder's process dies.
 */
@Injectable()
export class TurnLock implements OnModuleDestroy {
  private readonly pool: pg.Pool;
  private readonly lockTimeouts = new WeakMap<pg.PoolClient, number>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new pg.Pool({ connectionString: config.database.url, max: Math.max(4, config.database.poolSize), application_name: 'clinic-turn-lock' });
    this.pool.on('error', () => undefined);
  }

  async withLock<T>(conversationId: string, fn: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
    return withConnection(this.pool, async (client) => {
      // A pooled connection keeps its setting: set it only when it differs (one round trip less per turn).
      if (this.lockTimeouts.get(client) !== Math.floor(timeoutMs)) {
        await client.query(`SET lock_timeout = ${Math.floor(timeoutMs)}`);
        this.lockTimeouts.set(client, Math.floor(timeoutMs));
      }
      try {
        await client.query({ name: 'turn-lock', text: 'SELECT pg_advisory_lock(hashtextextended($1, 0))', values: [conversationId] });
      } catch {
        throw new UnavailableError('This conversation is busy; please try again.');
      }
      try {
        return await fn();
      } finally {
        await client.query({ name: 'turn-unlock', text: 'SELECT pg_advisory_unlock(hashtextextended($1, 0))', values: [conversationId] });
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
