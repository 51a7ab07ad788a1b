import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { normalizePhone } from '../../common/phone.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { ChannelRepository } from '../channel.repository.js';
import { DeliveryStatusService } from '../delivery/delivery-status.service.js';
import { InboundService } from '../inbound/inbound.service.js';
import { parseMetaWebhook } from './meta-webhook.parser.js';

/** Use cases behind Meta's webhook (the POST is signature-checked by MetaSignatureGuard). */
@Injectable()
export class MetaWebhookService {
  private readonly logger = new Logger(MetaWebhookService.name);

  constructor(
    private readonly inbound: InboundService,
    private readonly statuses: DeliveryStatusService,
    private readonly repository: ChannelRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The subscription handshake: the challenge when mode and verify token match, else null. */
  verifySubscription(mode: unknown, token: unknown, challenge: unknown): string | null {
    const expected = this.config.channels.meta.verifyToken;
    if (!expected || mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
    const a = Buffer.from(token);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b) ? challenge : null;
  }

  async receive(payload: unknown): Promise<void> {
    const parsed = parseMetaWebhook(payload, this.clock.now());
    for (const declined of parsed.declined) this.logger.log({ providerMessageId: declined.id, reason: declined.reason }, 'WhatsApp webhook item declined');
    const numbers = new Map<string, string | null>();
    for (const item of parsed.messages) {
      const key = `${item.phoneNumberId}|${item.displayPhoneNumber}`;
      if (!numbers.has(key)) numbers.set(key, await this.clinicNumber(item.phoneNumberId, item.displayPhoneNumber));
      const to = numbers.get(key);
      if (!to) {
        this.logger.warn({ phoneNumberId: item.phoneNumberId, providerMessageId: item.message.providerMessageId }, 'message to a WhatsApp number no clinic uses; ignored');
        continue;
      }
      await this.inbound.accept({ ...item.message, to });
    }
    for (const status of parsed.statuses) {
      await this.statuses.apply({ provider: 'meta', providerMessageId: status.providerMessageId, status: status.status, errorCode: status.errorCode, errorMessage: status.errorMessage });
    }
  }

  /** Routes by phone_number_id (clinic_channels.external_id), else by the display number. */
  private async clinicNumber(phoneNumberId: string | null, displayPhoneNumber: string | null): Promise<string | null> {
    if (phoneNumberId) {
      const byId = await this.repository.findByExternalId('meta', phoneNumberId);
      if (byId) return byId.address;
    }
    const display = displayPhoneNumber ? normalizePhone(displayPhoneNumber) : null;
    if (!display) return null;
    const byNumber = await this.repository.findNumber('meta', 'whatsapp', display);
    return byNumber?.address ?? null;
  }
}
