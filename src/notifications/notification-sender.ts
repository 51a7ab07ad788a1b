import { Inject, Injectable, Optional } from '@nestjs/common';
import { OutboundDispatcher } from '../channels/outbound-dispatcher.js';
import type { MessagePurpose } from '../channels/templates/message-purpose.js';
import { Clock } from '../common/clock.js';
import type { PhiCipher } from '../common/crypto/phi-cipher.js';
import { ConversationRepository } from '../conversation/conversation.repository.js';
import type { Reply } from '../conversation/dialog/index.js';
import { renderForChannel, renderingForStorage } from '../conversation/render/index.js';
import type { Channel, ChannelProvider, Patient } from '../generated/prisma/client.js';
import { PHI_CIPHER } from '../patients/phi.module.js';

export type SendOutcome = { sent: true; channel: Channel; messageId: string; conversationId: string } | { sent: false; reason: string };

/** The conversation a clinic-initiated message goes to, and the clinic number that sends it. */
export type Reach = { reachable: true; channel: Channel; conversationId: string; provider: ChannelProvider } | { reachable: false; reason: string };

/**
 * Puts a clinic-initiated message into the patient's conversation on their channel and hands it to
 * the channel for delivery. Consent is checked here: a patient who opted out of a channel gets
 * nothing on it (the other channel is used when they have not opted out of that one).
 */
@Injectable()
export class NotificationSender {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly clock: Clock,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
    @Optional() private readonly dispatcher?: OutboundDispatcher,
  ) {}

  /**
   * `purpose` (ids only) goes with the message so that, outside WhatsApp's 24-hour window, the send
   * job sends that purpose's approved template instead (channels/templates).
   */
  async send(patient: Patient, reply: Reply, purpose?: MessagePurpose): Promise<SendOutcome> {
    const reach = await this.reach(patient);
    if (!reach.reachable) return { sent: false, reason: reach.reason };
    const { channel, conversationId } = reach;
    const rendered = renderForChannel(reply, channel, patient.language === 'es' ? 'es' : 'en');
    const message = await this.conversations.insertOutbound({
      clinicId: patient.clinicId, conversationId, channel, provider: reach.provider,
      bodyEnc: this.cipher.encrypt(rendered.text), choices: { neutral: reply.choices ?? [], rendered: renderingForStorage(rendered), ...(purpose ? { purpose } : {}) } as never,
      now: this.clock.now(),
    });
    await this.dispatcher?.dispatch([message.id]);
    return { sent: true, channel, messageId: message.id, conversationId };
  }

  /**
   * The patient's conversation on the channel they prefer — or, without a preference, the one they
   * last wrote on — falling back to the other channel; created if they never wrote on it.
   */
  async reach(patient: Patient): Promise<Reach> {
    const phone = this.cipher.decrypt(patient.phoneEnc);
    const addressHash = this.cipher.blindIndex(phone);
    const preferred: Channel = patient.preferredChannel ?? (await this.conversations.lastUsedChannel(patient.id)) ?? 'sms';
    const candidates: Channel[] = preferred === 'whatsapp' ? ['whatsapp', 'sms'] : ['sms', 'whatsapp'];
    for (const channel of candidates) {
      if ((channel === 'sms' ? patient.smsOptedOutAt : patient.whatsappOptedOutAt) !== null) continue;
      const number = await this.conversations.findClinicNumber(patient.clinicId, channel);
      if (!number) continue;
      const existing = await this.conversations.findByAddress(patient.clinicId, channel, addressHash);
      if (existing?.optedOutAt) continue;
      const conversation = existing ?? await this.conversations.upsert({
        clinicId: patient.clinicId, channel, clinicAddress: number.address, addressHash, addressEnc: this.cipher.encrypt(phone), patientId: patient.id,
      });
      return { reachable: true, channel, conversationId: conversation.id, provider: number.provider };
    }
    return { reachable: false, reason: 'opted out of every channel, or no clinic number for the channels they use' };
  }
}
