import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NotFoundError } from '../../common/errors.js';
import { ConversationRuntime } from '../../conversation/conversation.runtime.js';
import { QUEUES } from '../../queue/queues.js';
import type { InboundMessage } from '../channel.types.js';
import { PROCESS_CONVERSATION_JOB, type ProcessConversationJobData } from './process-conversation.job.js';
import { withQueueTimeout } from '../../queue/queue-timeout.js';

export type AcceptOutcome = 'accepted' | 'duplicate' | 'unknown_number';

const ADD_TIMEOUT_MS = 2_000;

/**
 * The inbound pipeline every channel shares. A webhook waits only for the message to be stored (once:
 * a retried webhook finds it and is told `duplicate`), then a worker runs the turn from the
 * inbound-turns queue, so providers get their answer in milliseconds whatever the dialog does. The
 * stored row is the durable record: if the job cannot be queued (Redis down) the turn runs in this
 * process instead, and the sweeper picks up anything left unprocessed. Order is kept by the runtime,
 * which processes a conversation's messages by arrival sequence under its lock.
 */
@Injectable()
export class InboundService {
  private readonly logger = new Logger(InboundService.name);

  constructor(
    private readonly runtime: ConversationRuntime,
    @InjectQueue(QUEUES.inboundTurns) private readonly turns: Queue<ProcessConversationJobData>,
  ) {
    this.turns.on('error', () => undefined);
  }

  async accept(message: InboundMessage): Promise<AcceptOutcome> {
    let accepted;
    try {
      accepted = await this.runtime.accept(message);
    } catch (error) {
      if (error instanceof NotFoundError) {
        // Answer 200 anyway: a provider retrying forever would not make the number known.
        this.logger.warn({ provider: message.provider, channel: message.channel, providerMessageId: message.providerMessageId }, 'message to a number no clinic uses; ignored');
        return 'unknown_number';
      }
      throw error;
    }
    if (accepted.duplicate) {
      this.logger.log({ provider: message.provider, providerMessageId: message.providerMessageId, conversationId: accepted.conversationId }, 'duplicate delivery ignored');
      return 'duplicate';
    }
    await this.schedule(accepted.conversationId, accepted.inboundId);
    return 'accepted';
  }

  /**
   * For the sweeper: queues the turns again only when the message's own job is gone (lost to a Redis
   * outage, or failed for good). A job still waiting behind a backlog is left alone.
   */
  async reschedule(conversationId: string, inboundId: string, sweepKey: string): Promise<boolean> {
    const job = await this.turns.getJob(`turn-${inboundId}`);
    const state = job ? await job.getState() : 'missing';
    if (state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') return false;
    await this.schedule(conversationId, `${inboundId}-${sweepKey}`);
    return true;
  }

  /** Queues the conversation's turns; `key` makes the job id (the inbound id, once per message). */
  async schedule(conversationId: string, key: string): Promise<void> {
    const inboundId = key.slice(0, 36);
    try {
      await withQueueTimeout(this.turns.add(PROCESS_CONVERSATION_JOB, { conversationId, inboundId }, {
        jobId: `turn-${key}`, attempts: 5, backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: { age: 3_600, count: 10_000 }, removeOnFail: { age: 7 * 86_400 },
      }), ADD_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ conversationId, inboundId, err: (error as Error).message }, 'turn queue unavailable; processing in this process');
      void this.runtime.drain(conversationId).catch((e: Error) => this.logger.error({ conversationId, err: e.message }, 'turn failed'));
    }
  }
}
