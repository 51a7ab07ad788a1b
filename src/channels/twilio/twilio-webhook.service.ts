import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DeliveryStatusService } from '../delivery/delivery-status.service.js';
import { InboundService } from '../inbound/inbound.service.js';
import { parseTwilioInbound, parseTwilioStatus, type TwilioParams } from './twilio-webhook.parser.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Use cases behind Twilio's webhooks (already signature-checked by TwilioSignatureGuard). */
@Injectable()
export class TwilioWebhookService {
  private readonly logger = new Logger(TwilioWebhookService.name);

  constructor(private readonly inbound: InboundService, private readonly statuses: DeliveryStatusService, private readonly clock: Clock) {}

  async receiveMessage(params: TwilioParams): Promise<void> {
    const parsed = parseTwilioInbound(params, this.clock.now());
    if (!parsed.ok) {
      this.logger.warn({ providerMessageId: parsed.providerMessageId, reason: parsed.reason }, 'Twilio message declined');
      return;
    }
    await this.inbound.accept(parsed.message);
  }

  /** `messageId` is ours, from the StatusCallback URL we gave Twilio (covered by the signature). */
  async receiveStatus(params: TwilioParams, messageId: string | undefined): Promise<void> {
    const parsed = parseTwilioStatus(params);
    if (!parsed) return;
    await this.statuses.apply({ provider: 'twilio', ...parsed, messageId: messageId && UUID.test(messageId) ? messageId : null });
  }
}
