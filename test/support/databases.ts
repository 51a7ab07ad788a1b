import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config/app-config.js';
import { applyMigrations } from '../../src/database/migrator.js';

/**
 * Each test run migrates one template database once (and a second one with the demo clinic seeded);
 * each test file then gets its own copy with CREATE DATABASE … TEMPLATE, which takes milliseconds.
 * Names carry the run's pid so concurrent runs on one machine never collide.
 */
export const MIGRATIONS_DIR = join(new URL('../..', import.meta.url).pathname, 'prisma/migrations');
const PREFIX = 'clinic_t_';

export function baseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test` (it prepares the environment).');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(baseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function templateNames(runId: string) {
  return { empty: `${PREFIX}${runId}_empty`, demo: `${PREFIX}${runId}_demo` };
}

/** Drops databases left behind by earlier runs whose process is gone (a killed run cleans up nothing). */
export async function dropStaleDatabases(): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
    for (const { datname } of rows) {
      const pid = Number(/^clinic_t_(\d+)_/.exec(datname)?.[1]);
      if (pid && isAlive(pid)) continue;
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function createMigratedDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => c.query(`CREATE DATABASE "${name}"`)));
  await applyMigrations(databaseUrl(name), MIGRATIONS_DIR);
}

export interface TestDatabase { name: string; url: string; drop(): Promise<void> }

/** A private database for one test file, cloned from the run's template (migrated, optionally seeded). */
export async function createTestDatabase(kind: 'empty' | 'demo' = 'empty'): Promise<TestDatabase> {
  const runId = process.env.TEST_RUN_ID;
  if (!runId) throw new Error('TEST_RUN_ID is not set: the jest globalSetup prepares it.');
  const name = `${PREFIX}${runId}_${randomBytes(4).toString('hex')}`;
  // log_lock_waits: a lock wait longer than deadlock_timeout (1 s) lands in the Postgres server log
  // with who held the lock, so a test that stalls now and then can be explained afterwards.
  await withAdmin(async (c) => {
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateNames(runId)[kind]}"`);
    await c.query(`ALTER DATABASE "${name}" SET log_lock_waits = on`);
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** The app config a test uses: its own database and its own Redis key prefix. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}) {
  return loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, REDIS_PREFIX: `t:${randomBytes(4).toString('hex')}`, ...overrides });
}
