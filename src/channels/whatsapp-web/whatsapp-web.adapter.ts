import { Injectable } from '@nestjs/common';
import { WHATSAPP_LIMITS } from '../../conversation/render/index.js';
import type { Channel } from '../../generated/prisma/enums.js';
import { type ChannelAdapter, type ChannelCapabilities, ChannelSendError, type OutboundSend } from '../channel-adapter.js';
import { fitText } from '../delivery/delivery-policy.js';
import { WhatsAppWebSession } from './whatsapp-web.session.js';

/**
 * WhatsApp through a logged-in WhatsApp Web session (whatsapp-web.js). Interactive buttons and lists
 * no longer work for personal accounts there, so choices go as numbered text; there are no templates
 * and no Business-API 24-hour window.
 */
@Injectable()
export class WhatsAppWebAdapter implements ChannelAdapter {
  readonly provider = 'whatsapp_web' as const;
  readonly capabilities: Readonly<Partial<Record<Channel, ChannelCapabilities>>> = {
    whatsapp: { buttons: false, lists: false, templates: false, maxTextLength: WHATSAPP_LIMITS.text, customerServiceWindow: false },
  };

  constructor(private readonly session: WhatsAppWebSession) {}

  async send(message: OutboundSend): Promise<{ providerMessageId: string }> {
    if (message.content.kind !== 'rendered') throw new ChannelSendError('permanent', 'templates_unsupported', 'WhatsApp Web cannot send templates');
    const rendered = message.content.message;
    const text = rendered.kind === 'text' ? rendered.text
      : `${rendered.text}\n${(rendered.kind === 'buttons' ? rendered.buttons.map((b) => b.title) : rendered.rows.map((r) => r.description ?? r.title)).map((o, i) => `${i + 1} ${o}`).join('\n')}`;
    return { providerMessageId: await this.session.send(message.to, fitText(text, WHATSAPP_LIMITS.text)) };
  }
}
