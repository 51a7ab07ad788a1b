import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { WHATSAPP_LIMITS } from '../../conversation/render/index.js';
import type { Channel } from '../../generated/prisma/enums.js';
import { type ChannelAdapter, type ChannelCapabilities, ChannelSendError, type OutboundSend, type SenderConfig } from '../channel-adapter.js';
import { metaMessageBody } from './meta-message-body.js';

const TIMEOUT_MS = 15_000;

/**
 * Meta's WhatsApp Cloud API: POST {base}/{version}/{phone_number_id}/messages with the system user's
 * bearer token. Text, reply buttons, lists and templates (meta-message-body.ts).
 */
@Injectable()
export class MetaWhatsAppAdapter implements ChannelAdapter {
  readonly provider = 'meta' as const;
  readonly capabilities: Readonly<Partial<Record<Channel, ChannelCapabilities>>> = {
    whatsapp: { buttons: true, lists: true, templates: true, maxTextLength: WHATSAPP_LIMITS.text, customerServiceWindow: true },
  };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(message: OutboundSend, sender: SenderConfig): Promise<{ providerMessageId: string }> {
    const { accessToken, graphBaseUrl, apiVersion } = this.config.channels.meta;
    if (!accessToken) throw new ChannelSendError('retryable', 'not_configured', 'META_WHATSAPP_TOKEN is not set');
    if (!sender.externalId) throw new ChannelSendError('permanent', 'no_phone_number_id', 'The clinic number has no phone_number_id (clinic_channels.external_id)');
    let response: Response;
    try {
      response = await fetch(`${graphBaseUrl}/${apiVersion}/${encodeURIComponent(sender.externalId)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(metaMessageBody(message.to, message.content)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ChannelSendError('retryable', 'network', (error as Error).message);
    }
    const body = (await response.json().catch(() => null)) as { messages?: { id?: string }[]; error?: { code?: number; message?: string; error_subcode?: number } } | null;
    const id = body?.messages?.[0]?.id;
    if (response.ok && id) return { providerMessageId: id };
    throw classify(response.status, body?.error);
  }
}

/** Graph API error codes that mean "try again later". */
const RETRYABLE = new Set([1, 2, 4, 17, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

/**
 * Graph API errors: `{ error: { code, message, … } }`. 131047: more than 24 hours since the patient
 * wrote (a template is needed). Rate limits, throttling, temporary service errors and 5xx are
 * retried; an expired token (190, 401) too — an operator can fix it while the job backs off. The rest
 * (bad parameters, undeliverable, template problems) is permanent.
 */
export function classify(status: number, error: { code?: number; message?: string } | undefined): ChannelSendError {
  const code = error?.code !== undefined ? String(error.code) : `http_${status}`;
  const message = error?.message ?? `Graph API answered ${status}`;
  if (error?.code === 131047) return new ChannelSendError('outside_window', code, message);
  if (status >= 500 || status === 429 || status === 401 || error?.code === 190 || (error?.code !== undefined && RETRYABLE.has(error.code))) {
    return new ChannelSendError('retryable', code, message);
  }
  return new ChannelSendError('permanent', code, message);
}
