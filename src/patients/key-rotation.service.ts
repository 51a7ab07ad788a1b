import { Inject, Injectable } from '@nestjs/common';
import type { PhiCipher } from '../common/crypto/phi-cipher.js';
import { ENCRYPTED_COLUMNS, type EncryptedColumn, KeyRotationRepository, type Replacement } from './key-rotation.repository.js';
import { PHI_CIPHER } from './phi.module.js';

export interface ColumnRotation {
  table: string;
  column: string;
  /** Re-sealed with the active key. */
  rotated: number;
  /** Changed by the app between read and write: left alone (the app wrote it with its own active key). */
  skippedConcurrent: number;
  /** Could not be opened with any configured key (an id missing from PHI_ENCRYPTION_KEYS, or damaged). */
  unreadable: number;
  /** Still not on the active key after the pass (e.g. written meanwhile by an instance with the old active key). */
  remaining: number;
}

export interface RotationOptions { batchSize?: number; onBatch?: (progress: { table: string; column: string; rotated: number }) => void }

/**
 * Re-encrypts every stored PHI value with the active key, in batches, while the app keeps running:
 * each batch is one compare-and-set UPDATE, so a value the app changes during the rotation is never
 * overwritten with a stale one. Runs as `npm run keys:rotate` (docs/runbook.md).
 */
@Injectable()
export class KeyRotationService {
  constructor(private readonly repository: KeyRotationRepository, @Inject(PHI_CIPHER) private readonly cipher: PhiCipher) {}

  async rotate(options: RotationOptions = {}): Promise<ColumnRotation[]> {
    const results: ColumnRotation[] = [];
    for (const column of ENCRYPTED_COLUMNS) results.push(await this.rotateColumn(column, options));
    return results;
  }

  private async rotateColumn(c: EncryptedColumn, { batchSize = 500, onBatch }: RotationOptions): Promise<ColumnRotation> {
    const active = this.cipher.activeKey;
    const result: ColumnRotation = { table: c.table, column: c.column, rotated: 0, skippedConcurrent: 0, unreadable: 0, remaining: 0 };
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.repository.findStale(c, active, afterId, batchSize);
      if (batch.length === 0) break;
      const replacements: Replacement[] = [];
      for (const row of batch) {
        try {
          replacements.push({ id: row.id, old: row.value, new: this.cipher.encrypt(this.cipher.decrypt(row.value)) });
        } catch {
          result.unreadable++;
        }
      }
      const replaced = await this.repository.replace(c, replacements);
      result.rotated += replaced;
      result.skippedConcurrent += replacements.length - replaced;
      onBatch?.({ table: c.table, column: c.column, rotated: result.rotated });
      afterId = batch[batch.length - 1]!.id;
    }
    result.remaining = await this.repository.countStale(c, active);
    return result;
  }
}
