import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, Logger, type RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import twilio from 'twilio';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { publicUrlOf, rawBodyOf } from '../raw-body.js';
import type { TwilioParams } from './twilio-webhook.parser.js';

/** Where the guard leaves the verified parameters for the controller. */
export const TWILIO_PARAMS = Symbol('twilioParams');
export type TwilioRequest = RawBodyRequest<Request> & { [TWILIO_PARAMS]?: TwilioParams };

/**
 * Checks X-Twilio-Signature with the official `twilio` package: HMAC-SHA1 (auth token) over the full
 * URL Twilio called — PUBLIC_BASE_URL + path + query, so it holds behind a proxy — plus the sorted POST
 * parameters, taken from the raw body. JSON-bodied webhooks are signed over the URL with a
 * `bodySHA256` query parameter instead. A missing or wrong signature (or no token configured) is a
 * 403 and nothing is read further.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger(TwilioSignatureGuard.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<TwilioRequest>();
    const token = this.config.channels.twilio.authToken;
    const signature = req.header('x-twilio-signature') ?? '';
    const url = publicUrlOf(this.config.http.publicBaseUrl, req);
    const raw = rawBodyOf(req).toString('utf8');
    const json = (req.header('content-type') ?? '').includes('application/json');
    const params = json ? jsonParams(raw) : Object.fromEntries(new URLSearchParams(raw));
    const valid = Boolean(token) && signature.length > 0 && params !== null && (json
      ? twilio.validateRequestWithBody(token!, signature, url, raw)
      : twilio.validateRequest(token!, signature, url, params));
    if (!valid) {
      this.logger.warn({ path: req.path, reason: token ? (signature ? 'bad signature' : 'no signature') : 'TWILIO_AUTH_TOKEN not set' }, 'rejected a Twilio webhook');
      throw new ForbiddenException('Invalid Twilio signature');
    }
    req[TWILIO_PARAMS] = params!;
    return true;
  }
}

function jsonParams(raw: string): TwilioParams | null {
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && typeof v !== 'object').map(([k, v]) => [k, String(v)]));
  } catch {
    return null;
  }
}
