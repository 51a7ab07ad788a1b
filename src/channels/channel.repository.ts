import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Channel, ChannelProvider } from '../generated/prisma/enums.js';
import { type OutboundStatus, statusesBelow } from './delivery/message-status.js';

/** The queries of the channel module: clinic numbers, outbound messages and their delivery status. */
@Injectable()
export class ChannelRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** An active clinic number of a provider, by its E.164 address. */
  findNumber(provider: ChannelProvider, channel: Channel, address: string) {
    return this.prisma.clinicChannel.findFirst({ where: { provider, channel, address, active: true } });
  }

  /** A Meta number by its phone_number_id. */
  findByExternalId(provider: ChannelProvider, externalId: string) {
    return this.prisma.clinicChannel.findFirst({ where: { provider, externalId, active: true } });
  }

  /** The number a conversation's messages leave from. */
  findSender(clinicId: string, channel: Channel, provider: ChannelProvider, address: string) {
    return this.prisma.clinicChannel.findFirst({ where: { clinicId, channel, provider, address, active: true }, include: { clinic: { select: { name: true } } } });
  }

  findClinicSmsNumber(clinicId: string) {
    return this.prisma.clinicChannel.findFirst({ where: { clinicId, channel: 'sms', active: true, provider: { not: 'simulator' } }, orderBy: { createdAt: 'asc' } });
  }

  /** Everything a send job re-checks: the message, its conversation and the patient's opt-outs. */
  findForSend(messageId: string) {
    return this.prisma.message.findUnique({
      where: { id: messageId },
      include: { conversation: { include: { patient: { select: { id: true, smsOptedOutAt: true, whatsappOptedOutAt: true, language: true } } } } },
    });
  }

  /** The first earlier reply of the conversation still waiting to leave (replies leave in order). */
  findEarlierQueued(conversationId: string, seq: bigint, since: Date) {
    return this.prisma.message.findFirst({
      where: { conversationId, direction: 'outbound', status: 'queued', seq: { lt: seq }, createdAt: { gte: since } },
      orderBy: { seq: 'asc' }, select: { id: true, channel: true },
    });
  }

  /** Whether an inbound message was processed after `after` and up to `upTo` (a later turn). */
  async hasTurnBetween(conversationId: string, after: Date, upTo: Date): Promise<boolean> {
    const row = await this.prisma.message.findFirst({ where: { conversationId, direction: 'inbound', processedAt: { gt: after, lte: upTo } }, select: { id: true } });
    return row !== null;
  }

  /** Whether a re-engagement template already went out since the patient last wrote. */
  async templateSentSince(conversationId: string, since: Date | null): Promise<boolean> {
    const row = await this.prisma.message.findFirst({
      where: { conversationId, direction: 'outbound', sentAs: 'template', status: { notIn: ['queued', 'skipped', 'failed', 'undelivered'] }, ...(since ? { createdAt: { gte: since } } : {}) },
      select: { id: true },
    });
    return row !== null;
  }

  countAttempt(messageId: string) {
    return this.prisma.message.update({ where: { id: messageId }, data: { sendAttempts: { increment: 1 } }, select: { sendAttempts: true } });
  }

  /** Records the provider's id and how it went out, and moves the status to `sent` unless a callback already moved it further. */
  async markSent(messageId: string, data: { providerMessageId: string; at: Date; sentAs: string; templateName: string | null }): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.message.update({ where: { id: messageId }, data: { providerMessageId: data.providerMessageId, sentAt: data.at, sentAs: data.sentAs, templateName: data.templateName } }),
      this.prisma.message.updateMany({ where: { id: messageId, status: { in: statusesBelow('sent') } }, data: { status: 'sent', statusUpdatedAt: data.at } }),
    ]);
  }

  /**
   * Ends a message we did not (or could not) send; only while it is still queued. A skipped message
   * that carried a notification skips that notification too, whether or not its job has already
   * marked it sent (the message is created, and may be skipped, before that job records it).
   */
  async finish(messageId: string, status: 'skipped' | 'failed', at: Date, errorCode: string, errorMessage: string, carried?: { notificationId: string; channel: Channel }): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.message.updateMany({
        where: { id: messageId, status: { in: ['queued', 'sending'] } },
        data: { status, statusUpdatedAt: at, errorCode: errorCode.slice(0, 50), errorMessage: errorMessage.slice(0, 500) },
      });
      if (updated.count === 1 && status === 'skipped' && carried) {
        await tx.notification.updateMany({
          where: { id: carried.notificationId, status: { in: ['scheduled', 'sent'] } },
          data: { status: 'skipped', skipReason: errorMessage.slice(0, 500), messageId, channel: carried.channel },
        });
      }
      return updated.count === 1;
    });
  }

  /**
   * Applies a delivery callback if it moves the status forward (see message-status.ts). Returns the
   * message when it changed, null when the callback was stale or the message unknown.
   */
  async advanceStatus(where: { id: string } | { provider: ChannelProvider; providerMessageId: string }, next: OutboundStatus, at: Date, error: { code: string | null; message: string | null }) {
    const key: Prisma.MessageWhereInput = 'id' in where ? { id: where.id } : { provider: where.provider, providerMessageId: where.providerMessageId };
    const data: Prisma.MessageUpdateManyMutationInput = { status: next, statusUpdatedAt: at };
    if (error.code) {
      data.errorCode = error.code.slice(0, 50);
      data.errorMessage = error.message?.slice(0, 500) ?? null;
    }
    const updated = await this.prisma.message.updateMany({ where: { ...key, direction: 'outbound', status: { in: statusesBelow(next) } }, data });
    if (updated.count === 0) return null;
    return this.prisma.message.findFirst({ where: key, select: { id: true, clinicId: true, conversationId: true, channel: true, provider: true, status: true } });
  }

  /** Fills in the provider's id when a status callback beat the send job's own update (Twilio tells us our id). */
  setProviderIdIfMissing(messageId: string, provider: ChannelProvider, providerMessageId: string) {
    return this.prisma.message.updateMany({ where: { id: messageId, provider, providerMessageId: null }, data: { providerMessageId } });
  }

  /**
   * The provider says this address opted out (Twilio 21610): record it on the conversation and the
   * patient, and end every reply still queued for it — nothing more may go there.
   */
  async recordProviderOptOut(conversationId: string, patientId: string | null, channel: Channel, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.conversation.updateMany({ where: { id: conversationId, optedOutAt: null }, data: { optedOutAt: at } });
      if (patientId) {
        await tx.patient.updateMany({
          where: { id: patientId, ...(channel === 'sms' ? { smsOptedOutAt: null } : { whatsappOptedOutAt: null }) },
          data: channel === 'sms' ? { smsOptedOutAt: at } : { whatsappOptedOutAt: at },
        });
      }
      const queued = await tx.message.findMany({ where: { conversationId, direction: 'outbound', status: 'queued' }, select: { id: true } });
      const ids = queued.map((m) => m.id);
      await tx.message.updateMany({
        where: { id: { in: ids }, status: 'queued' },
        data: { status: 'skipped', statusUpdatedAt: at, errorCode: 'opted_out', errorMessage: 'The recipient opted out at the provider' },
      });
      await tx.notification.updateMany({ where: { messageId: { in: ids }, status: 'sent' }, data: { status: 'skipped', skipReason: 'The recipient opted out at the provider' } });
    });
  }

  /** Inserts the SMS that replaces a failed WhatsApp message; null when that failure already fell back. */
  async insertFallback(data: { clinicId: string; conversationId: string; provider: ChannelProvider; bodyEnc: string; choices: Prisma.InputJsonValue; fallbackForId: string; at: Date }) {
    try {
      return await this.prisma.message.create({
        data: {
          clinicId: data.clinicId, conversationId: data.conversationId, direction: 'outbound', channel: 'sms', provider: data.provider,
          bodyEnc: data.bodyEnc, choices: data.choices, status: 'queued', fallbackForId: data.fallbackForId, createdAt: data.at, statusUpdatedAt: data.at,
        },
        select: { id: true },
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return null;
      throw error;
    }
  }

  findByProviderMessageId(provider: ChannelProvider, providerMessageId: string) {
    return this.prisma.message.findUnique({ where: { provider_providerMessageId: { provider, providerMessageId } }, select: { id: true } });
  }

  findMessage(id: string) {
    return this.prisma.message.findUnique({ where: { id } });
  }

  findConversation(id: string) {
    return this.prisma.conversation.findUnique({ where: { id }, include: { patient: { select: { id: true, smsOptedOutAt: true } } } });
  }

  /** Replies still queued long after they were saved: their job was lost (Redis outage, crash between save and dispatch). */
  findStuckQueued(olderThan: Date, newerThan: Date, take: number) {
    return this.prisma.message.findMany({
      where: { direction: 'outbound', status: 'queued', provider: { not: 'simulator' }, createdAt: { lt: olderThan, gte: newerThan } },
      orderBy: { createdAt: 'asc' }, take, select: { id: true, channel: true },
    });
  }

  /** Inbound messages stored but never processed (one per conversation: a drain handles the rest). */
  findUnprocessedInbound(olderThan: Date, newerThan: Date, take: number) {
    return this.prisma.message.findMany({
      where: { direction: 'inbound', processedAt: null, provider: { not: 'simulator' }, createdAt: { lt: olderThan, gte: newerThan } },
      distinct: ['conversationId'], select: { id: true, conversationId: true }, take,
    });
  }

  /** Channel of each message, to pick its queue. */
  channelsOf(ids: string[]) {
    return this.prisma.message.findMany({ where: { id: { in: ids } }, select: { id: true, channel: true, provider: true } });
  }
}
