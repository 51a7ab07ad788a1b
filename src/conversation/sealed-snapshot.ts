import type { PhiCipher } from '../common/crypto/phi-cipher.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { PersistedDialog } from './dialog/index.js';

/**
 * The dialog's snapshot remembers what the patient said while booking (full name, date of birth,
 * first name for greetings), so it is stored sealed with the PHI cipher like every other piece of
 * patient data: `{ "sealed": "<keyId>.<base64>" }`. Key rotation re-seals it (src/patients).
 */
export interface SealedSnapshot { sealed: string }

export function sealSnapshot(persisted: PersistedDialog, cipher: PhiCipher): Prisma.InputJsonValue {
  return { sealed: cipher.encrypt(JSON.stringify(persisted)) } satisfies SealedSnapshot;
}

/** Opens a stored snapshot; snapshots saved before sealing existed are read as they are. */
export function openSnapshot(stored: unknown, cipher: PhiCipher): PersistedDialog | null {
  if (stored === null || stored === undefined) return null;
  if (typeof stored === 'object' && typeof (stored as Partial<SealedSnapshot>).sealed === 'string') {
    return JSON.parse(cipher.decrypt((stored as SealedSnapshot).sealed)) as PersistedDialog;
  }
  return stored as PersistedDialog;
}
