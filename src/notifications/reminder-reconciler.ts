import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock.js';
import { repeatAfter } from '../common/repeat-after.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type PreparedStatement, SqlPool } from '../database/sql-pool.js';
import { QUEUES } from '../queue/queues.js';
import { NO_SHOW_CHECK_JOB, type NoShowCheckJobData } from './no-show-check.job.js';
import { noShowCheckAt, noShowJobId } from './reminder-plan.js';
import { SEND_NOTIFICATION_JOB, type SendNotificationJobData } from './send-notification.job.js';

const EVERY_MS = 5 * 60 * 1000;
/** Jobs due within this horizon are checked each pass; later ones are checked when they come closer. */
const HORIZON_MS = 48 * 60 * 60 * 1000;
const BATCH = 500;

/**
 * Puts back reminder and no-show jobs that Redis lost. Postgres is the record of what is scheduled
 * (`notifications` rows with status `scheduled`, active appointments); a Redis without persistence,
 * a failover to an empty replica or a flushed database loses the delayed jobs. Every 5 minutes a
 * worker looks at what is due within 48 hours and re-adds any job that is gone, with its original
 * id and time — a job that exists is left alone, and each job re-checks the appointment when it
 * runs, so a pass can never send twice. A no-show check is restored only while it is still ahead:
 * one that fell due while Redis was empty is not run late (staff may have dealt with the visit).
 * A process-level timer rather than a BullMQ repeatable job, so it survives the loss it repairs.
 */
@Injectable()
export class ReminderReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderReconciler.name);
  private repeating: { stop(): void } | undefined;

  constructor(
    private readonly sql: SqlPool,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue<SendNotificationJobData | NoShowCheckJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.repeating = repeatAfter(EVERY_MS, () => this.reconcileOnce(), (e) => this.logger.warn({ err: e.message }, 'reminder reconciliation failed'));
  }

  onModuleDestroy(): void {
    this.repeating?.stop();
  }

  /** One pass; returns how many jobs were missing and put back. */
  async reconcileOnce(): Promise<{ notifications: number; noShowChecks: number }> {
    const now = this.clock.now();
    const until = new Date(+now + HORIZON_MS);
    let notifications = 0;
    let noShowChecks = 0;
    // Clinic by clinic, so each range is read from the (clinic_id, time) indexes.
    for (const { id: clinicId } of await this.sql.query<{ id: string }>(CLINICS, [])) {
      for await (const rows of this.pages<{ id: string; job_id: string; at: Date }>(SCHEDULED_NOTIFICATIONS, clinicId, new Date(0), until)) {
        for (const row of await this.missing(rows.map((r) => ({ ...r, jobId: r.job_id })))) {
          await this.queue.add(SEND_NOTIFICATION_JOB, { notificationId: row.id }, { jobId: row.jobId, delay: Math.max(0, +row.at - +now) });
          notifications++;
        }
      }
      // Appointments whose no-show check (15 min after the start) is still ahead.
      for await (const rows of this.pages<{ id: string; at: Date }>(UPCOMING_APPOINTMENTS, clinicId, new Date(+now - 15 * 60_000), until)) {
        const ahead = rows.filter((r) => +noShowCheckAt(r.at) > +now);
        for (const row of await this.missing(ahead.map((r) => ({ ...r, jobId: noShowJobId(r.id) })))) {
          await this.queue.add(NO_SHOW_CHECK_JOB, { appointmentId: row.id }, { jobId: row.jobId, delay: Math.max(0, +noShowCheckAt(row.at) - +now) });
          noShowChecks++;
        }
      }
    }
    if (notifications || noShowChecks) this.logger.warn({ notifications, noShowChecks }, 'restored jobs Redis had lost');
    return { notifications, noShowChecks };
  }

  /** Keyset pages of (at, id) > the last row, so a pass reads each row once however many there are. */
  private async *pages<Row extends { id: string; at: Date }>(statement: PreparedStatement, clinicId: string, from: Date, until: Date): AsyncGenerator<Row[]> {
    let after = { at: from, id: '' };
    for (;;) {
      const rows = await this.sql.query<Row>(statement, [clinicId, after.at, after.id, until, BATCH]);
      if (rows.length) yield rows;
      if (rows.length < BATCH) return;
      after = { at: rows.at(-1)!.at, id: rows.at(-1)!.id };
    }
  }

  private async missing<T extends { jobId: string }>(rows: T[]): Promise<T[]> {
    const jobs = await Promise.all(rows.map((row) => this.queue.getJob(row.jobId)));
    return rows.filter((_, i) => !jobs[i]);
  }
}

const CLINICS: PreparedStatement = { name: 'reconcile-clinics', text: 'SELECT id::text FROM clinics' };

const SCHEDULED_NOTIFICATIONS: PreparedStatement = {
  name: 'reconcile-scheduled-notifications',
  text: `SELECT id::text, job_id, send_at AS at FROM notifications
         WHERE clinic_id = $1::uuid AND status = 'scheduled' AND (send_at, id::text) > ($2::timestamptz, $3::text) AND send_at <= $4
         ORDER BY send_at, id::text LIMIT $5`,
};

const UPCOMING_APPOINTMENTS: PreparedStatement = {
  name: 'reconcile-upcoming-appointments',
  text: `SELECT id::text, starts_at AS at FROM appointments
         WHERE clinic_id = $1::uuid AND status = 'confirmed' AND (starts_at, id::text) > ($2::timestamptz, $3::text) AND starts_at <= $4
         ORDER BY starts_at, id::text LIMIT $5`,
};
