import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { closeWorkers } from '../queue/close-workers.js';
import { type JobHandler, runLater, startWorkers } from '../queue/start-workers.js';
import { RedisService } from '../redis/redis.service.js';
import { QUEUES } from '../queue/queues.js';
import { PROCESS_CONVERSATION_JOB, ProcessConversationJob, type ProcessConversationJobData } from './inbound/process-conversation.job.js';
import { QueueOutboundDispatcher } from './outbound/queue-outbound.dispatcher.js';
import { SEND_MESSAGE_JOB, SendMessageJob, type SendMessageJobData } from './outbound/send-message.job.js';


/** Worker concurrency per queue: turns are mostly CPU in this process; sends mostly wait on the provider. */
const CONCURRENCY = { [QUEUES.inboundTurns]: 8, [QUEUES.outboundSms]: 16, [QUEUES.outboundWhatsapp]: 16 } as const;

/**
 * The BullMQ workers of the channels: inbound turns and outbound sends. They run only where the role
 * is `worker` or `all`; API-only instances just store messages and add jobs. Workers get their own
 * Redis connections with `maxRetriesPerRequest: null` (BullMQ's blocking commands need it), unlike the
 * producers' fail-fast connection. Wiring fails fast: each queue's job names must have a handler, and
 * a job with an unknown name fails at once instead of sitting in the queue.
 */
@Injectable()
export class ChannelWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChannelWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly sendMessage: SendMessageJob,
    private readonly processConversation: ProcessConversationJob,
    private readonly dispatcher: QueueOutboundDispatcher,
  ) {}

  /** Job names per queue and their handlers (the single place a job name is bound to code). */
  handlers(): Record<string, Record<string, JobHandler>> {
    const send: JobHandler = (job, token) => this.runSend(job as Job<SendMessageJobData>, token);
    return {
      [QUEUES.inboundTurns]: { [PROCESS_CONVERSATION_JOB]: (job) => this.processConversation.run(job.data as ProcessConversationJobData) },
      [QUEUES.outboundSms]: { [SEND_MESSAGE_JOB]: send },
      [QUEUES.outboundWhatsapp]: { [SEND_MESSAGE_JOB]: send },
    };
  }

  onApplicationBootstrap(): void {
    this.workers.push(...startWorkers(this.config, this.handlers(), CONCURRENCY, this.logger));
  }

  async onModuleDestroy(): Promise<void> {
    await closeWorkers(this.workers, this.redis.client.status === 'ready');
  }

  private async runSend(job: Job<SendMessageJobData>, token: string | undefined): Promise<string> {
    const outcome = await this.sendMessage.run(job.data, { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 });
    if (outcome.kind === 'done') return outcome.result;
    // Not an attempt: wait for an earlier reply of the conversation or for the number's rate limit.
    if (outcome.waitingFor) await this.dispatcher.enqueue(outcome.waitingFor.id, outcome.waitingFor.channel).catch(() => undefined);
    return runLater(job, outcome.ms, token);
  }
}
