import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { AuditChainRepository } from '../../src/audit/audit-chain.repository.js';
import { type AuditChainRow, type AuditChainSource, verifyAuditLog } from '../../src/audit/audit-verifier.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';

const CLINICS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const ROWS = 8_000;
const root = new URL('../..', import.meta.url).pathname;

/**
 * The audit log's hash chain is recomputed outside the database and a row changed by the database
 * owner (who can switch the append-only triggers off) is caught, with its clinic and id.
 */
describe('audit log verifier', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let prisma: PrismaService;
  let repository: AuditChainRepository;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    prisma = new PrismaService(testConfig(db.url));
    repository = new AuditChainRepository(prisma);
    // Many rows over three clinics and the clinic-less chain, with the awkward values the canonical
    // text must reproduce: NULLs, non-ASCII, nested JSON (whose jsonb text form reorders keys).
    // Few clinic-less rows: the trigger finds their chain's tail without an index (a full scan each).
    await client.query(
      `INSERT INTO audit_log (clinic_id, actor_type, actor_id, action, entity_type, entity_id, patient_id, reason, ip, details, prev_hash, hash)
       SELECT CASE WHEN g % 100 = 0 THEN NULL ELSE ($1::uuid[])[1 + g % 3] END, 'staff', CASE WHEN g % 2 = 0 THEN 'u' || g END,
              'appointment.moved', 'appointment', 'a' || g, CASE WHEN g % 3 = 0 THEN gen_random_uuid() END,
              CASE WHEN g % 4 = 0 THEN 'paciente llegó tarde — ✓' END, CASE WHEN g % 5 = 0 THEN '10.0.0.' || (g % 250) END,
              jsonb_build_object('z', g, 'a', jsonb_build_object('from', '09:00', 'list', jsonb_build_array(1, 'dos', null))), '', ''
       FROM generate_series(1, ${ROWS}) g`,
      [CLINICS],
    );
  }, 60_000);
  afterAll(async () => {
    await client.end();
    await prisma.$disconnect();
    await db.drop();
  }, 30_000);

  /** Counts what the verifier asks for, to show it streams in bounded batches. */
  const counting = (source: AuditChainSource) => {
    const seen = { batches: 0, largest: 0 };
    return {
      seen,
      source: {
        async readBatch(afterId: bigint, limit: number): Promise<AuditChainRow[]> {
          const rows = await source.readBatch(afterId, limit);
          seen.batches++;
          seen.largest = Math.max(seen.largest, rows.length);
          return rows;
        },
      },
    };
  };

  const tamper = async (sql: string, params: unknown[]) => {
    // What a database owner can do and the application never does.
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    try {
      await client.query(sql, params);
    } finally {
      await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    }
  };

  /** The n-th row of one of the clinic's chains (chain 3: rows are spread over 256 chains per clinic by entity, ~10 rows each here). */
  const CHAIN = 3;
  const nthRowOf = async (clinicId: string, n: number) =>
    (await client.query('SELECT id::text AS id, hash FROM audit_log WHERE clinic_id = $1 AND chain = $2 ORDER BY audit_log.id OFFSET $3 LIMIT 1', [clinicId, CHAIN, n])).rows[0] as { id: string; hash: string };

  it('passes an intact log of many rows, reading it in batches rather than all at once', async () => {
    const { seen, source } = counting(repository);
    const result = await verifyAuditLog(source, 1_000);
    expect(result).toMatchObject({ rows: ROWS, brokenCount: 0, broken: [] });
    // Every (clinic, chain) pair that holds rows: 256 per clinic, and the clinic-less rows' chains.
    const { rows: [pairs] } = await client.query('SELECT count(DISTINCT (clinic_id, chain))::int AS n FROM audit_log');
    expect(result.chains).toBe(pairs.n);
    expect(result.chains).toBeGreaterThan(3 * 250);
    expect(seen.largest).toBeLessThanOrEqual(1_000);
    expect(seen.batches).toBeGreaterThanOrEqual(ROWS / 1_000);
  }, 30_000);

  it('catches a row edited by the database owner and names its clinic, id, expected and found hash', async () => {
    const victim = await nthRowOf(CLINICS[1]!, 6);
    await tamper(`UPDATE audit_log SET reason = 'nothing happened' WHERE id = $1`, [victim.id]);

    const result = await verifyAuditLog(repository, 777);
    expect(result.brokenCount).toBe(1);
    expect(result.broken[0]).toEqual({ clinicId: CLINICS[1], chain: CHAIN, id: victim.id, field: 'hash', expected: expect.stringMatching(/^[0-9a-f]{64}$/), found: victim.hash });
    expect(result.broken[0]!.expected).not.toBe(victim.hash);
  }, 30_000);

  it('catches an edit whose hash was recomputed to match, at the next row of that clinic', async () => {
    const victim = await nthRowOf(CLINICS[2]!, 4);
    const next = await nthRowOf(CLINICS[2]!, 5);
    // The forger rewrites the row and its hash with the database's own function, but cannot fix the next link.
    await tamper(`UPDATE audit_log SET action = 'appointment.cancelled' WHERE id = $1`, [victim.id]);
    await tamper(`UPDATE audit_log a SET hash = encode(sha256(convert_to(audit_log_canonical(a), 'UTF8')), 'hex') WHERE id = $1`, [victim.id]);

    const forged = await nthRowOf(CLINICS[2]!, 4);
    expect(forged.hash).not.toBe(victim.hash);

    const broken = (await verifyAuditLog(repository)).broken.filter((b) => b.clinicId === CLINICS[2]);
    expect(broken).toEqual([{ clinicId: CLINICS[2], chain: CHAIN, id: next.id, field: 'prev_hash', expected: forged.hash, found: victim.hash }]);
  }, 30_000);

  it('catches a deleted row', async () => {
    const before = await nthRowOf(CLINICS[0]!, 2);
    const victim = await nthRowOf(CLINICS[0]!, 3);
    const next = await nthRowOf(CLINICS[0]!, 4);
    await tamper('DELETE FROM audit_log WHERE id = $1', [victim.id]);

    const broken = (await verifyAuditLog(repository)).broken.filter((b) => b.clinicId === CLINICS[0]);
    expect(broken).toEqual([{ clinicId: CLINICS[0], chain: CHAIN, id: next.id, field: 'prev_hash', expected: before.hash, found: victim.hash }]);
  }, 30_000);

  it('`npm run audit:verify` prints the first broken link and exits non-zero', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: db.url }, timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/3 BROKEN link\(s\)/);
    // First in id order: the deletion early in the first clinic's chain.
    expect(run.stdout).toMatch(new RegExp(`clinic ${CLINICS[0]} chain ${CHAIN}, row \\d+: prev_hash expected [0-9a-f]{64}, found [0-9a-f]{64}`));
  }, 60_000);
});
