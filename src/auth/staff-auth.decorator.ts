import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { STAFF_ROLES_KEY, StaffAuthGuard, type StaffRequest } from './staff-auth.guard.js';
import type { StaffPrincipal, StaffRole } from './staff-principal.js';

/**
 * Staff-only route or controller: a Bearer access token is required, and with roles given only
 * those roles pass (no roles = any signed-in staff). On a method it overrides the class's roles.
 */
export function StaffAuth(...roles: StaffRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(STAFF_ROLES_KEY, roles),
    UseGuards(StaffAuthGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no token, an expired token or an ended session' }),
    ApiForbiddenResponse({ description: `FORBIDDEN: ${roles.length ? `roles ${roles.join(', ')} only, ` : ''}within the caller's clinic and scope` }),
  );
}

/** The signed-in staff member (only on routes behind @StaffAuth). */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const auth = context.switchToHttp().getRequest<StaffRequest>().staffAuth;
  if (!auth) throw new Error('@CurrentStaff() used on a route without @StaffAuth()');
  return auth.principal;
});

/** The id of the caller's session (password change keeps this one and ends the others). */
export const CurrentSessionId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const auth = context.switchToHttp().getRequest<StaffRequest>().staffAuth;
  if (!auth) throw new Error('@CurrentSessionId() used on a route without @StaffAuth()');
  return auth.sessionId;
});
