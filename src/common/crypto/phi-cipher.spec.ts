import { randomBytes } from 'node:crypto';
import { PhiCipher } from './phi-cipher.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const blind = randomBytes(32);

describe('PhiCipher', () => {
  it('round-trips text, including non-Latin scripts, and never stores it in clear', () => {
    const cipher = new PhiCipher(new Map([['k1', k1]]), 'k1', blind);
    const sealed = cipher.encrypt('María José Núñez +12125550199');
    expect(sealed.startsWith('k1.')).toBe(true);
    expect(sealed).not.toContain('María');
    expect(sealed).not.toContain('2125550199');
    expect(cipher.decrypt(sealed)).toBe('María José Núñez +12125550199');
  });

  it('uses a fresh IV, so equal values do not produce equal ciphertexts', () => {
    const cipher = new PhiCipher(new Map([['k1', k1]]), 'k1', blind);
    expect(cipher.encrypt('Ana')).not.toBe(cipher.encrypt('Ana'));
  });

  it('decrypts values sealed with an older key after rotation', () => {
    const old = new PhiCipher(new Map([['k1', k1]]), 'k1', blind);
    const rotated = new PhiCipher(new Map([['k1', k1], ['k2', k2]]), 'k2', blind);
    const sealed = old.encrypt('Ana Lima');
    expect(rotated.decrypt(sealed)).toBe('Ana Lima');
    expect(rotated.keyIdOf(rotated.encrypt('x'))).toBe('k2');
  });

  it('rejects a tampered ciphertext and an unknown key id', () => {
    const cipher = new PhiCipher(new Map([['k1', k1]]), 'k1', blind);
    const sealed = cipher.encrypt('Ana Lima');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`k1.${raw.toString('base64')}`)).toThrow();
    expect(() => cipher.decrypt(sealed.replace('k1.', 'zz.'))).toThrow(/unknown key/);
  });

  it('gives a stable blind index that depends on the key', () => {
    const a = new PhiCipher(new Map([['k1', k1]]), 'k1', blind);
    const b = new PhiCipher(new Map([['k1', k1]]), 'k1', randomBytes(32));
    expect(a.blindIndex('+12125550199')).toBe(a.blindIndex('+12125550199'));
    expect(a.blindIndex('+12125550199')).not.toBe(a.blindIndex('+12125550198'));
    expect(a.blindIndex('+12125550199')).not.toBe(b.blindIndex('+12125550199'));
  });
});
