import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { AuditRepository } from '../audit/audit.repository.js';
import { Clock } from '../common/clock.js';
import { ValidationError } from '../common/errors.js';
import { PrismaService } from '../database/prisma.service.js';
import { AccessTokenService } from './access-token.service.js';
import { AUTH_POLICY } from './auth-policy.js';
import { InvalidCredentialsError, TooManyAttemptsError, UnauthenticatedError, WrongPasswordError } from './auth.errors.js';
import { LoginThrottle } from './login-throttle.js';
import { hashRefreshToken, newRefreshToken, sessionEnded } from './session-tokens.js';
import type { StaffPrincipal } from './staff-principal.js';
import { StaffSessionRepository } from './staff-session.repository.js';
import { StaffUserRepository } from './staff-user.repository.js';

export interface StaffMe {
  id: string; email: string; displayName: string; role: StaffPrincipal['role']; clinicId: string; locationIds: string[]; providerId: string | null;
}
export interface TokenPair { accessToken: string; refreshToken: string; expiresIn: number; staff: StaffMe }
interface Origin { ip: string | null; userAgent: string | null }

type StaffRow = NonNullable<Awaited<ReturnType<StaffUserRepository['findById']>>>;

/**
 * Sign-in, refresh-token rotation, logout and password change. Passwords and tokens never reach
 * logs or the audit log; the audit log records who signed in, from where, and account locks.
 */
@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both answers take the same time (made on first need, not at start-up). */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: StaffUserRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditRepository,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async login(emailInput: string, password: string, origin: Origin): Promise<TokenPair> {
    const email = emailInput.trim().toLowerCase();
    const ip = origin.ip ?? 'unknown';
    const wait = await this.throttle.blockedFor(ip, email);
    if (wait > 0) throw new TooManyAttemptsError(wait);
    const now = this.clock.now();
    const user = await this.users.findByEmail(email);
    if (user?.lockedUntil && +user.lockedUntil > +now) throw new TooManyAttemptsError(Math.ceil((+user.lockedUntil - +now) / 1000));

    const ok = await verify(user?.passwordHash ?? (await (this.dummyHash ??= hash('not-a-real-password-just-for-timing'))), password).catch(() => false);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(ip, email);
      if (user) await this.recordWrongPassword(user, origin, now);
      throw new InvalidCredentialsError();
    }
    await this.users.recordSuccess(user.id);
    await this.throttle.clearAccount(email);
    const refreshToken = newRefreshToken();
    const session = await this.sessions.create({
      staffUserId: user.id, now, expiresAt: new Date(+now + AUTH_POLICY.sessionMaxMs), ip: origin.ip, userAgent: origin.userAgent?.slice(0, 300) ?? null,
      tokenHash: hashRefreshToken(refreshToken),
    });
    await this.audit.append({ clinicId: user.clinicId, actor: { type: 'staff', id: user.id }, action: 'auth.login', entityType: 'staff_user', entityId: user.id, ip: origin.ip, details: { sessionId: session.id } });
    return { ...this.tokens.issue(user, session.id), refreshToken, staff: toMe(user) };
  }

  /**
   * Rotates the refresh token. A token that was already rotated means it was copied (or a stale
   * tab raced): the whole session is revoked, so a thief's copy and the owner's both stop working.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const tokenHash = hashRefreshToken(refreshToken);
    const next = newRefreshToken();
    const outcome = await this.prisma.$transaction(async (tx) => {
      const row = await this.sessions.findToken(tokenHash, tx);
      if (!row) return { kind: 'unknown' as const };
      if (!(await this.sessions.markRotated(tokenHash, now, tx))) return { kind: 'reused' as const, session: row.session };
      const ended = sessionEnded(row.session, now, AUTH_POLICY.sessionIdleMs);
      if (ended || !row.session.staffUser.active) return { kind: 'ended' as const, session: row.session, why: ended ?? 'deactivated' };
      await this.sessions.addToken(row.session.id, hashRefreshToken(next), now, tx);
      return { kind: 'ok' as const, session: row.session };
    });
    if (outcome.kind === 'unknown') throw new UnauthenticatedError('Your session has ended. Sign in again.');
    const { session } = outcome;
    if (outcome.kind === 'reused') {
      await this.sessions.revoke(session.id, 'refresh_token_reuse', now);
      await this.audit.append({ clinicId: session.staffUser.clinicId, actor: { type: 'system', id: null }, action: 'auth.refresh_token_reused', entityType: 'staff_user', entityId: session.staffUserId, details: { sessionId: session.id } });
      throw new UnauthenticatedError('Your session has ended. Sign in again.');
    }
    if (outcome.kind === 'ended') {
      await this.sessions.revoke(session.id, outcome.why, now);
      throw new UnauthenticatedError('Your session has ended. Sign in again.');
    }
    return { ...this.tokens.issue(session.staffUser, session.id), refreshToken: next, staff: toMe(session.staffUser) };
  }

  async logout(refreshToken: string): Promise<void> {
    const row = await this.sessions.findToken(hashRefreshToken(refreshToken));
    if (!row) return;
    await this.sessions.revoke(row.sessionId, 'logout', this.clock.now());
    await this.audit.append({ clinicId: row.session.staffUser.clinicId, actor: { type: 'staff', id: row.session.staffUserId }, action: 'auth.logout', entityType: 'staff_user', entityId: row.session.staffUserId, details: { sessionId: row.sessionId } });
  }

  /** Changes the password and ends every other session of this staff member. */
  async changePassword(staff: StaffPrincipal, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    if (newPassword.length < AUTH_POLICY.minPasswordLength) throw new ValidationError(`The new password needs at least ${AUTH_POLICY.minPasswordLength} characters.`);
    if (newPassword === currentPassword) throw new ValidationError('The new password must differ from the current one.');
    const user = await this.users.findById(staff.id);
    if (!user || !(await verify(user.passwordHash, currentPassword).catch(() => false))) throw new WrongPasswordError();
    const now = this.clock.now();
    const passwordHash = await hash(newPassword);
    const revoked = await this.prisma.$transaction(async (tx) => {
      await this.users.setPassword(user.id, passwordHash, now, tx);
      return this.sessions.revokeAllFor(user.id, 'password_changed', now, sessionId, tx);
    });
    await this.audit.append({ clinicId: user.clinicId, actor: { type: 'staff', id: user.id }, action: 'auth.password_changed', entityType: 'staff_user', entityId: user.id, ip: staff.ip, details: { otherSessionsRevoked: revoked } });
  }

  async me(staff: StaffPrincipal): Promise<StaffMe> {
    const user = await this.users.findById(staff.id);
    if (!user) throw new UnauthenticatedError();
    return toMe(user);
  }

  private async recordWrongPassword(user: StaffRow, origin: Origin, now: Date): Promise<void> {
    const { locked } = await this.users.recordFailure(user.id, AUTH_POLICY.lockAfterFailures, new Date(+now + AUTH_POLICY.lockMs));
    if (locked) {
      await this.audit.append({ clinicId: user.clinicId, actor: { type: 'system', id: null }, action: 'auth.account_locked', entityType: 'staff_user', entityId: user.id, ip: origin.ip, details: { minutes: AUTH_POLICY.lockMs / 60_000 } });
    }
  }
}

export function toMe(user: StaffRow): StaffMe {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, clinicId: user.clinicId, locationIds: user.locationIds, providerId: user.providerId };
}
