import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Channel } from '../../generated/prisma/enums.js';

/** The chat sessions of a conversation, one row each (see the conversation_funnels migration). */
@Injectable()
export class FunnelRepository {
  constructor(private readonly prisma: PrismaService) {}

  latestSession(conversationId: string) {
    return this.prisma.conversationFunnel.findFirst({ where: { conversationId }, orderBy: { startedAt: 'desc' } });
  }

  startSession(data: { clinicId: string; conversationId: string; channel: Channel; language: string; startedAt: Date }) {
    return this.prisma.conversationFunnel.create({ data: { ...data, lastActivityAt: data.startedAt } });
  }

  update(id: string, data: Prisma.ConversationFunnelUncheckedUpdateInput) {
    return this.prisma.conversationFunnel.update({ where: { id }, data });
  }
}
