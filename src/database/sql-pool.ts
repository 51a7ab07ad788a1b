import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** A named, prepared statement: Postgres parses and plans it once per connection. */
export interface PreparedStatement { name: string; text: string }

/** Runs a prepared statement inside SqlPool.transaction. */
export type SqlQuery = <Row extends pg.QueryResultRow = pg.QueryResultRow>(statement: PreparedStatement, values: unknown[]) => Promise<Row[]>;

/**
 * Plain node-postgres for the few statements on the hottest paths (every webhook, every turn). A
 * Prisma model query costs about half a millisecond of CPU on this kind of machine before it reaches
 * the socket (measured with a CPU profile of the webhook path); a prepared statement over pg costs a
 * fraction of that. Everything else stays on Prisma. Its own small pool, so a burst on the hot path
 * and Prisma's transactions do not starve each other.
 */
@Injectable()
export class SqlPool implements OnModuleDestroy {
  private readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new pg.Pool({ connectionString: config.database.url, max: Math.max(2, Math.ceil(config.database.poolSize / 2)), application_name: 'clinic-hot-path' });
    // An idle connection dropped by the server is discarded by the pool; a query in flight gets the error.
    this.pool.on('error', () => undefined);
  }

  async query<Row extends pg.QueryResultRow>(statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>({ name: statement.name, text: statement.text, values })).rows;
  }

  /** Runs `fn` in a transaction on one connection (see withConnection for a connection that breaks meanwhile). */
  async transaction<T>(fn: (query: SqlQuery) => Promise<T>): Promise<T> {
    return withConnection(this.pool, async (client, discard) => {
      try {
        await client.query('BEGIN');
        const result = await fn(async (statement, values) => (await client.query({ name: statement.name, text: statement.text, values })).rows);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(discard);
        throw error;
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Runs `fn` on one connection checked out of `pool`. A connection that errors while checked out (the
 * server restarting, a network blip) reports it on the client itself — the pool listens only while it
 * is idle — and an unheard 'error' kills the process. Such a connection, or one `fn` discards (say, its
 * rollback failed), is destroyed rather than returned to the pool.
 */
export async function withConnection<T>(pool: pg.Pool, fn: (client: pg.PoolClient, discard: (reason: Error) => void) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const discard = (reason: Error) => { broken ??= reason; };
  client.on('error', discard);
  try {
    return await fn(client, discard);
  } finally {
    client.off('error', discard);
    client.release(broken);
  }
}
