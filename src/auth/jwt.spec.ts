import { signJwt, verifyJwt } from './jwt.js';

const secret = 'a'.repeat(40);
const claims = { sub: 'staff-1', sid: 'session-1', iat: 1_000, exp: 1_900 };

describe('HS256 tokens', () => {
  it('verifies its own token before expiry and returns the claims', () => {
    expect(verifyJwt(signJwt(claims, secret), secret, 1_899)).toEqual(claims);
  });

  it('refuses an expired token, another secret, a tampered payload and alg=none', () => {
    const token = signJwt(claims, secret);
    expect(verifyJwt(token, secret, 1_900)).toBeNull();
    expect(verifyJwt(token, 'b'.repeat(40), 1_000)).toBeNull();
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    expect(verifyJwt(`${h}.${forged}.${s}`, secret, 1_000)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyJwt(`${none}.${token.split('.')[1]}.`, secret, 1_000)).toBeNull();
    expect(verifyJwt('garbage', secret, 1_000)).toBeNull();
  });
});
