import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * The SQL migrations are written by hand (Prisma's schema engine cannot run here), so this proves
 * that a freshly migrated database has exactly the tables, columns, types, nullability and enums
 * that prisma/schema.prisma declares — and nothing the schema does not know about.
 */
interface DmmfField { name: string; dbName: string | null; kind: string; type: string; isList: boolean; isRequired: boolean; nativeType: [string, string[]] | null; hasDefaultValue: boolean; isUpdatedAt: boolean }
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }
interface DmmfEnum { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }

const schema = readFileSync(join(new URL('../..', import.meta.url).pathname, 'prisma/schema.prisma'), 'utf8');
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema }))).datamodel as { models: DmmfModel[]; enums: DmmfEnum[] };
const enumDbNames = new Map(dmmf.enums.map((e) => [e.name, e.dbName ?? e.name]));

/** The Postgres type Prisma's migrate would create for a field (udt_name as information_schema shows it). */
function expectedUdt(field: DmmfField): string {
  const native = field.nativeType?.[0];
  const base = field.kind === 'enum' ? enumDbNames.get(field.type)! : native ? ({
    Uuid: 'uuid', Timestamptz: 'timestamptz', Time: 'time', Date: 'date', SmallInt: 'int2',
  } as Record<string, string>)[native]! : ({
    String: 'text', Int: 'int4', BigInt: 'int8', Boolean: 'bool', DateTime: 'timestamp', Json: 'jsonb', Float: 'float8', Decimal: 'numeric',
  } as Record<string, string>)[field.type]!;
  return field.isList ? `_${base}` : base;
}

describe('schema.prisma and the SQL migrations agree', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let columns: Map<string, Map<string, { udt: string; nullable: boolean; hasDefault: boolean }>>;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT table_name, column_name, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'`);
    columns = new Map();
    for (const r of rows) {
      if (!columns.has(r.table_name)) columns.set(r.table_name, new Map());
      columns.get(r.table_name)!.set(r.column_name, { udt: r.udt_name, nullable: r.is_nullable === 'YES', hasDefault: r.column_default !== null });
    }
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('has one table per model and no table the schema does not declare', () => {
    const tables = [...columns.keys()].filter((t) => t !== '_prisma_migrations').sort();
    expect(tables).toEqual(dmmf.models.map((m) => m.dbName ?? m.name).sort());
  });

  for (const model of dmmf.models) {
    const table = model.dbName ?? model.name;
    const scalars = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');

    it(`${model.name} (${table}): every field has its column, type and nullability`, () => {
      const actual = columns.get(table)!;
      expect([...actual.keys()].sort()).toEqual(scalars.map((f) => f.dbName ?? f.name).sort());
      for (const field of scalars) {
        const column = actual.get(field.dbName ?? field.name)!;
        const where = `${table}.${field.dbName ?? field.name}`;
        expect({ where, udt: column.udt }).toEqual({ where, udt: expectedUdt(field) });
        // Prisma creates list columns without NOT NULL (a list cannot be optional in Prisma).
        expect({ where, nullable: column.nullable }).toEqual({ where, nullable: field.isList ? true : !field.isRequired });
        if (field.hasDefaultValue && !field.isUpdatedAt) expect({ where, hasDefault: column.hasDefault }).toEqual({ where, hasDefault: true });
      }
    });
  }

  it('has every enum with exactly the schema values, in order', async () => {
    const { rows } = await client.query(`SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual).toEqual(expected);
  });

  it('records the migrations the way prisma migrate deploy does', async () => {
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });
});
