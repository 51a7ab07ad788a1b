import { randomBytes } from 'node:crypto';
import { PhiCipher } from '../common/crypto/phi-cipher.js';
import { openSnapshot, sealSnapshot, type SealedSnapshot } from './sealed-snapshot.js';
import type { PersistedDialog } from './dialog/index.js';

const keys = new Map([['k1', randomBytes(32)], ['k2', randomBytes(32)]]);
const cipher = new PhiCipher(keys, 'k1', randomBytes(32));

/** A booking in progress: twenty found slots, as the dialog keeps them for "other times". */
function bookingSnapshot(): PersistedDialog {
  const slot = (i: number) => ({
    start: 1796043600000 + i * 1_800_000, end: 1796045400000 + i * 1_800_000, timezone: 'America/New_York', providerId: '609a3e1d-8bc6-44f5-a080-6db6b080f8eb',
    providerName: 'Dr. Luis García', providerShortName: 'Dr. García', locationId: '22f93fb0-ee3c-4258-92a2-d1500c884aaf', locationName: 'Downtown',
    locationAddress: '120 Main St, New York, NY 10001', serviceId: 'cb9a9a0c-9752-4311-8e79-6eb5644f1a9f', serviceName: 'Follow-up visit',
  });
  return { version: 1, state: { value: { active: { booking: 'slots' } }, context: { lang: 'es', booking: { found: Array.from({ length: 20 }, (_, i) => slot(i)), fullName: 'Ana López' } } } };
}

describe('sealed dialog snapshots', () => {
  it('round-trips large snapshots deflated and small ones as they are, never showing their content', () => {
    for (const persisted of [bookingSnapshot(), { version: 1, state: { value: 'optedOut', context: { lang: 'en' } } }]) {
      const sealed = sealSnapshot(persisted, cipher) as unknown as SealedSnapshot;
      expect(JSON.stringify(sealed)).not.toContain('García');
      expect(JSON.stringify(sealed)).not.toContain('Ana');
      expect(openSnapshot(sealed, cipher)).toEqual(persisted);
    }
  });

  it('stores a booking in progress in a fraction of its JSON size', () => {
    const persisted = bookingSnapshot();
    const sealed = sealSnapshot(persisted, cipher) as unknown as SealedSnapshot;
    expect(sealed.sealed.length).toBeLessThan(JSON.stringify(persisted).length / 3);
  });

  it('opens snapshots sealed before deflating existed, and ones re-sealed by key rotation (decrypt, encrypt as text)', () => {
    const persisted = bookingSnapshot();
    const old = { sealed: cipher.encrypt(JSON.stringify(persisted)) };
    expect(openSnapshot(old, cipher)).toEqual(persisted);
    const rotated = new PhiCipher(keys, 'k2', randomBytes(32));
    const sealed = sealSnapshot(persisted, cipher) as unknown as SealedSnapshot;
    const resealed = { sealed: rotated.encrypt(rotated.decrypt(sealed.sealed)) };
    expect(rotated.keyIdOf(resealed.sealed)).toBe('k2');
    expect(openSnapshot(resealed, rotated)).toEqual(persisted);
  });
});
