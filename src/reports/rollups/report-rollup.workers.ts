import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Queue, Worker } from 'bullmq';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { closeWorkers } from '../../queue/close-workers.js';
import { QUEUES } from '../../queue/queues.js';
import { startWorkers } from '../../queue/start-workers.js';
import { RedisService } from '../../redis/redis.service.js';
import { ReportRollups } from './report-rollups.js';

export const ROLL_UP_REPORTS_JOB = 'roll-up-reports';
/** Hourly, off the hour: yesterday's day becomes closed once a day, dirty days are re-rolled within the hour. */
const SCHEDULE = { pattern: '17 * * * *' };

/**
 * The reports queue's worker (roles `worker` and `all`) and its repeatable job. One job at a time:
 * two runs would roll the same days. A run that fails is retried by BullMQ; until then reports read
 * the days it did not roll from the raw rows, so nothing is ever stale, only slower.
 */
@Injectable()
export class ReportRollupWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReportRollupWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.reports) private readonly queue: Queue,
    private readonly redis: RedisService,
    private readonly rollups: ReportRollups,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.push(...startWorkers(this.config, { [QUEUES.reports]: { [ROLL_UP_REPORTS_JOB]: () => this.rollups.refresh() } }, { [QUEUES.reports]: 1 }, this.logger));
    if (this.workers.length === 0) return;
    // Not awaited: with Redis down at boot this waits for it instead of holding up the app.
    void this.queue.upsertJobScheduler(ROLL_UP_REPORTS_JOB, SCHEDULE, { name: ROLL_UP_REPORTS_JOB })
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not schedule report rollups; reports stay exact, only slower'));
  }

  async onModuleDestroy(): Promise<void> {
    await closeWorkers(this.workers, this.redis.client.status === 'ready');
  }
}
