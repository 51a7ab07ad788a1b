import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import { openSnapshot, sealSnapshot } from '../../src/conversation/sealed-snapshot.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { ENCRYPTED_COLUMNS, type EncryptedColumn, KeyRotationRepository, type SealedValue } from '../../src/patients/key-rotation.repository.js';
import { KeyRotationService } from '../../src/patients/key-rotation.service.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';
import { fixtures, prismaFor } from '../support/fixtures.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const blind = randomBytes(32).toString('base64');
const keyEnv = (active: 'k1' | 'k2') => ({ PHI_ENCRYPTION_KEYS: `k1:${k1},k2:${k2}`, PHI_ACTIVE_KEY_ID: active, PHI_BLIND_INDEX_KEY: blind });
const root = new URL('../..', import.meta.url).pathname;
const PATIENTS = 300;
const MESSAGES_PER_CONVERSATION = 6;

/** Runs a hook between reading a batch and writing it back: where the app's writes race the rotation. */
class InterleavedRepository extends KeyRotationRepository {
  constructor(prisma: PrismaService, private readonly between: (c: EncryptedColumn, batch: SealedValue[]) => Promise<void>) {
    super(prisma);
  }
  override async findStale(c: EncryptedColumn, activeKeyId: string, afterId: string | null, limit: number): Promise<SealedValue[]> {
    const batch = await super.findStale(c, activeKeyId, afterId, limit);
    await this.between(c, batch);
    return batch;
  }
}

