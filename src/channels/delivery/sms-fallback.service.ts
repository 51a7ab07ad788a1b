import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import { Clock } from '../../common/clock.js';
import type { PhiCipher } from '../../common/crypto/phi-cipher.js';
import { ConversationRepository } from '../../conversation/conversation.repository.js';
import { renderForChannel, renderingForStorage } from '../../conversation/render/index.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { PHI_CIPHER } from '../../patients/phi.module.js';
import { ChannelRepository } from '../channel.repository.js';
import { parseChannelSettings } from '../channel-settings.js';
import { OutboundDispatcher } from '../outbound-dispatcher.js';

export interface FinalFailure { code: string; message: string | null }

/**
 * What happens when a WhatsApp message finally fails (the provider refused it, every retry failed, or
 * a `failed`/`undelivered` callback came in): staff see it on the message row (status + error) and in
 * the audit log, and — unless the clinic turned it off or the patient opted out of SMS — the same text
 * goes by SMS from the clinic's SMS number, with numbered options instead of buttons. The SMS is its
 * own message in the patient's SMS conversation, linked by `fallback_for_id`, which is unique: a
 * failure falls back once however many callbacks report it.
 */
@Injectable()
export class SmsFallbackService {
  private readonly logger = new Logger(SmsFallbackService.name);

  constructor(
    private readonly repository: ChannelRepository,
    private readonly conversations: ConversationRepository,
    private readonly audit: AuditRepository,
    private readonly dispatcher: OutboundDispatcher,
    private readonly clock: Clock,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
  ) {}

  async onFinalFailure(messageId: string, failure: FinalFailure): Promise<void> {
    const message = await this.repository.findMessage(messageId);
    if (!message || message.direction !== 'outbound' || message.channel !== 'whatsapp') return;
    const conversation = await this.repository.findConversation(message.conversationId);
    if (!conversation) return;
    const outcome = await this.fallBack(message, conversation, failure);
    this.logger.warn({ messageId, conversationId: conversation.id, errorCode: failure.code, fallback: outcome.fallback, fallbackMessageId: outcome.fallbackMessageId }, 'WhatsApp message failed');
    await this.audit.append({
      clinicId: message.clinicId, actor: { type: 'system', id: null }, action: 'message.delivery_failed', entityType: 'message', entityId: message.id,
      patientId: conversation.patientId, reason: outcome.reason,
      details: { channel: 'whatsapp', provider: message.provider, errorCode: failure.code, fallback: outcome.fallback, fallbackMessageId: outcome.fallbackMessageId },
    });
  }

  private async fallBack(
    message: NonNullable<Awaited<ReturnType<ChannelRepository['findMessage']>>>,
    conversation: NonNullable<Awaited<ReturnType<ChannelRepository['findConversation']>>>,
    failure: FinalFailure,
  ): Promise<{ fallback: 'sms' | 'none'; fallbackMessageId: string | null; reason: string }> {
    const none = (reason: string) => ({ fallback: 'none' as const, fallbackMessageId: null, reason });
    if (failure.code === 'opted_out' || conversation.optedOutAt) return none('patient opted out of WhatsApp');
    const sender = await this.repository.findSender(message.clinicId, 'whatsapp', message.provider, conversation.clinicAddress);
    if (sender && !parseChannelSettings(sender.settings).settings.smsFallback) return none('SMS fallback is turned off for this number');
    const sms = await this.repository.findClinicSmsNumber(message.clinicId);
    if (!sms) return none('the clinic has no SMS number');
    if (conversation.patient?.smsOptedOutAt) return none('patient opted out of SMS');
    const smsConversation = await this.conversations.upsert({
      clinicId: message.clinicId, channel: 'sms', clinicAddress: sms.address, addressHash: conversation.addressHash,
      addressEnc: conversation.addressEnc, patientId: conversation.patientId,
    });
    if (smsConversation.optedOutAt) return none('patient opted out of SMS');

    const stored = message.choices as { neutral?: { id: string; label: string }[] } | null;
    const rendered = renderForChannel({ text: this.cipher.decrypt(message.bodyEnc), choices: stored?.neutral ?? [] }, 'sms', conversation.language === 'es' ? 'es' : 'en');
    const inserted = await this.repository.insertFallback({
      clinicId: message.clinicId, conversationId: smsConversation.id, provider: sms.provider, fallbackForId: message.id, at: this.clock.now(),
      bodyEnc: this.cipher.encrypt(rendered.text), choices: { neutral: stored?.neutral ?? [], rendered: renderingForStorage(rendered) } as unknown as Prisma.InputJsonValue,
    });
    if (!inserted) return { fallback: 'sms', fallbackMessageId: null, reason: 'already fell back to SMS' };
    await this.dispatcher.dispatch([inserted.id]);
    return { fallback: 'sms', fallbackMessageId: inserted.id, reason: 'sent the text by SMS instead' };
  }
}
