import { Queue } from 'bullmq';
import { type AppointmentEventBatchJobData, type AppointmentEventJobData, QUEUES } from '../../src/queue/queues.js';

/**
 * Every booking event the outbox relay put on the app's appointment-events queue, in relay order (jobs
 * by the time they were added, then by first outbox id), each with the name of the job that carried it.
 */
export async function relayedEvents(redisUrl: string, redisPrefix: string): Promise<(AppointmentEventJobData & { job: string })[]> {
  const queue = new Queue<AppointmentEventBatchJobData>(QUEUES.appointmentEvents, { connection: { url: redisUrl }, prefix: `${redisPrefix}:bull` });
  try {
    const firstId = (id: string | undefined) => Number(id?.split('-')[1]);
    const jobs = (await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed'])).sort((a, b) => a.timestamp - b.timestamp || firstId(a.id) - firstId(b.id));
    return jobs.flatMap((job) => job.data.events.map((event) => ({ job: job.name, ...event })));
  } finally {
    await queue.close();
  }
}
