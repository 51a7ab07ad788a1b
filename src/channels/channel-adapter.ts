import { DomainError } from '../common/errors.js';
import type { RenderedMessage } from '../conversation/render/index.js';
import type { Channel, ChannelProvider } from '../generated/prisma/enums.js';
import type { ChannelSettings } from './channel-settings.js';

/** What one channel of a provider can show. */
export interface ChannelCapabilities {
  /** Interactive reply buttons (≤ 3). */
  buttons: boolean;
  /** Interactive lists (≤ 10 rows). */
  lists: boolean;
  /** Pre-approved templates, the only thing WhatsApp lets a business send outside the 24-hour window. */
  templates: boolean;
  /** Longest text body the adapter sends; longer text is cut (with an ellipsis) before sending. */
  maxTextLength: number;
  /** Whether WhatsApp's 24-hour customer-service window applies (Business API senders only). */
  customerServiceWindow: boolean;
}

/** An approved template with its body variables, in order ({{1}}, {{2}}…). */
export interface TemplateContent {
  kind: 'template';
  /** Meta template name (Cloud API) — also recorded on the message for staff. */
  name: string;
  /** Meta language/locale code, e.g. en_US. */
  language: string;
  /** Twilio Content API template (HX…), for Twilio WhatsApp senders. */
  contentSid: string | null;
  variables: string[];
  /**
   * Payloads of the template's quick-reply buttons by index (Meta sets them per message; a Twilio
   * Content template defines its own). A tap comes back as this payload, i.e. a choice id.
   */
  quickReplyPayloads?: string[];
}

/** What to send: a reply as rendered for the channel, or a template. */
export type OutboundContent = { kind: 'rendered'; message: RenderedMessage } | TemplateContent;

export interface OutboundSend {
  /** Our messages.id; adapters use it to correlate delivery callbacks. */
  messageId: string;
  channel: Channel;
  /** The patient, E.164. */
  to: string;
  /** The clinic's sending number, E.164. */
  from: string;
  content: OutboundContent;
}

/** The clinic number a message leaves from (a clinic_channels row; secrets come from the config). */
export interface SenderConfig {
  clinicChannelId: string;
  clinicId: string;
  provider: ChannelProvider;
  channel: Channel;
  address: string;
  /** Provider-side id of the number: Meta's phone_number_id. */
  externalId: string | null;
  settings: ChannelSettings;
}

/**
 * One provider's way of sending. Parsing and signature checks of its webhooks live in the provider's
 * controller/guard and webhook service; the adapter only sends and says what it can show.
 */
export interface ChannelAdapter {
  readonly provider: ChannelProvider;
  /** The channels this provider carries and what each can show. */
  readonly capabilities: Readonly<Partial<Record<Channel, ChannelCapabilities>>>;
  send(message: OutboundSend, sender: SenderConfig): Promise<{ providerMessageId: string }>;
}

/** Every adapter the app has, by provider (the channel module provides the list). */
export const CHANNEL_ADAPTERS = Symbol('CHANNEL_ADAPTERS');

/**
 * How a send failed, which decides what the job does next:
 * - `retryable`: provider or network trouble, rate limits — BullMQ retries with backoff;
 * - `permanent`: the provider refused this message for good (bad number, policy) — failed, no retry;
 * - `opted_out`: the recipient opted out at the provider (Twilio 21610) — recorded as an opt-out, no retry;
 * - `outside_window`: WhatsApp's 24-hour window had closed (Meta 131047, Twilio 63016) — a template is needed.
 */
export type SendFailureKind = 'retryable' | 'permanent' | 'opted_out' | 'outside_window';

export class ChannelSendError extends DomainError {
  constructor(
    readonly kind: SendFailureKind,
    /** The provider's own error code (Twilio's `code`, Graph API's `error.code`), or ours for local causes. */
    readonly providerCode: string,
    message: string,
  ) {
    super('CHANNEL_SEND_FAILED', message, 502, { kind, providerCode });
  }
}
