import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Channel, ChannelProvider } from '../../generated/prisma/enums.js';

const WITH_PATIENT = { patient: { select: { id: true, nameEnc: true } } } as const;
export type StaffConversationRow = Prisma.ConversationGetPayload<{ include: typeof WITH_PATIENT }>;

/** Conversations and their messages for the staff inbox; conditions arrive scoped by the caller. */
@Injectable()
export class StaffConversationRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(where: Prisma.ConversationWhereInput, orderBy: Prisma.ConversationOrderByWithRelationInput[], skip: number, take: number) {
    return this.prisma.conversation.findMany({ where, orderBy: [...orderBy, { id: 'asc' }], skip, take, include: WITH_PATIENT });
  }

  count(where: Prisma.ConversationWhereInput): Promise<number> {
    return this.prisma.conversation.count({ where });
  }

  findOne(where: Prisma.ConversationWhereInput) {
    return this.prisma.conversation.findFirst({ where, include: WITH_PATIENT });
  }

  messages(conversationId: string, skip: number, take: number) {
    return Promise.all([
      this.prisma.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'asc' }, { seq: 'asc' }], skip, take }),
      this.prisma.message.count({ where: { conversationId } }),
    ]);
  }

  /** A staff reply, stored like the bot's replies (queued for the channel's sender). */
  async insertStaffReply(data: { clinicId: string; conversationId: string; channel: Channel; provider: ChannelProvider; bodyEnc: string; status: string; now: Date }) {
    return this.prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          clinicId: data.clinicId, conversationId: data.conversationId, direction: 'outbound', channel: data.channel, provider: data.provider,
          bodyEnc: data.bodyEnc, status: data.status, createdAt: data.now, statusUpdatedAt: data.now, sentAs: null,
        },
      });
      await tx.conversation.update({ where: { id: data.conversationId }, data: { updatedAt: data.now } });
      return message;
    });
  }
}
