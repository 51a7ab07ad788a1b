import type { JobsOptions } from 'bullmq';
import { SEND_BACKOFF } from '../delivery/delivery-policy.js';

/**
 * One job per message. BullMQ refuses ':' in custom ids (except its own legacy three-part form), so
 * the deterministic id is `send-<messageId>`: dispatching a message twice queues it once.
 */
export function sendJobId(messageId: string): string {
  return `send-${messageId}`;
}

export function sendJobOptions(messageId: string, attempts: number): JobsOptions {
  return {
    jobId: sendJobId(messageId), attempts, backoff: SEND_BACKOFF,
    removeOnComplete: { age: 3_600, count: 10_000 }, removeOnFail: { age: 7 * 86_400 },
  };
}
