import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Channel } from '../../generated/prisma/enums.js';
import { QUEUES } from '../../queue/queues.js';
import { ChannelRepository } from '../channel.repository.js';
import { OutboundDispatcher } from '../outbound-dispatcher.js';
import { SEND_MESSAGE_JOB, type SendMessageJobData } from './send-message.job.js';
import { sendJobOptions } from './outbound-queues.js';
import { withQueueTimeout } from '../../queue/queue-timeout.js';

const ADD_TIMEOUT_MS = 2_000;

/**
 * Queues stored outbound messages on their channel's BullMQ queue, one idempotent job per message.
 * It never throws: the runtime calls it right after saving a turn, and a Redis hiccup must not turn a
 * saved turn into an apology. A message whose job could not be added stays `queued` in Postgres and
 * the outbound sweeper queues it again (see outbound-sweeper.ts).
 */
@Injectable()
export class QueueOutboundDispatcher extends OutboundDispatcher {
  private readonly logger = new Logger(QueueOutboundDispatcher.name);
  private readonly queues: Record<Channel, Queue<SendMessageJobData>>;

  constructor(
    private readonly repository: ChannelRepository,
    @InjectQueue(QUEUES.outboundSms) sms: Queue<SendMessageJobData>,
    @InjectQueue(QUEUES.outboundWhatsapp) whatsapp: Queue<SendMessageJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.queues = { sms, whatsapp };
    for (const queue of Object.values(this.queues)) queue.on('error', () => undefined);
  }

  async dispatch(messageIds: string[]): Promise<void> {
    if (messageIds.length === 0) return;
    try {
      const rows = await this.repository.channelsOf(messageIds);
      const byId = new Map(rows.map((r) => [r.id, r]));
      // Keep the caller's order: replies of one turn are queued in the order they were saved.
      for (const id of messageIds) {
        const row = byId.get(id);
        if (!row || row.provider === 'simulator') continue;
        await this.enqueue(id, row.channel);
      }
    } catch (error) {
      this.logger.warn({ messageIds, err: (error as Error).message }, 'could not queue outbound messages; the sweeper will retry');
    }
  }

  /** Adds the job unless it exists; throws when the queue is unreachable. */
  async enqueue(messageId: string, channel: Channel): Promise<void> {
    const queue = this.queues[channel];
    await withQueueTimeout(queue.add(SEND_MESSAGE_JOB, { messageId }, sendJobOptions(messageId, this.config.channels.outbound.maxAttempts)), ADD_TIMEOUT_MS);
  }
}
