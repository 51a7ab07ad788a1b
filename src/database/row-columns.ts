/**
 * Column lists for hand-written SQL that returns Prisma-shaped rows. `fields` maps every field of the
 * Prisma model to its column (`satisfies Record<keyof Model, string>` makes the compiler insist on
 * all of them, so a new column cannot be forgotten); rows come back with prefixed aliases and are
 * split into one object per model. node-postgres returns the same JS types Prisma does for these
 * columns (uuid/text/enum → string, timestamptz → Date, int → number, jsonb → parsed JSON).
 */
export function selectColumns(tableAlias: string, prefix: string, fields: Record<string, string>): string {
  return Object.entries(fields).map(([field, column]) => `${tableAlias}.${column} AS "${prefix}${field}"`).join(', ');
}

/** The fields of one model out of a row selected with `selectColumns(…, prefix, fields)`; null when its id is null (an outer join found nothing). */
export function pickColumns<T>(row: Record<string, unknown>, prefix: string, fields: Record<string, string>): T | null {
  if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return null;
  const picked: Record<string, unknown> = {};
  for (const field of Object.keys(fields)) picked[field] = row[`${prefix}${field}`];
  return picked as T;
}
