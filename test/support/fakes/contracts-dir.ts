import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The providers' own contract files (OpenAPI specs, webhook samples, signature vectors) live in the
 * shared folder beside the repository (`../shared/contracts`); CONTRACTS_DIR overrides that.
 */
const root = new URL('../../..', import.meta.url).pathname;
export const CONTRACTS_DIR = process.env.CONTRACTS_DIR ?? [resolve(root, '../shared/contracts'), '/work/shared/contracts'].find((p) => existsSync(p)) ?? resolve(root, '../shared/contracts');

export function contract(...parts: string[]): string {
  return join(CONTRACTS_DIR, ...parts);
}
