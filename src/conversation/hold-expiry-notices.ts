import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock.js';
import { QUEUES } from '../queue/queues.js';

export const HOLD_EXPIRY_NOTICE_JOB = 'hold-expiry-notice';

/** Payload of a `hold-expiry-notice` job (queue `notifications`). */
export interface HoldExpiryNoticeJobData { conversationId: string; holdToken: string }

/** One job per hold; the token itself stays out of the id (ids are listed by queue dashboards). */
export function holdExpiryJobId(holdToken: string): string {
  return `hold-expiry-${createHash('sha256').update(holdToken).digest('hex').slice(0, 32)}`;
}

/**
 * Schedules the chat notice for when a hold the patient placed lapses: a BullMQ delayed job in Redis,
 * so it fires even if the process that placed the hold has restarted. Whether anything is said is
 * decided when it fires (see HoldExpiryNoticeJob).
 */
@Injectable()
export class HoldExpiryNotices {
  constructor(@InjectQueue(QUEUES.notifications) private readonly queue: Queue<HoldExpiryNoticeJobData>, private readonly clock: Clock) {}

  async schedule(conversationId: string, holdToken: string, expiresAt: number): Promise<void> {
    await this.queue.add(HOLD_EXPIRY_NOTICE_JOB, { conversationId, holdToken }, { jobId: holdExpiryJobId(holdToken), delay: Math.max(0, expiresAt - +this.clock.now()) });
  }
}
