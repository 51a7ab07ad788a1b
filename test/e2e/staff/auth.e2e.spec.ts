import { FakeClock } from '../../support/fake-clock.js';
import { authCalls } from '../../support/staff-session.js';
import { useTestApp } from '../../support/test-app.js';

/** Staff sign-in over real HTTP, Postgres and Redis; time moves with a FakeClock. */
const MINUTE = 60_000;

describe('staff authentication', () => {
  let auth: ReturnType<typeof authCalls>;
  const clock = new FakeClock(new Date('2026-11-23T14:00:00Z'));
  // The tests reach the app from 127.0.0.1, as a proxy on the same host would.
  const env = useTestApp('demo', { overrides: { TRUST_PROXY: 'loopback' }, app: { clock } });
  beforeAll(() => { auth = authCalls(env.running.url); });
  /** Each test starts in a fresh rate-limit window, so one test's failures do not block the next. */
  beforeEach(() => clock.advance(16 * MINUTE));

  it('signs in with the seeded password: an access token for /me and a refresh token', async () => {
    const res = await auth.login('FrontDesk@Riverside.test');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expiresIn: 900, staff: { email: 'frontdesk@riverside.test', role: 'receptionist', providerId: null } });
    expect(res.body.staff.locationIds).toHaveLength(1);
    expect(typeof res.body.refreshToken).toBe('string');
    const me = await auth.me(res.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.staff);
    const stored = await env.prisma.staffRefreshToken.findMany();
    expect(stored.some((t) => t.tokenHash === res.body.refreshToken)).toBe(false);
  });

  it('records the client address a trusted proxy forwards, not the proxy\'s', async () => {
    const res = await fetch(`${env.running.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ email: 'owner@riverside.test', password: 'demo-password' }),
    });
    expect(res.status).toBe(200);
    const login = await env.prisma.auditLog.findFirstOrThrow({ where: { action: 'auth.login' }, orderBy: { id: 'desc' } });
    expect(login.ip).toBe('203.0.113.7');
  });

  it('answers an unknown email and a wrong password the same way; no token, no /me', async () => {
    const wrong = await auth.login('frontdesk@riverside.test', 'not-the-password');
    const unknown = await auth.login('nobody@riverside.test', 'not-the-password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect((await auth.get('/api/v1/auth/me')).status).toBe(401);
    expect((await auth.me('not.a.token')).status).toBe(401);
  });

  it('locks the account after 5 wrong passwords (even the right one gets 429 + Retry-After) until the lock ends', async () => {
    for (let i = 0; i < 5; i++) expect((await auth.login('northdesk@riverside.test', `wrong-${i}`)).status).toBe(401);
    const locked = await auth.login('northdesk@riverside.test');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const row = await env.prisma.staffUser.findUniqueOrThrow({ where: { email: 'northdesk@riverside.test' } });
    expect(row.lockedUntil).not.toBeNull();
    expect(await env.prisma.auditLog.count({ where: { action: 'auth.account_locked', entityId: row.id } })).toBe(1);
    clock.advance(14 * MINUTE);
    expect((await auth.login('northdesk@riverside.test')).status).toBe(429);
    clock.advance(2 * MINUTE);
    expect((await auth.login('northdesk@riverside.test')).status).toBe(200);
    expect((await env.prisma.staffUser.findUniqueOrThrow({ where: { id: row.id } })).failedLogins).toBe(0);
  });

  it('gives an unknown email the same 429 after 5 failures, so locks do not reveal accounts', async () => {
    for (let i = 0; i < 5; i++) expect((await auth.login('ghost@riverside.test', `wrong-${i}`)).status).toBe(401);
    expect((await auth.login('ghost@riverside.test', 'wrong')).status).toBe(429);
  });

  it('rate-limits failed sign-ins per IP across accounts (20 per window), then lets the IP in again in the next window', async () => {
    for (let i = 0; i < 20; i++) expect((await auth.login(`spray${i}@riverside.test`, 'guess')).status).toBe(401);
    const blocked = await auth.login('owner@riverside.test');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(16 * MINUTE);
    expect((await auth.login('owner@riverside.test')).status).toBe(200);
  });

  it('rotates the refresh token on every refresh; reusing a rotated token revokes the whole session', async () => {
    const login = (await auth.login('admin@riverside.test')).body;
    const first = await auth.refresh(login.refreshToken);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(login.refreshToken);
    expect((await auth.me(first.body.accessToken)).status).toBe(200);
    const second = await auth.refresh(first.body.refreshToken);
    expect(second.status).toBe(200);

    const replay = await auth.refresh(login.refreshToken);
    expect(replay.status).toBe(401);
    // The thief's copy and the owner's current tokens all stop working.
    expect((await auth.refresh(second.body.refreshToken)).status).toBe(401);
    expect((await auth.me(second.body.accessToken)).status).toBe(401);
    const session = await env.prisma.staffSession.findFirstOrThrow({ where: { refreshTokens: { some: { tokenHash: { not: '' } } }, revokedReason: 'refresh_token_reuse' } });
    expect(session.revokedAt).not.toBeNull();
  });

  it('logout revokes the session: its refresh and access tokens stop working', async () => {
    const login = (await auth.login('owner@riverside.test')).body;
    expect((await auth.logout(login.refreshToken)).status).toBe(204);
    expect((await auth.refresh(login.refreshToken)).status).toBe(401);
    expect((await auth.me(login.accessToken)).status).toBe(401);
  });

  it('access tokens expire after 15 minutes; a session idles out after 30 minutes without a refresh', async () => {
    const login = (await auth.login('dr.patel@riverside.test')).body;
    clock.advance(16 * MINUTE);
    expect((await auth.me(login.accessToken)).status).toBe(401);
    const refreshed = await auth.refresh(login.refreshToken);
    expect(refreshed.status).toBe(200);
    clock.advance(31 * MINUTE);
    expect((await auth.refresh(refreshed.body.refreshToken)).status).toBe(401);
  });

  it('ends a session 12 hours after sign-in even when refreshed all along', async () => {
    let tokens = (await auth.login('dr.patel@riverside.test')).body;
    for (let i = 0; i < 12 * 4 - 1; i++) {
      clock.advance(15 * MINUTE);
      const next = await auth.refresh(tokens.refreshToken);
      expect(next.status).toBe(200);
      tokens = next.body;
    }
    clock.advance(15 * MINUTE);
    expect((await auth.refresh(tokens.refreshToken)).status).toBe(401);
  });

  it('password change needs the current password, revokes the other sessions, keeps this one, and the new password signs in', async () => {
    const a = (await auth.login('northdesk@riverside.test')).body;
    const b = (await auth.login('northdesk@riverside.test')).body;
    expect((await auth.changePassword(a.accessToken, 'wrong-current', 'a-brand-new-passphrase')).body.code).toBe('WRONG_PASSWORD');
    expect((await auth.changePassword(a.accessToken, 'demo-password', 'short')).status).toBe(400);
    expect((await auth.changePassword(a.accessToken, 'demo-password', 'a-brand-new-passphrase')).status).toBe(204);
    expect((await auth.me(a.accessToken)).status).toBe(200);
    expect((await auth.me(b.accessToken)).status).toBe(401);
    expect((await auth.refresh(b.refreshToken)).status).toBe(401);
    expect((await auth.login('northdesk@riverside.test')).status).toBe(401);
    expect((await auth.login('northdesk@riverside.test', 'a-brand-new-passphrase')).status).toBe(200);
  });

  it('a deactivated account is refused at once, even with a live access token', async () => {
    const login = (await auth.login('owner@riverside.test')).body;
    await env.prisma.staffUser.update({ where: { email: 'owner@riverside.test' }, data: { active: false } });
    expect((await auth.me(login.accessToken)).status).toBe(401);
    expect((await auth.login('owner@riverside.test')).status).toBe(401);
    await env.prisma.staffUser.update({ where: { email: 'owner@riverside.test' }, data: { active: true } });
  });

  it('never writes passwords or tokens into the audit log', async () => {
    const rows = await env.prisma.auditLog.findMany({ where: { action: { startsWith: 'auth.' } } });
    expect(rows.length).toBeGreaterThan(5);
    const text = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(text).not.toMatch(/demo-password|a-brand-new-passphrase|eyJ/);
  });
});
