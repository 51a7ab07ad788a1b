import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { closeWorkers } from '../queue/close-workers.js';
import { type JobHandler, startWorkers } from '../queue/start-workers.js';
import { RedisService } from '../redis/redis.service.js';
import { APPOINTMENT_EVENT_BATCH_JOB, type AppointmentEventBatchJobData, type AppointmentEventJobData, APPOINTMENT_EVENT_TYPES, QUEUES } from '../queue/queues.js';
import { applyEventBatch } from './apply-event-batch.js';
import { HoldExpiryNoticeJob } from '../conversation/hold-expiry-notice.job.js';
import { HOLD_EXPIRY_NOTICE_JOB, type HoldExpiryNoticeJobData } from '../conversation/hold-expiry-notices.js';
import { WaitlistJobs } from '../waitlist/jobs/waitlist-jobs.js';
import { NO_SHOW_CHECK_JOB, NoShowCheckJob, type NoShowCheckJobData } from './no-show-check.job.js';
import { NotificationScheduler } from './notification-scheduler.js';
import { SEND_NOTIFICATION_JOB, SendNotificationJob, type SendNotificationJobData } from './send-notification.job.js';


/**
 * Workers for booking events (one job at a time, so an appointment's events apply in order) and for
 * notification/no-show jobs. They run where the role is `worker` or `all`. Every job name has a
 * handler, checked at start-up; an unknown name fails the job at once.
 */
@Injectable()
export class NotificationWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly scheduler: NotificationScheduler,
    private readonly send: SendNotificationJob,
    private readonly noShow: NoShowCheckJob,
    private readonly holdExpiryNotice: HoldExpiryNoticeJob,
    private readonly waitlistJobs: WaitlistJobs,
  ) {}

  handlers(): Record<string, Record<string, JobHandler>> {
    const apply = async (event: AppointmentEventJobData) => {
      await this.scheduler.handle(event);
      // A cancellation or move frees a slot for the waitlist (its own queue; the job id dedupes redelivery).
      await this.waitlistJobs.appointmentEvent(event);
    };
    const onBatch: JobHandler = async (job) => {
      const { events } = job.data as AppointmentEventBatchJobData;
      const { left, firstError } = await applyEventBatch(events, apply);
      if (!firstError) return;
      // The retry (with BullMQ's backoff) carries only what was not applied.
      await job.updateData({ events: left });
      throw new Error(`${left.length} of ${events.length} booking events not applied yet: ${firstError.message}`);
    };
    // One event per job, as an earlier version relayed them: such jobs may still wait in Redis after an upgrade.
    const onSingleEvent: JobHandler = (job) => apply(job.data as AppointmentEventJobData);
    return {
      [QUEUES.appointmentEvents]: { [APPOINTMENT_EVENT_BATCH_JOB]: onBatch, ...Object.fromEntries(APPOINTMENT_EVENT_TYPES.map((type) => [type, onSingleEvent])) },
      [QUEUES.notifications]: {
        [SEND_NOTIFICATION_JOB]: (job) => this.send.run(job.data as SendNotificationJobData),
        [NO_SHOW_CHECK_JOB]: (job) => this.noShow.run(job.data as NoShowCheckJobData),
        [HOLD_EXPIRY_NOTICE_JOB]: (job) => this.holdExpiryNotice.run(job.data as HoldExpiryNoticeJobData),
      },
    };
  }

  onApplicationBootstrap(): void {
    this.workers.push(...startWorkers(this.config, this.handlers(), { [QUEUES.appointmentEvents]: 1, [QUEUES.notifications]: 8 }, this.logger));
  }

  async onModuleDestroy(): Promise<void> {
    await closeWorkers(this.workers, this.redis.client.status === 'ready');
  }
}
