import { Inject, Injectable } from '@nestjs/common';
import type { PhiCipher } from '../../common/crypto/phi-cipher.js';
import { PHI_CIPHER } from '../../patients/phi.module.js';
import type { TemplateContent, SenderConfig } from '../channel-adapter.js';
import { templateFor } from '../channel-settings.js';
import type { MessagePurpose } from './message-purpose.js';
import { TemplateFactsRepository } from './template-facts.repository.js';
import { templateValues } from './template-values.js';
import { fillTemplateVariables } from './template-variables.js';

/**
 * Turns a clinic-initiated message (a reminder, a confirmation, a waitlist offer…) into its purpose's
 * approved template for when WhatsApp's 24-hour window is closed: the configured template in the
 * patient's language, its variables filled from the appointment or offer as it is now, and its
 * quick-reply buttons answering with the message's own choice ids.
 */
@Injectable()
export class PurposeTemplates {
  constructor(private readonly facts: TemplateFactsRepository, @Inject(PHI_CIPHER) private readonly cipher: PhiCipher) {}

  /** The template to send, or why none can be sent (the reason is stored on the skipped message). */
  async build(purpose: MessagePurpose, sender: SenderConfig, language: string, choiceIds: readonly string[]): Promise<TemplateContent | string> {
    const setting = templateFor(sender.settings, purpose.kind, language);
    if (!setting) return `Outside the 24-hour WhatsApp window and no ${purpose.kind} template is configured for this number`;
    if (sender.provider === 'twilio' && !setting.contentSid) return `Outside the 24-hour WhatsApp window and the ${purpose.kind} template has no Twilio ContentSid`;
    const facts = await this.facts.forPurpose(purpose);
    if (!facts) return `Outside the 24-hour WhatsApp window and the ${purpose.kind === 'waitlist_offer' ? 'waitlist offer' : 'appointment'} no longer exists`;
    const name = facts.patientNameEnc ? this.cipher.decrypt(facts.patientNameEnc) : null;
    const values = templateValues(facts, name, language === 'es' ? 'es' : 'en');
    return {
      kind: 'template', name: setting.name, language: setting.language, contentSid: setting.contentSid ?? null,
      variables: fillTemplateVariables(setting.variables, values),
      quickReplyPayloads: choiceIds.slice(0, setting.quickReplyButtons),
    };
  }
}
