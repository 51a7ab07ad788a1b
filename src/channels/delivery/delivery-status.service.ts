import { Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import { Clock } from '../../common/clock.js';
import type { ChannelProvider } from '../../generated/prisma/enums.js';
import { RedisService } from '../../redis/redis.service.js';
import { ChannelRepository } from '../channel.repository.js';
import { type OutboundStatus, isFailure } from './message-status.js';
import { redactProviderError } from './redact-provider-error.js';
import { SmsFallbackService } from './sms-fallback.service.js';

export interface StatusUpdate {
  provider: ChannelProvider;
  providerMessageId: string;
  status: OutboundStatus;
  errorCode: string | null;
  errorMessage: string | null;
  /** Our message id when the provider hands it back (Twilio's StatusCallback URL carries it). */
  messageId?: string | null;
}

/** Twilio: the recipient replied STOP; Twilio blocks every message to them until START. */
export const TWILIO_OPTED_OUT = '21610';
/** A callback for a message whose id we do not know yet waits this long for the send job to record it. */
const PARK_SECONDS = 15 * 60;

/**
 * Applies delivery callbacks (Twilio status callbacks, Meta statuses, WhatsApp Web acks) to messages.
 * Statuses only move forward (message-status.ts), so callbacks arriving out of order or twice are
 * harmless. A callback can beat the send job's own "sent" update (the provider answers our request
 * and calls the webhook at about the same time); when the message is not found by the provider's id it
 * is parked in Redis and applied as soon as the job records that id.
 */
@Injectable()
export class DeliveryStatusService {
  private readonly logger = new Logger(DeliveryStatusService.name);

  constructor(
    private readonly repository: ChannelRepository,
    private readonly fallback: SmsFallbackService,
    private readonly audit: AuditRepository,
    private readonly redis: RedisService,
    private readonly clock: Clock,
  ) {}

  async apply(update: StatusUpdate): Promise<'applied' | 'stale' | 'parked'> {
    const errorMessage = redactProviderError(update.errorMessage);
    if (update.messageId) await this.repository.setProviderIdIfMissing(update.messageId, update.provider, update.providerMessageId);
    const where = update.messageId ? { id: update.messageId } : { provider: update.provider, providerMessageId: update.providerMessageId };
    const changed = await this.repository.advanceStatus(where, update.status, this.clock.now(), { code: update.errorCode, message: errorMessage });
    if (!changed) {
      const known = update.messageId ? await this.repository.findMessage(update.messageId) : await this.findByProviderId(update.provider, update.providerMessageId);
      if (known) return 'stale';
      await this.park(update);
      return 'parked';
    }
    this.logger.log({ messageId: changed.id, providerMessageId: update.providerMessageId, status: update.status, errorCode: update.errorCode }, 'delivery status');
    if (isFailure(update.status)) await this.onFailure(changed, update.errorCode ?? 'unknown', errorMessage);
    return 'applied';
  }

  /** Applies callbacks that arrived before the send job stored the provider's id. */
  async applyParked(provider: ChannelProvider, providerMessageId: string): Promise<void> {
    const key = this.parkKey(provider, providerMessageId);
    const parked = await this.redis.client.multi().lrange(key, 0, -1).del(key).exec().catch(() => null);
    const items = (parked?.[0]?.[1] as string[] | undefined) ?? [];
    for (const item of items) await this.apply({ ...(JSON.parse(item) as StatusUpdate), messageId: null });
  }

  private async onFailure(message: { id: string; clinicId: string; conversationId: string; channel: string }, errorCode: string, errorMessage: string | null): Promise<void> {
    if (errorCode === TWILIO_OPTED_OUT) {
      const conversation = await this.repository.findConversation(message.conversationId);
      await this.repository.recordProviderOptOut(message.conversationId, conversation?.patientId ?? null, message.channel as 'sms' | 'whatsapp', this.clock.now());
      await this.audit.append({
        clinicId: message.clinicId, actor: { type: 'system', id: null }, action: 'message.recipient_opted_out', entityType: 'message', entityId: message.id,
        patientId: conversation?.patientId ?? null, details: { channel: message.channel, errorCode },
      });
      return;
    }
    if (message.channel === 'whatsapp') await this.fallback.onFinalFailure(message.id, { code: errorCode, message: errorMessage });
  }

  private findByProviderId(provider: ChannelProvider, providerMessageId: string) {
    return this.repository.findByProviderMessageId(provider, providerMessageId);
  }

  private async park(update: StatusUpdate): Promise<void> {
    const key = this.parkKey(update.provider, update.providerMessageId);
    await this.redis.client.multi().rpush(key, JSON.stringify({ ...update, messageId: null })).expire(key, PARK_SECONDS).exec()
      .catch((error: Error) => this.logger.warn({ providerMessageId: update.providerMessageId, err: error.message }, 'could not park an early status callback'));
  }

  private parkKey(provider: ChannelProvider, providerMessageId: string): string {
    return this.redis.key('status-parked', provider, providerMessageId);
  }
}
