import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Channel } from '../../generated/prisma/enums.js';
import { type ChannelAdapter, type ChannelCapabilities, ChannelSendError, type OutboundSend, type SenderConfig } from '../channel-adapter.js';
import { fitText } from '../delivery/delivery-policy.js';

type RequestOptions<T> = RequestClient.RequestOptions<T>;

const TWILIO_DEFAULT_BASE = 'https://api.twilio.com';
/** Twilio's Body limit (Messages API). */
const MAX_BODY = 1_600;

/**
 * Twilio Programmable Messaging for SMS and WhatsApp senders, through the official `twilio` client.
 *
 * WhatsApp through Twilio cannot carry interactive buttons or lists without pre-registered Content
 * templates, so its capabilities say no buttons/lists: the send job turns choices into numbered text
 * ("1 Tuesday 9:00  2 …"), which the dialog understands as well as a tap. Outside WhatsApp's 24-hour
 * window the job sends the number's approved template by ContentSid + ContentVariables.
 */
@Injectable()
export class TwilioAdapter implements ChannelAdapter {
  readonly provider = 'twilio' as const;
  readonly capabilities: Readonly<Partial<Record<Channel, ChannelCapabilities>>> = {
    sms: { buttons: false, lists: false, templates: false, maxTextLength: MAX_BODY, customerServiceWindow: false },
    whatsapp: { buttons: false, lists: false, templates: true, maxTextLength: MAX_BODY, customerServiceWindow: true },
  };
  private client: twilio.Twilio | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(message: OutboundSend, sender: SenderConfig): Promise<{ providerMessageId: string }> {
    const address = (e164: string) => (message.channel === 'whatsapp' ? `whatsapp:${e164}` : e164);
    const params: Record<string, string> = {
      to: address(message.to),
      from: address(sender.address),
      // Our id rides in the callback URL (signed by Twilio with the rest), so a callback that beats our own bookkeeping still finds the message.
      statusCallback: `${this.config.http.publicBaseUrl}/webhooks/twilio/status?messageId=${message.messageId}`,
    };
    if (message.content.kind === 'template') {
      if (!message.content.contentSid) throw new ChannelSendError('permanent', 'template_not_configured', 'The template has no Twilio ContentSid');
      params.contentSid = message.content.contentSid;
      params.contentVariables = JSON.stringify(Object.fromEntries(message.content.variables.map((v, i) => [String(i + 1), v])));
    } else {
      params.body = fitText(asText(message.content.message), MAX_BODY);
    }
    try {
      const created = await this.twilio().messages.create(params as unknown as Parameters<twilio.Twilio['messages']['create']>[0]);
      return { providerMessageId: created.sid };
    } catch (error) {
      throw classify(error);
    }
  }

  private twilio(): twilio.Twilio {
    if (this.client) return this.client;
    const { accountSid, authToken, apiBaseUrl, edge } = this.config.channels.twilio;
    if (!accountSid || !authToken) throw new ChannelSendError('retryable', 'not_configured', 'TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN are not set');
    const custom = apiBaseUrl !== TWILIO_DEFAULT_BASE;
    this.client = twilio(accountSid, authToken, {
      // Tests and the benchmark point the client at a local fake that speaks Twilio's wire format.
      httpClient: custom ? new BaseUrlRequestClient(apiBaseUrl) : undefined,
      edge: custom ? undefined : (edge ?? undefined),
      autoRetry: false,
    });
    return this.client;
  }
}

/** Renders what the job handed over as plain text (interactive messages arrive already downgraded; this is the safety net). */
function asText(rendered: Extract<OutboundSend['content'], { kind: 'rendered' }>['message']): string {
  if (rendered.kind === 'text') return rendered.text;
  const options = rendered.kind === 'buttons' ? rendered.buttons.map((b) => b.title) : rendered.rows.map((r) => r.description ?? r.title);
  return `${rendered.text}\n${options.map((o, i) => `${i + 1} ${o}`).join('\n')}`;
}

/** Sends every request of the client to another base URL (keeps path and query). */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super({ timeout: 15_000, keepAlive: true });
  }

  override request<T>(opts: RequestOptions<T>) {
    const target = new URL(opts.uri);
    return super.request<T>({ ...opts, uri: `${this.base}${target.pathname}${target.search}` });
  }
}

/**
 * Twilio REST errors carry `status` (HTTP) and `code` (Twilio error code). 21610: the recipient
 * replied STOP — never retried. 63016: WhatsApp free-form outside the 24-hour window. 429/20429
 * (too many requests), 5xx and network errors are retried; other 4xx are permanent.
 */
export function classify(error: unknown): ChannelSendError {
  if (error instanceof ChannelSendError) return error;
  const e = error as { status?: number; code?: number | string; message?: string };
  const code = e.code !== undefined && e.code !== null ? String(e.code) : e.status ? `http_${e.status}` : 'network';
  const message = e.message ?? 'Twilio request failed';
  if (code === '21610') return new ChannelSendError('opted_out', code, message);
  if (code === '63016') return new ChannelSendError('outside_window', code, message);
  if (!e.status || e.status >= 500 || e.status === 429 || code === '20429' || e.status === 401) return new ChannelSendError('retryable', code, message);
  return new ChannelSendError('permanent', code, message);
}
