import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import { Clock } from '../../common/clock.js';
import type { PhiCipher } from '../../common/crypto/phi-cipher.js';
import { type RenderedMessage, renderForChannel, renderingFromStorage } from '../../conversation/render/index.js';
import { PHI_CIPHER } from '../../patients/phi.module.js';
import { ChannelAdapterRegistry } from '../channel-adapter.registry.js';
import { type ChannelAdapter, type ChannelCapabilities, ChannelSendError, type OutboundContent, type SenderConfig, type TemplateContent } from '../channel-adapter.js';
import { ChannelRepository } from '../channel.repository.js';
import { parseChannelSettings, templateFor } from '../channel-settings.js';
import { insideCustomerServiceWindow, mayReachAddress } from '../delivery/delivery-policy.js';
import { DeliveryStatusService, TWILIO_OPTED_OUT } from '../delivery/delivery-status.service.js';
import { redactProviderError } from '../delivery/redact-provider-error.js';
import { SmsFallbackService } from '../delivery/sms-fallback.service.js';
import { type MessagePurpose, purposeOf } from '../templates/message-purpose.js';
import { PurposeTemplates } from '../templates/purpose-templates.service.js';
import { fillTemplateVariables } from '../templates/template-variables.js';
import { SenderRateLimiter } from './sender-rate-limiter.js';
import { type SentRecord, SentMarker } from './sent-marker.js';

export const SEND_MESSAGE_JOB = 'send-message';

/** Payload of a `send-message` job (queues outbound-sms / outbound-whatsapp, id `send-<messageId>`). */
export interface SendMessageJobData {
  /** messages.id of a stored outbound message; everything else is re-read when the job runs. */
  messageId: string;
}

/** What the worker does after a run: nothing more, or run the job again later without counting an attempt. */
export type SendOutcome =
  | { kind: 'done'; result: 'sent' | 'skipped' | 'failed' | 'nothing_to_do' }
  | { kind: 'defer'; ms: number; reason: 'earlier_reply_pending' | 'rate_limited'; waitingFor?: { id: string; channel: 'sms' | 'whatsapp' } };

export interface Attempt { number: number; max: number }

/** An earlier reply still queued after this long no longer holds later ones back (its job is presumably lost; the sweeper requeues it). */
const ORDER_HORIZON_MS = 10 * 60 * 1000;
const ORDER_POLL_MS = 150;
/** How long a send's result is retried into Postgres before the job gives up (the marker remains). */
const RECORD_SENT_PATIENCE_MS = 30_000;

type Loaded = NonNullable<Awaited<ReturnType<ChannelRepository['findForSend']>>>;

/**
 * Sends one stored outbound message. Everything is re-checked when the job runs, because time passes
 * between the turn and the send (retries, rate limits, an outage):
 * 1. the message is still `queued` (a retried or duplicated job does nothing);
 * 2. earlier replies of the conversation have left (a conversation's replies leave in order);
 * 3. the address has not opted out on this channel (except the STOP confirmation itself, see
 *    delivery-policy.ts `mayReachAddress`);
 * 4. on WhatsApp Business senders, the 24-hour customer-service window is open. Outside it only an
 *    approved template may go: a clinic-initiated message (reminder, confirmation, waitlist offer…,
 *    `choices.purpose`) goes as its purpose's template, every one on its own; a chat reply goes as the
 *    number's re-engagement template (once until the patient writes again). Without a template the
 *    message is skipped with reason `outside_window` — and a notification it carried is marked skipped;
 * 5. the sending number has a token left (per-number rate limit);
 * then the adapter sends and the message becomes `sent` with the provider's id. Provider errors are
 * classified (ChannelSendError): retryable ones throw so BullMQ retries with exponential backoff; the
 * last attempt, and permanent errors, mark the message `failed` with the provider's code — a WhatsApp
 * failure then falls back to SMS (SmsFallbackService); Twilio 21610 records the opt-out, no retry.
 */
@Injectable()
export class SendMessageJob {
  private readonly logger = new Logger(SendMessageJob.name);

  constructor(
    private readonly repository: ChannelRepository,
    private readonly adapters: ChannelAdapterRegistry,
    private readonly limiter: SenderRateLimiter,
    private readonly statuses: DeliveryStatusService,
    private readonly fallback: SmsFallbackService,
    private readonly audit: AuditRepository,
    private readonly sentMarker: SentMarker,
    private readonly clock: Clock,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
    private readonly purposeTemplates: PurposeTemplates,
  ) {}

