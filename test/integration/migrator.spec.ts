import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../src/database/migrator.js';
import { databaseUrl, withAdmin } from '../support/databases.js';

describe('migrator (prisma migrate deploy, without the schema engine)', () => {
  const name = `clinic_t_${process.env.TEST_RUN_ID}_migrator`;
  const url = databaseUrl(name);
  let dir: string;

  beforeEach(async () => {
    await withAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  });
  afterAll(() => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

  const write = (folder: string, sql: string) => {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, 'migration.sql'), sql);
  };
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try { return (await client.query(sql)).rows; } finally { await client.end(); }
  };

  it('applies pending migrations in order, once, and records them with sha256 checksums', async () => {
    write('20260101000000_a', 'CREATE TABLE a (id int);');
    write('20260102000000_b', 'ALTER TABLE a ADD COLUMN b text;');
    expect(await applyMigrations(url, dir)).toEqual({ applied: ['20260101000000_a', '20260102000000_b'], alreadyApplied: [] });
    expect(await applyMigrations(url, dir)).toEqual({ applied: [], alreadyApplied: ['20260101000000_a', '20260102000000_b'] });
    const rows = await query('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual(['20260101000000_a', '20260102000000_b']);
    // Prisma's checksum is the sha256 (hex) of the migration file's bytes.
    expect(rows[0].checksum).toBe(createHash('sha256').update('CREATE TABLE a (id int);').digest('hex'));
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    write('20260101000000_a', 'CREATE TABLE a (id int);');
    await applyMigrations(url, dir);
    write('20260101000000_a', 'CREATE TABLE a (id bigint);');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/modified after it was applied/);
  });

  it('rolls back a failing migration completely and says which one failed', async () => {
    write('20260101000000_a', 'CREATE TABLE a (id int);');
    write('20260102000000_bad', 'CREATE TABLE b (id int); SELECT no_such_function();');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/20260102000000_bad failed/);
    expect((await query(`SELECT to_regclass('b') AS t`))[0].t).toBeNull();
    expect((await query('SELECT count(*)::int AS n FROM _prisma_migrations'))[0].n).toBe(1);
  });
});
