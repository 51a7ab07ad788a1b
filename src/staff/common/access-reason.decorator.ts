import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Why staff opened patient data (optional `X-Access-Reason` header), recorded in the audit log. */
export const AccessReason = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const value = context.switchToHttp().getRequest<Request>().header('x-access-reason')?.trim();
  return value ? value.slice(0, 500) : null;
});