  async run(data: SendMessageJobData, attempt: Attempt): Promise<SendOutcome> {
    const message = await this.repository.findForSend(data.messageId);
    if (!message || message.direction !== 'outbound' || message.status !== 'queued') return done('nothing_to_do');
    const alreadySent = await this.sentMarker.recall(message.id);
    if (alreadySent) {
      // An earlier attempt reached the provider but could not record it: record it, never resend.
      await this.recordSent(message.id, alreadySent);
      await this.statuses.applyParked(message.provider, alreadySent.providerMessageId);
      return done('sent');
    }
    const conversation = message.conversation;
    const now = this.clock.now();

    const earlier = await this.repository.findEarlierQueued(conversation.id, message.seq, new Date(now.getTime() - ORDER_HORIZON_MS));
    if (earlier) return { kind: 'defer', ms: ORDER_POLL_MS, reason: 'earlier_reply_pending', waitingFor: earlier };

    const optedOutAt = conversation.optedOutAt ?? (message.channel === 'sms' ? conversation.patient?.smsOptedOutAt : conversation.patient?.whatsappOptedOutAt) ?? null;
    let confirmation = false;
    if (optedOutAt) {
      const laterTurn = await this.repository.hasTurnBetween(conversation.id, message.createdAt, optedOutAt);
      const decision = mayReachAddress({ optedOutAt, message: { createdAt: message.createdAt, replyToId: message.replyToId }, laterTurnBeforeOptOut: laterTurn });
      if (!decision.allowed) return this.skip(message, 'opted_out', 'The patient opted out of this channel');
      confirmation = decision.confirmation;
    }

    const senderRow = await this.repository.findSender(message.clinicId, message.channel, message.provider, conversation.clinicAddress);
    if (!senderRow) return this.fail(message, 'no_sender', `No active ${message.provider} ${message.channel} number for this conversation`);
    const adapter = this.adapters.get(message.provider);
    const capabilities = adapter?.capabilities[message.channel];
    if (!adapter || !capabilities) return this.fail(message, 'no_adapter', `${message.provider} cannot send ${message.channel}`);
    const { settings, problems } = parseChannelSettings(senderRow.settings);
    if (problems.length) this.logger.warn({ clinicChannelId: senderRow.id, problems }, 'ignoring invalid clinic_channels.settings');
    const sender: SenderConfig = {
      clinicChannelId: senderRow.id, clinicId: senderRow.clinicId, provider: senderRow.provider, channel: senderRow.channel,
      address: senderRow.address, externalId: senderRow.externalId, settings,
    };

    let content: OutboundContent = { kind: 'rendered', message: this.renderFor(message, capabilities) };
    if (capabilities.customerServiceWindow && !confirmation && !insideCustomerServiceWindow(conversation.lastInboundAt, now)) {
      const template = await this.windowTemplate(message, sender, senderRow.clinic.name);
      if (typeof template === 'string') return this.skip(message, 'outside_window', template);
      content = template;
    }

    const wait = await this.limiter.take(message.channel, sender.address);
    if (wait > 0) return { kind: 'defer', ms: wait, reason: 'rate_limited' };

    await this.repository.countAttempt(message.id);
    const phone = this.cipher.decrypt(conversation.addressEnc);
    try {
      return await this.send(adapter, message, sender, phone, content);
    } catch (error) {
      if (error instanceof ChannelSendError && error.kind === 'outside_window' && content.kind === 'rendered') {
        // The provider says the window closed (its clock is the one that counts): retry as the template.
        const template = await this.windowTemplate(message, sender, senderRow.clinic.name);
        if (typeof template === 'string') return this.skip(message, 'outside_window', template);
        try {
          return await this.send(adapter, message, sender, phone, template);
        } catch (again) {
          return this.onError(again, message, attempt);
        }
      }
      return this.onError(error, message, attempt);
    }
  }

  private async send(adapter: ChannelAdapter, message: Loaded, sender: SenderConfig, phone: string, content: OutboundContent): Promise<SendOutcome> {
    const { providerMessageId } = await adapter.send({ messageId: message.id, channel: message.channel, to: phone, from: sender.address, content }, sender);
    const sentAs = content.kind === 'template' ? 'template' : content.message.kind === 'text' ? 'text' : 'interactive';
    const record = { providerMessageId, sentAs, templateName: content.kind === 'template' ? content.name : null };
    await this.sentMarker.remember(message.id, record);
    await this.recordSent(message.id, record);
    await this.statuses.applyParked(message.provider, providerMessageId);
    this.logger.log({ messageId: message.id, conversationId: message.conversationId, providerMessageId, sentAs }, 'message sent');
    return done('sent');
  }

