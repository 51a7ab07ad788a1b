import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokenService, type AuthenticatedRequestStaff } from './access-token.service.js';
import { ForbiddenError, UnauthenticatedError } from './auth.errors.js';
import type { StaffRole } from './staff-principal.js';

export const STAFF_ROLES_KEY = 'staffRoles';

/** Where the guard leaves the signed-in staff member on the request. */
export type StaffRequest = Request & { staffAuth?: AuthenticatedRequestStaff };

/**
 * Bearer access token → StaffPrincipal on the request; 401 without a valid token or open session,
 * 403 when the route's roles (method roles override class roles) do not include the caller's.
 * Location and ownership checks are the services' job: they depend on the record.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(private readonly tokens: AccessTokenService, private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<StaffRequest>();
    // Class and method decorators may both apply this guard; authenticate once per request.
    if (!req.staffAuth) {
      const token = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
      if (!token) throw new UnauthenticatedError();
      req.staffAuth = await this.tokens.authenticate(token, req.ip ?? null);
    }
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(STAFF_ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles?.length && !roles.includes(req.staffAuth.principal.role)) throw new ForbiddenError();
    return true;
  }
}
