import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { PhiCipher } from '../../common/crypto/phi-cipher.js';
import { NotFoundError, ValidationError } from '../../common/errors.js';
import { TtlCache } from '../../common/ttl-cache.js';
import { normalizePhone } from '../../common/phone.js';
import { ConversationRepository } from '../../conversation/conversation.repository.js';
import { ConversationRuntime } from '../../conversation/conversation.runtime.js';
import { PrismaService } from '../../database/prisma.service.js';
import { PHI_CIPHER } from '../../patients/phi.module.js';
import type { SimulatorMessageDto, SimulatorResponseDto } from './dto/simulator.dto.js';

/** The local channel: the same pipeline as real channels, no external account needed. */
@Injectable()
export class SimulatorService {
  /** The clinic number a message without "to" goes to: asked for every simulated message, changed rarely. */
  private readonly defaultNumbers = new TtlCache<string>(5_000);

  constructor(
    private readonly runtime: ConversationRuntime,
    private readonly conversations: ConversationRepository,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
  ) {}

  async send(body: SimulatorMessageDto): Promise<SimulatorResponseDto> {
    const channel = body.channel ?? 'whatsapp';
    const from = normalizePhone(body.from);
    if (!from) throw new ValidationError('"from" must be a phone number, e.g. +12125550199');
    const to = body.to ? normalizePhone(body.to) : await this.defaultNumber(channel);
    if (!to) throw new ValidationError('"to" must be a clinic phone number');
    const result = await this.runtime.receive({
      provider: 'simulator', channel, from, to, text: body.text, choiceId: body.choiceId ?? null,
      providerMessageId: `sim-${randomUUID()}`, profileName: body.profileName ?? null, unsupported: false, receivedAt: this.clock.now(),
    });
    return {
      conversationId: result.conversationId,
      replies: result.replies.map((r) => ({ text: r.text, choices: r.choices, rendered: r.rendered as unknown as Record<string, unknown> })),
    };
  }

  /** The transcript of a phone number's conversations (simulator only: it shows message bodies). */
  async transcript(phone: string) {
    const normalised = normalizePhone(phone);
    if (!normalised) throw new ValidationError('Not a phone number');
    const conversations = await this.prisma.conversation.findMany({ where: { addressHash: this.cipher.blindIndex(normalised) }, orderBy: { createdAt: 'asc' } });
    if (conversations.length === 0) throw new NotFoundError('Conversation');
    return Promise.all(conversations.map(async (c) => ({
      conversationId: c.id, channel: c.channel, status: c.status,
      messages: (await this.conversations.transcript(c.id)).map((m) => ({
        direction: m.direction, text: this.cipher.decrypt(m.bodyEnc), at: m.createdAt.toISOString(), status: m.status,
      })),
    })));
  }

  private defaultNumber(channel: 'whatsapp' | 'sms'): Promise<string> {
    return this.defaultNumbers.getOrLoad(channel, async () => {
      const number = await this.prisma.clinicChannel.findFirst({ where: { channel, active: true }, orderBy: { createdAt: 'asc' } });
      if (!number) throw new NotFoundError(`A clinic number for ${channel}`);
      return number.address;
    });
  }
}