  /**
   * Saves that the provider accepted the message, retrying through a short database outage: a
   * failure here must not reach the job's retry as if the send had failed (the SentMarker is the
   * backstop when it does).
   */
  private async recordSent(messageId: string, record: SentRecord): Promise<void> {
    for (let waited = 0, delay = 100; ; waited += delay, delay = Math.min(delay * 2, 2_000)) {
      try {
        await this.repository.markSent(messageId, { ...record, at: this.clock.now() });
        return;
      } catch (error) {
        if (waited >= RECORD_SENT_PATIENCE_MS) throw error;
        this.logger.warn({ messageId }, 'could not record a sent message yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** The stored rendering, downgraded to numbered text where the channel cannot show buttons or lists. */
  private renderFor(message: Loaded, capabilities: ChannelCapabilities): RenderedMessage {
    const stored = message.choices as { neutral?: { id: string; label: string }[]; rendered?: RenderedMessage } | null;
    const text = this.cipher.decrypt(message.bodyEnc);
    const rendered: RenderedMessage = stored?.rendered ? renderingFromStorage(stored.rendered, text) : { kind: 'text', text };
    const interactiveOk = (rendered.kind === 'buttons' && capabilities.buttons) || (rendered.kind === 'list' && capabilities.lists);
    if (rendered.kind === 'text' || interactiveOk) return rendered;
    const language = message.conversation.language === 'es' ? 'es' : 'en';
    return renderForChannel({ text: rendered.text, choices: stored?.neutral ?? [] }, 'sms', language);
  }

  /** The approved template to send instead of a free-form message, or why there is none. */
  private async windowTemplate(message: Loaded, sender: SenderConfig, clinicName: string): Promise<TemplateContent | string> {
    const purpose = purposeOf(message.choices);
    if (!purpose) return this.reengagementTemplate(message, sender, clinicName);
    const choiceIds = ((message.choices as { neutral?: { id: string }[] }).neutral ?? []).map((c) => c.id);
    return this.purposeTemplates.build(purpose, sender, message.conversation.language, choiceIds);
  }

  private async reengagementTemplate(message: Loaded, sender: SenderConfig, clinicName: string): Promise<TemplateContent | string> {
    const setting = templateFor(sender.settings, 'reengagement', message.conversation.language);
    if (!setting) return 'Outside the 24-hour WhatsApp window and no re-engagement template is configured for this number';
    if (sender.provider === 'twilio' && !setting.contentSid) return 'Outside the 24-hour WhatsApp window and the re-engagement template has no Twilio ContentSid';
    if (await this.repository.templateSentSince(message.conversationId, message.conversation.lastInboundAt)) {
      return 'Outside the 24-hour WhatsApp window; the re-engagement template was already sent and the patient has not answered yet';
    }
    return { kind: 'template', name: setting.name, language: setting.language, contentSid: setting.contentSid ?? null, variables: fillTemplateVariables(setting.variables, { clinicName }) };
  }

  private async onError(error: unknown, message: Loaded, attempt: Attempt): Promise<SendOutcome> {
    const failure = error instanceof ChannelSendError ? error : new ChannelSendError('retryable', 'network', (error as Error)?.message ?? String(error));
    const detail = redactProviderError(failure.message) ?? 'send failed';
    if (failure.kind === 'opted_out' || failure.providerCode === TWILIO_OPTED_OUT) {
      await this.repository.finish(message.id, 'failed', this.clock.now(), failure.providerCode, detail);
      await this.repository.recordProviderOptOut(message.conversationId, message.conversation.patientId, message.channel, this.clock.now());
      await this.audit.append({
        clinicId: message.clinicId, actor: { type: 'system', id: null }, action: 'message.recipient_opted_out', entityType: 'message', entityId: message.id,
        patientId: message.conversation.patientId, details: { channel: message.channel, provider: message.provider, errorCode: failure.providerCode },
      });
      this.logger.warn({ messageId: message.id, errorCode: failure.providerCode }, 'recipient opted out at the provider; not retrying');
      return done('failed');
    }
    const last = attempt.number >= attempt.max;
    if (failure.kind === 'retryable' && !last) {
      this.logger.warn({ messageId: message.id, errorCode: failure.providerCode, attempt: attempt.number, of: attempt.max }, 'send failed; will retry');
      throw failure;
    }
    await this.repository.finish(message.id, 'failed', this.clock.now(), failure.providerCode, detail);
    this.logger.warn({ messageId: message.id, errorCode: failure.providerCode, kind: failure.kind, attempts: attempt.number }, 'send failed for good');
    if (message.channel === 'whatsapp') await this.fallback.onFinalFailure(message.id, { code: failure.providerCode, message: detail });
    return done('failed');
  }

  private async skip(message: Loaded, code: string, reason: string): Promise<SendOutcome> {
    const notificationId = notificationOf(purposeOf(message.choices));
    await this.repository.finish(message.id, 'skipped', this.clock.now(), code, reason, notificationId ? { notificationId, channel: message.channel } : undefined);
    this.logger.log({ messageId: message.id, conversationId: message.conversationId, reason: code }, 'message skipped');
    return done('skipped');
  }

  private async fail(message: Loaded, code: string, reason: string): Promise<SendOutcome> {
    await this.repository.finish(message.id, 'failed', this.clock.now(), code, reason);
    this.logger.error({ messageId: message.id, conversationId: message.conversationId, errorCode: code }, 'message cannot be sent');
    return done('failed');
  }
}

/** The notification a message carries, whose row must say so when the message is not sent. */
function notificationOf(purpose: MessagePurpose | null): string | null {
  return purpose && 'notificationId' in purpose ? (purpose.notificationId ?? null) : null;
}

function done(result: 'sent' | 'skipped' | 'failed' | 'nothing_to_do'): SendOutcome {
  return { kind: 'done', result };
}

