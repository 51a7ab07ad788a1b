import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock.js';
import { repeatAfter } from '../common/repeat-after.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { APPOINTMENT_EVENT_BATCH_JOB, type AppointmentEventBatchJobData, type AppointmentEventJobData, type AppointmentEventType, QUEUES } from '../queue/queues.js';
import { HOURS_ADDED_EVENT, NEW_HOURS_JOB, newHoursJobId, toNewHoursJob } from './hours-added.event.js';
import { OutboxRepository, type PendingEvent } from './outbox.repository.js';
import { withQueueTimeout } from '../queue/queue-timeout.js';

const POLL_MS = 250;
/** How long a commit's pass waits for other commits to share it (event delivery is not that urgent). */
const SOON_MS = 20;
const BATCH = 100;
/** Delivered events are kept this long (to look into a recent delivery), then deleted in hourly passes. */
const KEEP_PUBLISHED_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;
const PRUNE_BATCH = 5_000;
const ADD_TIMEOUT_MS = 2_000;

/**
 * Moves committed events from the outbox table to BullMQ, at least once and in id order. While Redis
 * is down the events simply wait in Postgres. A pass's booking events travel as one job whose id is
 * derived from the outbox ids it carries, so the same pass delivered twice (relay crashed after
 * adding, before marking) is one job; a later pass that carries them again with newer events
 * delivers them twice, which the workers' handlers are built to absorb (at least once).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private repeating: { stop(): void } | undefined;
  private pruning: { stop(): void } | undefined;
  private running: Promise<number> | null = null;
  private soon: NodeJS.Timeout | undefined;

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectQueue(QUEUES.appointmentEvents) private readonly queue: Queue<AppointmentEventBatchJobData>,
    @InjectQueue(QUEUES.waitlist) private readonly waitlistQueue: Queue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Without a listener BullMQ prints every reconnect attempt; the relay reports outages itself.
    this.queue.on('error', () => undefined);
    this.waitlistQueue.on('error', () => undefined);
  }

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    // A failed pass leaves its events in Postgres for the next one (a queue failure is logged by the pass).
    this.repeating = repeatAfter(POLL_MS, () => this.relayOnce(), () => undefined);
    this.pruning = repeatAfter(PRUNE_EVERY_MS, () => this.prune(), (error) => this.logger.warn({ err: error.message }, 'outbox prune failed'));
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.soon);
    this.repeating?.stop();
    this.pruning?.stop();
    await this.running?.catch(() => undefined);
  }

  /** Deletes events delivered more than KEEP_PUBLISHED_MS ago, in batches; returns how many. */
  async prune(): Promise<number> {
    const before = new Date(+this.clock.now() - KEEP_PUBLISHED_MS);
    let total = 0;
    for (let deleted = PRUNE_BATCH; deleted === PRUNE_BATCH;) {
      deleted = await this.outbox.prunePublished(before, PRUNE_BATCH);
      total += deleted;
    }
    return total;
  }

  /**
   * After a commit that wrote an event: one pass SOON_MS later, shared by every commit until then.
   * A pass per commit cost more Postgres round trips than the bookings themselves under load (five
   * per pass: begin, lock, read, mark, commit), and BullMQ one job per few events.
   */
  relaySoon(): void {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      // A pass already under way may have read the outbox before these commits: run one after it.
      void (this.running ?? Promise.resolve(0)).catch(() => 0).then(() => this.relayOnce(true)).catch(() => undefined);
    }, SOON_MS);
  }

  /**
   * One pass; returns how many events reached the queue. Safe to run in several processes at once.
   * `eventWritten`: the caller just committed an event, so the pass need not look whether any wait.
   */
  private relayOnce(eventWritten = false): Promise<number> {
    this.running ??= this.pass(eventWritten).finally(() => { this.running = null; });
    return this.running;
  }

  private async pass(eventWritten: boolean): Promise<number> {
    const published = await this.outbox.withOldestUnpublished(BATCH, async (events, claim) => {
      if (events.length === 0) return 0;
      try {
        await withQueueTimeout(this.publish(events), ADD_TIMEOUT_MS);
      } catch (error) {
        // Nothing is marked, so nothing later overtakes an event that may not have arrived; the next
        // pass offers the same events again and their job ids keep any that did arrive from repeating.
        await claim.recordFailure(events[0]!.id, (error as Error).message);
        this.logger.warn({ outboxId: String(events[0]!.id), err: (error as Error).message }, 'outbox relay paused: queue unavailable');
        return 0;
      }
      await claim.markPublished(events.map((e) => e.id), this.clock.now());
      return events.length;
    }, !eventWritten);
    return published ?? 0;
  }

  /**
   * Booking events go to the appointment-events worker as one job, in id order. A schedule edit that
   * added hours goes straight to the waitlist queue (one job each, few): offering the new time is its
   * only consequence.
   */
  private async publish(events: PendingEvent[]): Promise<void> {
    const hours = events.filter((e) => e.eventType === HOURS_ADDED_EVENT);
    const appointments = events.filter((e) => e.eventType !== HOURS_ADDED_EVENT);
    await Promise.all([
      appointments.length && this.queue.add(APPOINTMENT_EVENT_BATCH_JOB, { events: appointments.map(toJob) }, { jobId: eventBatchJobId(appointments) }),
      hours.length && this.waitlistQueue.addBulk(hours.map((e) => ({ name: NEW_HOURS_JOB, data: toNewHoursJob(e), opts: { jobId: newHoursJobId(String(e.id)) } }))),
    ]);
  }
}

/** `outbox-<first id>-<last id>`: the same events in the same pass make the same job. */
function eventBatchJobId(events: { id: bigint }[]): string {
  return `outbox-${events[0]!.id}-${events.at(-1)!.id}`;
}

function toJob(event: PendingEvent): AppointmentEventJobData {
  const payload = event.payload as Record<string, unknown>;
  return {
    outboxId: String(event.id),
    clinicId: (payload.clinicId as string | undefined) ?? null,
    appointmentId: event.aggregateId,
    eventType: event.eventType as AppointmentEventType,
    payload,
    occurredAt: event.createdAt.toISOString(),
  };
}
