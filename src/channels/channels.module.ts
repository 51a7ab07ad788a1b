import { Global, Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module.js';
import { ChannelAdapterRegistry } from './channel-adapter.registry.js';
import { CHANNEL_ADAPTERS } from './channel-adapter.js';
import { ChannelRepository } from './channel.repository.js';
import { ChannelSweeper } from './channel-sweeper.js';
import { ChannelWorkers } from './channel-workers.js';
import { DeliveryStatusService } from './delivery/delivery-status.service.js';
import { SmsFallbackService } from './delivery/sms-fallback.service.js';
import { InboundService } from './inbound/inbound.service.js';
import { ProcessConversationJob } from './inbound/process-conversation.job.js';
import { MetaSignatureGuard } from './meta-whatsapp/meta-signature.guard.js';
import { MetaWebhookController } from './meta-whatsapp/meta-webhook.controller.js';
import { MetaWebhookService } from './meta-whatsapp/meta-webhook.service.js';
import { MetaWhatsAppAdapter } from './meta-whatsapp/meta-whatsapp.adapter.js';
import { OutboundDispatcher } from './outbound-dispatcher.js';
import { QueueOutboundDispatcher } from './outbound/queue-outbound.dispatcher.js';
import { SendMessageJob } from './outbound/send-message.job.js';
import { SentMarker } from './outbound/sent-marker.js';
import { SenderRateLimiter } from './outbound/sender-rate-limiter.js';
import { PurposeTemplates } from './templates/purpose-templates.service.js';
import { TemplateFactsRepository } from './templates/template-facts.repository.js';
import { TwilioSignatureGuard } from './twilio/twilio-signature.guard.js';
import { TwilioWebhookController } from './twilio/twilio-webhook.controller.js';
import { TwilioWebhookService } from './twilio/twilio-webhook.service.js';
import { TwilioAdapter } from './twilio/twilio.adapter.js';
import { WhatsAppWebAdapter } from './whatsapp-web/whatsapp-web.adapter.js';
import { realWhatsAppWebClientFactory, WHATSAPP_WEB_CLIENT_FACTORY } from './whatsapp-web/whatsapp-web.client.js';
import { WhatsAppWebController } from './whatsapp-web/whatsapp-web.controller.js';
import { WhatsAppWebSession } from './whatsapp-web/whatsapp-web.session.js';

/**
 * Messaging channels: provider webhooks in (Twilio SMS/WhatsApp, Meta WhatsApp Cloud API, WhatsApp
 * Web), the conversation runtime in between, and queued, rate-limited, retried sends out, with
 * delivery callbacks. Global so the conversation runtime finds the OutboundDispatcher it calls after
 * each saved turn without importing this module (which imports it).
 */
@Global()
@Module({
  imports: [ConversationModule],
  controllers: [TwilioWebhookController, MetaWebhookController, WhatsAppWebController],
  providers: [
    ChannelRepository, ChannelAdapterRegistry, TwilioAdapter, MetaWhatsAppAdapter, WhatsAppWebAdapter, WhatsAppWebSession,
    { provide: WHATSAPP_WEB_CLIENT_FACTORY, useValue: realWhatsAppWebClientFactory },
    { provide: CHANNEL_ADAPTERS, inject: [TwilioAdapter, MetaWhatsAppAdapter, WhatsAppWebAdapter], useFactory: (...adapters: unknown[]) => adapters },
    QueueOutboundDispatcher, { provide: OutboundDispatcher, useExisting: QueueOutboundDispatcher },
    SenderRateLimiter, SentMarker, DeliveryStatusService, SmsFallbackService, SendMessageJob, ProcessConversationJob, InboundService,
    ChannelWorkers, ChannelSweeper, TwilioWebhookService, MetaWebhookService, TwilioSignatureGuard, MetaSignatureGuard,
    TemplateFactsRepository, PurposeTemplates,
  ],
  exports: [OutboundDispatcher],
})
export class ChannelsModule {}
