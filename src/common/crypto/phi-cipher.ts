import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encrypts patient data at rest with AES-256-GCM. Ciphertexts look like `<keyId>.<base64(iv|tag|data)>`
 * so keys can be rotated: the active key encrypts, any key in the ring decrypts, and a rotation job
 * re-encrypts rows whose prefix is not the active key id.
 */
export class PhiCipher {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly activeKeyId: string,
    private readonly blindIndexKey: Buffer,
  ) {
    if (!keys.has(activeKeyId)) throw new Error(`active PHI key "${activeKeyId}" is not in the key ring`);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${this.activeKeyId}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    const dot = sealed.indexOf('.');
    const key = dot > 0 ? this.keys.get(sealed.slice(0, dot)) : undefined;
    if (!key) throw new Error('PHI ciphertext uses an unknown key id');
    const raw = Buffer.from(sealed.slice(dot + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** The id of the key new values are sealed with; key rotation re-seals everything else. */
  get activeKey(): string {
    return this.activeKeyId;
  }

  keyIdOf(sealed: string): string {
    return sealed.slice(0, sealed.indexOf('.'));
  }

  /** Deterministic HMAC of an already-normalised value (e.g. an E.164 phone), for equality look-ups. */
  blindIndex(normalised: string): string {
    return createHmac('sha256', this.blindIndexKey).update(normalised).digest('hex');
  }
}
