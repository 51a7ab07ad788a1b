import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AUTH_POLICY } from './auth-policy.js';
import { UnauthenticatedError } from './auth.errors.js';
import { signJwt, verifyJwt } from './jwt.js';
import { sessionEnded } from './session-tokens.js';
import type { StaffPrincipal } from './staff-principal.js';
import { StaffSessionRepository } from './staff-session.repository.js';

export interface AuthenticatedRequestStaff { principal: StaffPrincipal; sessionId: string }

/**
 * Issues and checks access tokens. A valid signature is not enough: the session must still be open
 * and the account active, so logout, password change and deactivation take effect at once rather
 * than when the token expires (one indexed query per request).
 */
@Injectable()
export class AccessTokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: StaffSessionRepository,
    private readonly clock: Clock,
  ) {}

  issue(staff: { id: string; clinicId: string; role: string }, sessionId: string): { accessToken: string; expiresIn: number } {
    const iat = Math.floor(+this.clock.now() / 1000);
    const expiresIn = AUTH_POLICY.accessTokenSeconds;
    const accessToken = signJwt({ sub: staff.id, sid: sessionId, cid: staff.clinicId, role: staff.role, iat, exp: iat + expiresIn }, this.config.staffJwtSecret);
    return { accessToken, expiresIn };
  }

  async authenticate(token: string, ip: string | null): Promise<AuthenticatedRequestStaff> {
    const now = this.clock.now();
    const claims = verifyJwt(token, this.config.staffJwtSecret, Math.floor(+now / 1000));
    if (!claims || typeof claims['sid'] !== 'string') throw new UnauthenticatedError('Your sign-in has expired or is not valid.');
    const session = await this.sessions.findWithStaff(claims['sid']).catch(() => null);
    if (!session || session.staffUserId !== claims.sub || sessionEnded(session, now, AUTH_POLICY.sessionIdleMs) || !session.staffUser.active) {
      throw new UnauthenticatedError('Your session has ended. Sign in again.');
    }
    const staff = session.staffUser;
    return {
      sessionId: session.id,
      principal: { id: staff.id, clinicId: staff.clinicId, role: staff.role, locationIds: staff.locationIds, providerId: staff.providerId, ip },
    };
  }
}
