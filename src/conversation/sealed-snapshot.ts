import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { PhiCipher } from '../common/crypto/phi-cipher.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { PersistedDialog } from './dialog/index.js';

/**
 * The dialog's snapshot remembers what the patient said while booking (full name, date of birth,
 * first name for greetings), so it is stored sealed with the PHI cipher like every other piece of
 * patient data: `{ "sealed": "<keyId>.<base64>" }`. Key rotation re-seals it (src/patients).
 */
export interface SealedSnapshot { sealed: string }

/**
 * Snapshots in the middle of a booking carry the slots found (names, addresses, ids: 5–20 KB of
 * repetitive JSON, rewritten on every turn); deflated they are a sixth of that, which Postgres
 * otherwise stores out of line in many TOAST chunks per save. The deflated bytes are sealed as
 * base64 text behind "z:" (JSON never starts so), so the cipher and key rotation handle plain
 * strings as before, and snapshots sealed before this still open.
 */
const DEFLATED = 'z:';
const DEFLATE_FROM_CHARS = 1_024;

export function sealSnapshot(persisted: PersistedDialog, cipher: PhiCipher): Prisma.InputJsonValue {
  const json = JSON.stringify(persisted);
  const plain = json.length >= DEFLATE_FROM_CHARS ? DEFLATED + deflateRawSync(json, { level: 1 }).toString('base64') : json;
  return { sealed: cipher.encrypt(plain) } satisfies SealedSnapshot;
}

/** Opens a stored snapshot; snapshots saved before sealing existed are read as they are. */
export function openSnapshot(stored: unknown, cipher: PhiCipher): PersistedDialog | null {
  if (stored === null || stored === undefined) return null;
  if (typeof stored === 'object' && typeof (stored as Partial<SealedSnapshot>).sealed === 'string') {
    const plain = cipher.decrypt((stored as SealedSnapshot).sealed);
    const json = plain.startsWith(DEFLATED) ? inflateRawSync(Buffer.from(plain.slice(DEFLATED.length), 'base64')).toString('utf8') : plain;
    return JSON.parse(json) as PersistedDialog;
  }
  return stored as PersistedDialog;
}
