import { getQueueToken } from '@nestjs/bullmq';
import type { Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

/** Every BullMQ queue of the app, for probes that look at all of them (readiness, queue-depth metrics). */
export const ALL_QUEUES = Symbol('ALL_QUEUES');

export const allQueuesProvider: Provider = {
  provide: ALL_QUEUES,
  inject: Object.values(QUEUES).map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => queues,
};
