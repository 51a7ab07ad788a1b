import { createHash } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/** The audit log is append-only in the database itself, and each row is chained to the previous one. */
describe('audit_log', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  const insert = (action: string, clinicId: string | null = null) =>
    client.query(
      `INSERT INTO audit_log (clinic_id, actor_type, actor_id, action, entity_type, entity_id, reason, details, prev_hash, hash)
       VALUES ($1, 'staff', 'u1', $2, 'appointment', 'a1', 'walk-in', '{"from":"09:00"}', '', '') RETURNING *`,
      [clinicId, action],
    ).then((r) => r.rows[0]);

  it('refuses UPDATE and DELETE, even by the table owner', async () => {
    const row = await insert('appointment.booked');
    await expect(client.query('UPDATE audit_log SET action = $1 WHERE id = $2', ['tampered', row.id])).rejects.toThrow(/append-only: UPDATE/);
    await expect(client.query('DELETE FROM audit_log WHERE id = $1', [row.id])).rejects.toThrow(/append-only: DELETE/);
    await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await client.query('SELECT action FROM audit_log WHERE id = $1', [row.id]);
    expect(rows[0].action).toBe('appointment.booked');
  });

  it('chains every row to the previous one of the same clinic, ignoring hashes the writer supplies', async () => {
    const clinicId = '11111111-1111-4111-8111-111111111111';
    const first = await insert('a', clinicId);
    const second = await insert('b', clinicId);
    const other = await insert('c', '22222222-2222-4222-8222-222222222222');
    expect(first.prev_hash).toBe('0'.repeat(64));
    expect(second.prev_hash).toBe(first.hash);
    expect(other.prev_hash).toBe('0'.repeat(64));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([first.hash, second.hash, other.hash]).size).toBe(3);
  });

  it('hashes exactly the documented canonical text, so an independent verifier can recompute it', async () => {
    const row = await insert('appointment.moved', '33333333-3333-4333-8333-333333333333');
    const canonical = [
      row.prev_hash, String(row.id), row.clinic_id, row.at.toISOString(), row.actor_type, row.actor_id, row.action,
      row.entity_type, row.entity_id, '', row.reason, '', '{"from": "09:00"}', // jsonb's text form
    ].join('\x1f');
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(row.hash);
  });

  it('keeps every chain unbroken under concurrent writers of many entities', async () => {
    const clinicId = '44444444-4444-4444-8444-444444444444';
    const writers = Array.from({ length: 8 }, () => new pg.Client({ connectionString: db.url }));
    await Promise.all(writers.map((w) => w.connect()));
    await Promise.all(writers.flatMap((w, i) => Array.from({ length: 5 }, (_, j) =>
      w.query(`INSERT INTO audit_log (clinic_id, actor_type, action, entity_type, entity_id, prev_hash, hash) VALUES ($1, 'system', $2, 'appointment', $3, '', '')`,
        [clinicId, `w${i}-${j}`, `appointment-${(i * 5 + j) % 12}`]))));
    await Promise.all(writers.map((w) => w.end()));
    const { rows } = await client.query('SELECT chain, entity_id, prev_hash, hash FROM audit_log WHERE clinic_id = $1 ORDER BY id', [clinicId]);
    expect(rows).toHaveLength(40);
    const chains = new Map<number, { prev_hash: string; hash: string }[]>();
    for (const row of rows) chains.set(row.chain, [...(chains.get(row.chain) ?? []), row]);
    // Writers of different entities link into different chains, so they do not queue on one lock.
    expect(chains.size).toBeGreaterThan(4);
    for (const chain of chains.values()) chain.forEach((r, i) => expect(r.prev_hash).toBe(i === 0 ? '0'.repeat(64) : chain[i - 1]!.hash));
    // One entity's history stays in one chain.
    const chainOf = new Map<string, number>();
    for (const row of rows) expect(chainOf.get(row.entity_id) ?? chainOf.set(row.entity_id, row.chain).get(row.entity_id)).toBe(row.chain);
  });
});
