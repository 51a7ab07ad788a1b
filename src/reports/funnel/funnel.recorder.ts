import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Channel } from '../../generated/prisma/enums.js';
import { type TurnSignals, turnSignals, type TurnEffect } from './funnel-signals.js';
import { FunnelRepository } from './funnel.repository.js';

/** A session ends after this long without a message (WhatsApp's customer-service window). */
export const SESSION_GAP_MS = 24 * 60 * 60 * 1000;

export interface FunnelTurn {
  clinicId: string;
  conversationId: string;
  channel: Channel;
  language: string;
  /** When the patient's message arrived: a new session starts at this instant. */
  arrivedAt: Date;
  /** When the turn ran: the instant any stage reached in it is recorded at. */
  now: Date;
  /** Persisted dialogs after each step of the turn, in order. */
  states: readonly unknown[];
  effects: readonly TurnEffect[];
}

/**
 * Records, per chat session, when it first reached each funnel stage. Called by the conversation
 * runtime after a turn was saved, under the conversation's turn lock (so sessions of one
 * conversation are never written concurrently). A failure here is logged and never fails the
 * patient's turn: the chat matters more than the statistic.
 */
@Injectable()
export class FunnelRecorder {
  private readonly logger = new Logger(FunnelRecorder.name);

  constructor(private readonly funnels: FunnelRepository) {}

  async record(turn: FunnelTurn): Promise<void> {
    try {
      await this.apply(turn, turnSignals(turn.states, turn.effects));
    } catch (error) {
      this.logger.error({ conversationId: turn.conversationId, err: (error as Error).message }, 'funnel stage not recorded');
    }
  }

  private async apply(turn: FunnelTurn, signals: TurnSignals): Promise<void> {
    const latest = await this.funnels.latestSession(turn.conversationId);
    const session = latest && +turn.arrivedAt - +latest.lastActivityAt <= SESSION_GAP_MS
      ? latest
      : await this.funnels.startSession({ clinicId: turn.clinicId, conversationId: turn.conversationId, channel: turn.channel, language: turn.language, startedAt: turn.arrivedAt });
    const at = turn.now;
    const first = (current: Date | null, reached: boolean) => (current === null && reached ? { set: at } : undefined);
    const data: Prisma.ConversationFunnelUncheckedUpdateInput = {
      language: turn.language,
      lastActivityAt: at > session.lastActivityAt ? at : session.lastActivityAt,
      intentAt: first(session.intentAt, signals.intentUnderstood),
      slotsShownAt: first(session.slotsShownAt, signals.slotsShown),
      slotHeldAt: first(session.slotHeldAt, signals.slotHeld),
      detailsAt: first(session.detailsAt, signals.detailsGiven),
      bookedAt: first(session.bookedAt, signals.booked.length > 0),
      handoffAt: first(session.handoffAt, signals.handedOff),
      optedOutAt: first(session.optedOutAt, signals.optedOut),
    };
    // A booking intent outranks whatever the session asked before (a patient who checked their
    // appointments and then booked came to book).
    if (signals.intent && (session.intent === null || (signals.intent === 'book' && session.intent !== 'book'))) data.intent = signals.intent;
    if (signals.booked.length > 0) {
      data.bookings = { increment: signals.booked.length };
      if (session.appointmentId === null) data.appointmentId = signals.booked[0];
    }
    if (signals.serviceId !== undefined) data.serviceId = signals.serviceId;
    if (signals.providerId !== undefined) data.providerId = signals.providerId;
    if (signals.locationId !== undefined) data.locationId = signals.locationId;
    await this.funnels.update(session.id, data);
  }
}
