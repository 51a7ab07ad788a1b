import { createHmac, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, Logger, type RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { rawBodyOf } from '../raw-body.js';

/** `sha256=` + hex HMAC-SHA256 of the raw body with the app secret, as Meta sends in X-Hub-Signature-256. */
export function metaSignature(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function verifyMetaSignature(appSecret: string, rawBody: Buffer, header: string): boolean {
  const expected = Buffer.from(metaSignature(appSecret, rawBody));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Checks X-Hub-Signature-256 over the exact bytes Meta sent (timing-safe). Missing, wrong, or no app
 * secret configured: 403, and the payload is never parsed.
 */
@Injectable()
export class MetaSignatureGuard implements CanActivate {
  private readonly logger = new Logger(MetaSignatureGuard.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RawBodyRequest<Request>>();
    const secret = this.config.channels.meta.appSecret;
    const header = req.header('x-hub-signature-256') ?? '';
    if (!secret || !header || !verifyMetaSignature(secret, rawBodyOf(req), header)) {
      this.logger.warn({ reason: secret ? (header ? 'bad signature' : 'no signature') : 'META_APP_SECRET not set' }, 'rejected a WhatsApp webhook');
      throw new ForbiddenException('Invalid signature');
    }
    return true;
  }
}
