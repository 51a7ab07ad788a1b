import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { repeatAfter } from '../common/repeat-after.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ChannelRepository } from './channel.repository.js';
import { InboundService } from './inbound/inbound.service.js';
import { QueueOutboundDispatcher } from './outbound/queue-outbound.dispatcher.js';

const EVERY_MS = 15_000;
/** Younger than this, a message is presumably still on its way through the queues. */
const GRACE_MS = 30_000;
/** Older than this, an unanswered message or an unsent reply is stale: not answered or sent out of the blue (it stays for staff to see). */
const GIVE_UP_TURN_MS = 15 * 60 * 1000;
const GIVE_UP_SEND_MS = 60 * 60 * 1000;

/**
 * Safety net for the moments between Postgres and Redis: an inbound message stored while the turn
 * queue was unreachable, or replies saved by a turn whose dispatch failed (Redis down, process killed
 * between the save and the queue). Every 15 s a worker re-queues them; job ids are deterministic and
 * jobs re-check state, so re-queuing something already queued or done changes nothing.
 */
@Injectable()
export class ChannelSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChannelSweeper.name);
  private repeating: { stop(): void } | undefined;

  constructor(
    private readonly repository: ChannelRepository,
    private readonly inbound: InboundService,
    private readonly dispatcher: QueueOutboundDispatcher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.repeating = repeatAfter(EVERY_MS, () => this.sweepOnce(), (e) => this.logger.warn({ err: e.message }, 'sweep failed'));
  }

  onModuleDestroy(): void {
    this.repeating?.stop();
  }

  async sweepOnce(): Promise<{ turns: number; sends: number }> {
    const now = this.clock.now().getTime();
    const olderThan = new Date(now - GRACE_MS);
    const pending = await this.repository.findUnprocessedInbound(olderThan, new Date(now - GIVE_UP_TURN_MS), 500);
    let turns = 0;
    // A fresh job id per sweep: the first job of that message may have completed (and be retained) already.
    for (const p of pending) if (await this.inbound.reschedule(p.conversationId, p.id, `sweep-${Math.floor(now / EVERY_MS)}`)) turns++;
    const stuck = await this.repository.findStuckQueued(olderThan, new Date(now - GIVE_UP_SEND_MS), 500);
    for (const s of stuck) await this.dispatcher.enqueue(s.id, s.channel).catch(() => undefined);
    if (turns || stuck.length) this.logger.warn({ turns, sends: stuck.length }, 're-queued work left behind');
    return { turns, sends: stuck.length };
  }
}
