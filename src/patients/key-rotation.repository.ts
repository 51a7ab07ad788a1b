import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

/**
 * Every place patient data is stored encrypted with the PHI cipher. `sealed-json` is a jsonb column
 * holding `{ "sealed": "<ciphertext>" }` (the dialog snapshot). Add new encrypted columns here, or
 * `npm run keys:rotate` will leave them on the old key (its test lists the schema's *_enc columns).
 */
export const ENCRYPTED_COLUMNS = [
  { table: 'patients', column: 'phone_enc', kind: 'text' },
  { table: 'patients', column: 'name_enc', kind: 'text' },
  { table: 'patients', column: 'dob_enc', kind: 'text' },
  { table: 'conversations', column: 'address_enc', kind: 'text' },
  { table: 'conversations', column: 'profile_name_enc', kind: 'text' },
  { table: 'conversations', column: 'snapshot', kind: 'sealed-json' },
  { table: 'messages', column: 'body_enc', kind: 'text' },
] as const satisfies readonly EncryptedColumn[];

export interface EncryptedColumn { table: string; column: string; kind: 'text' | 'sealed-json' }
export interface SealedValue { id: string; value: string }
export interface Replacement { id: string; old: string; new: string }

/** The ciphertext an encrypted column holds, as SQL (names come only from ENCRYPTED_COLUMNS, never from input). */
function valueOf(c: EncryptedColumn, alias = ''): string {
  const column = `${alias}"${c.column}"`;
  return c.kind === 'sealed-json' ? `(${column}->>'sealed')` : column;
}

/** Finds values sealed with another key than the active one and swaps them, never over a newer write. */
@Injectable()
export class KeyRotationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The next batch (by id) of values not sealed with `activeKeyId`. */
  findStale(c: EncryptedColumn, activeKeyId: string, afterId: string | null, limit: number): Promise<SealedValue[]> {
    const value = valueOf(c);
    return this.prisma.$queryRawUnsafe<SealedValue[]>(
      `SELECT id::text AS id, ${value} AS value FROM "${c.table}"
       WHERE ${value} IS NOT NULL AND left(${value}, length($1)) <> $1 AND ($2::uuid IS NULL OR id > $2::uuid)
       ORDER BY id LIMIT $3`,
      `${activeKeyId}.`, afterId, limit,
    );
  }

  /**
   * Writes the re-sealed values in one statement, each only if the row still holds the value that
   * was read (compare-and-set): a row the app changed meanwhile keeps the app's newer value.
   * Returns how many rows were replaced.
   */
  replace(c: EncryptedColumn, rows: Replacement[]): Promise<number> {
    if (rows.length === 0) return Promise.resolve(0);
    const target = c.kind === 'sealed-json' ? `"${c.column}" = jsonb_build_object('sealed', v.new)` : `"${c.column}" = v.new`;
    return this.prisma.$executeRawUnsafe(
      `UPDATE "${c.table}" t SET ${target}
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, old, new)
       WHERE t.id = v.id AND ${valueOf(c, 't.')} = v.old`,
      rows.map((r) => r.id), rows.map((r) => r.old), rows.map((r) => r.new),
    );
  }

  async countStale(c: EncryptedColumn, activeKeyId: string): Promise<number> {
    const value = valueOf(c);
    const [row] = await this.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${c.table}" WHERE ${value} IS NOT NULL AND left(${value}, length($1)) <> $1`, `${activeKeyId}.`,
    );
    return row?.n ?? 0;
  }
}
