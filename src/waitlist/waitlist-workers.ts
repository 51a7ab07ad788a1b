import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { NEW_HOURS_JOB, type NewHoursJobData } from '../outbox/hours-added.event.js';
import { closeWorkers } from '../queue/close-workers.js';
import { QUEUES } from '../queue/queues.js';
import { type JobHandler, runLater, startWorkers } from '../queue/start-workers.js';
import { RedisService } from '../redis/redis.service.js';
import { NewHoursJob } from './jobs/new-hours.job.js';
import { OfferExpiryJob } from './jobs/offer-expiry.job.js';
import { SlotOpenedJob } from './jobs/slot-opened.job.js';
import { OFFER_EXPIRY_JOB, type OfferExpiryJobData, SLOT_OPENED_JOB, type SlotOpenedJobData } from './jobs/waitlist-jobs.js';

/**
 * The waitlist queue's worker (roles `worker` and `all`), one job at a time so offers of one slot
 * are made in order. An expiry job that runs early (a clock difference between machines) goes back to
 * wait for the rest of the window.
 */
@Injectable()
export class WaitlistWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WaitlistWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly slotOpened: SlotOpenedJob,
    private readonly offerExpiry: OfferExpiryJob,
    private readonly newHours: NewHoursJob,
  ) {}

  handlers(): Record<string, Record<string, JobHandler>> {
    return {
      [QUEUES.waitlist]: {
        [SLOT_OPENED_JOB]: (job) => this.slotOpened.run(job.data as SlotOpenedJobData),
        [NEW_HOURS_JOB]: (job) => this.newHours.run(job.data as NewHoursJobData),
        [OFFER_EXPIRY_JOB]: async (job, token) => {
          const outcome = await this.offerExpiry.run(job.data as OfferExpiryJobData);
          if (outcome.kind !== 'not_due') return outcome;
          return runLater(job, outcome.inMs, token);
        },
      },
    };
  }

  onApplicationBootstrap(): void {
    this.workers.push(...startWorkers(this.config, this.handlers(), { [QUEUES.waitlist]: 1 }, this.logger));
  }

  async onModuleDestroy(): Promise<void> {
    await closeWorkers(this.workers, this.redis.client.status === 'ready');
  }
}