/** `npm run keys:rotate` moves every stored PHI value to the active key, in batches, without losing a write made meanwhile. */
describe('PHI key rotation', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let service: PrismaService;
  const oldCipher = new PhiCipher(new Map([['k1', Buffer.from(k1, 'base64')]]), 'k1', Buffer.from(blind, 'base64'));
  const config = () => testConfig(db.url, keyEnv('k2'));
  const newCipher = () => { const c = config(); return new PhiCipher(c.phi.keys, c.phi.activeKeyId, c.phi.blindIndexKey); };
  const expected = new Map<string, string>();

  beforeEach(async () => {
    db = await createTestDatabase('empty');
    prisma = prismaFor(db.url);
    service = new PrismaService(config());
    expected.clear();
    const clinic = await fixtures(prisma).clinic();
    // A clinic's worth of patient data sealed with the old key k1.
    const people = Array.from({ length: PATIENTS }, (_, i) => ({ id: randomUUID(), conversationId: randomUUID(), phone: `+1212555${1000 + i}`, name: `Patient Number ${i}`, i }));
    await prisma.patient.createMany({
      data: people.map((p) => ({
        id: p.id, clinicId: clinic.id, phoneHash: oldCipher.blindIndex(p.phone), phoneEnc: oldCipher.encrypt(p.phone), nameEnc: oldCipher.encrypt(p.name), dobEnc: p.i % 2 ? oldCipher.encrypt('1980-01-02') : null,
      })),
    });
    await prisma.conversation.createMany({
      data: people.map((p) => ({
        id: p.conversationId, clinicId: clinic.id, channel: 'sms' as const, clinicAddress: '+12125550100', addressHash: oldCipher.blindIndex(p.phone), addressEnc: oldCipher.encrypt(p.phone), patientId: p.id,
        snapshot: sealSnapshot({ version: 1, state: { value: 'x', context: { booking: { fullName: p.name } } } }, oldCipher),
      })),
    });
    await prisma.message.createMany({
      data: people.flatMap((p) => Array.from({ length: MESSAGES_PER_CONVERSATION }, (_, j) => ({
        clinicId: clinic.id, conversationId: p.conversationId, direction: 'inbound' as const, channel: 'sms' as const, provider: 'simulator' as const,
        bodyEnc: oldCipher.encrypt(`message ${j} from ${p.name}`), status: 'received',
      }))),
    });
    for (const p of people) expected.set(p.id, p.name);
  }, 60_000);
  afterEach(async () => {
    await service.$disconnect();
    await prisma.$disconnect();
    await db.drop();
  }, 30_000);

  const keyIds = async () => {
    const rows = await prisma.$queryRawUnsafe<{ key: string; n: number }[]>(
      ENCRYPTED_COLUMNS.map((c) => `SELECT split_part(${c.kind === 'sealed-json' ? `"${c.column}"->>'sealed'` : `"${c.column}"`}, '.', 1) AS key FROM "${c.table}"`).join(' UNION ALL ')
      .replace(/^/, 'SELECT key, count(*)::int AS n FROM (').concat(') k WHERE key IS NOT NULL GROUP BY key ORDER BY key'),
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  };

  it('re-seals every phone, name, date of birth, address, snapshot and message body with the new key, in batches', async () => {
    const total = PATIENTS * (1 + 1 + 0.5 + 1 + 1) + PATIENTS * MESSAGES_PER_CONVERSATION; // phone, name, dob (half), address, snapshot; bodies
    expect(await keyIds()).toEqual({ k1: total });
    const batches: number[] = [];
    const results = await new KeyRotationService(new KeyRotationRepository(service), newCipher()).rotate({ batchSize: 100, onBatch: (p) => batches.push(p.rotated) });

    expect(await keyIds()).toEqual({ k2: total });
    expect(results.reduce((n, r) => n + r.rotated, 0)).toBe(total);
    expect(results.every((r) => r.skippedConcurrent === 0 && r.unreadable === 0 && r.remaining === 0)).toBe(true);
    expect(batches.length).toBeGreaterThanOrEqual(total / 100);
    // Still the same data, now readable with k2 alone.
    const onlyK2 = new PhiCipher(new Map([['k2', Buffer.from(k2, 'base64')]]), 'k2', Buffer.from(blind, 'base64'));
    for (const p of await prisma.patient.findMany({ include: { conversations: { include: { messages: true } } } })) {
      expect(onlyK2.decrypt(p.nameEnc!)).toBe(expected.get(p.id));
      const conversation = p.conversations[0]!;
      expect(openSnapshot(conversation.snapshot, onlyK2)).toEqual({ version: 1, state: { value: 'x', context: { booking: { fullName: expected.get(p.id) } } } });
      expect(conversation.messages.map((m) => onlyK2.decrypt(m.bodyEnc)).sort()).toEqual(Array.from({ length: MESSAGES_PER_CONVERSATION }, (_, j) => `message ${j} from ${expected.get(p.id)}`));
    }
  }, 120_000);

  it('never overwrites a value the app changed between reading and writing a batch', async () => {
    const app = newCipher();
    const changed: string[] = [];
    const stillOld: string[] = [];
    const repository = new InterleavedRepository(service, async (c, batch) => {
      if (c.column !== 'name_enc' || batch.length === 0) return;
      // The running app renames two patients of this batch (with its active key k2), and an
      // instance not yet restarted renames a third with the old key k1.
      const [a, b, old] = batch;
      for (const row of [a, b]) {
        await prisma.patient.update({ where: { id: row!.id }, data: { nameEnc: app.encrypt(`Renamed ${row!.id}`) } });
        expected.set(row!.id, `Renamed ${row!.id}`);
        changed.push(row!.id);
      }
      await prisma.patient.update({ where: { id: old!.id }, data: { nameEnc: oldCipher.encrypt(`Old instance ${old!.id}`) } });
      expected.set(old!.id, `Old instance ${old!.id}`);
      stillOld.push(old!.id);
    });
    const results = await new KeyRotationService(repository, app).rotate({ batchSize: 50 });

    const names = results.find((r) => r.column === 'name_enc')!;
    expect(names.skippedConcurrent).toBe(PATIENTS / 50 * 3);
    expect(names.remaining).toBe(stillOld.length);
    for (const p of await prisma.patient.findMany()) expect(app.decrypt(p.nameEnc!)).toBe(expected.get(p.id));

    // Once every instance runs with the new key, a second pass finishes the job.
    const again = await new KeyRotationService(new KeyRotationRepository(service), app).rotate();
    expect(again.find((r) => r.column === 'name_enc')).toMatchObject({ rotated: stillOld.length, remaining: 0 });
    expect(await keyIds()).toEqual({ k2: expect.any(Number) });
    for (const p of await prisma.patient.findMany()) expect(app.decrypt(p.nameEnc!)).toBe(expected.get(p.id));
  }, 120_000);

  it('keeps every write of an app running alongside it', async () => {
    const app = newCipher();
    const ids = [...expected.keys()];
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const id = ids[n % ids.length]!;
        await prisma.patient.update({ where: { id }, data: { nameEnc: app.encrypt(`Write ${n}`) } });
        expected.set(id, `Write ${n}`);
      }
    })();
    const results = await new KeyRotationService(new KeyRotationRepository(service), app).rotate({ batchSize: 20 });
    writing = false;
    await writer;
    expect(results.every((r) => r.remaining === 0 && r.unreadable === 0)).toBe(true);
    for (const p of await prisma.patient.findMany()) expect(app.decrypt(p.nameEnc!)).toBe(expected.get(p.id));
  }, 120_000);

  it('`npm run keys:rotate` reports what it did and exits 0 when nothing is left on an old key; every *_enc column is covered', async () => {
    const run = spawnSync('npx', ['tsx', 'scripts/rotate-keys.ts', '--batch-size=250'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: db.url, ...keyEnv('k2') }, timeout: 90_000,
    });
    expect(run.stderr).not.toMatch(/could not run/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/messages\.body_enc\s+rotated 1800, changed meanwhile 0, unreadable 0, left on an old key 0/);
    expect(run.stdout).toMatch(/Done: every value uses the active key/);
    expect(await keyIds()).toEqual({ k2: expect.any(Number) });

    const columns = await prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name LIKE '%\\_enc'`,
    );
    const covered = new Set(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`));
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`).filter((c) => !covered.has(c))).toEqual([]);
  }, 120_000);
});
