import { Injectable, Logger } from '@nestjs/common';
import type { Channel } from '../../generated/prisma/enums.js';
import { turnSignals, type TurnEffect } from './funnel-signals.js';
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
      await this.funnels.recordTurn({
        clinicId: turn.clinicId, conversationId: turn.conversationId, channel: turn.channel, arrivedAt: turn.arrivedAt, at: turn.now, language: turn.language,
        signals: turnSignals(turn.states, turn.effects),
      }, SESSION_GAP_MS);
    } catch (error) {
      this.logger.error({ conversationId: turn.conversationId, err: (error as Error).message }, 'funnel stage not recorded');
    }
  }
}
