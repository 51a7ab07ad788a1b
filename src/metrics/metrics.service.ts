import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock.js';
import { ALL_QUEUES } from '../health/queue-list.js';
import { HttpMetrics } from './http-metrics.js';
import { type GaugeFamily, renderGauges } from './metrics.registry.js';
import { MetricsRepository } from './metrics.repository.js';

const TURN_WINDOW_MS = 15 * 60_000;
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/** Assembles /metrics: this process's HTTP figures plus queue depths (Redis) and backlog, bookings, reminders and turn latency (Postgres). */
@Injectable()
export class MetricsService {
  constructor(
    private readonly http: HttpMetrics,
    private readonly repository: MetricsRepository,
    private readonly clock: Clock,
    @Inject(ALL_QUEUES) private readonly queues: Queue[],
  ) {}

  async render(): Promise<string> {
    const now = this.clock.now();
    const failures: GaugeFamily = { name: 'metrics_source_up', help: 'Whether the figures from each source could be read at this scrape (1) or not (0).', samples: [] };
    const [db, queues] = await Promise.all([
      this.fromDatabase(now).then((g) => { failures.samples.push({ labels: { source: 'postgres' }, value: 1 }); return g; },
        () => { failures.samples.push({ labels: { source: 'postgres' }, value: 0 }); return []; }),
      this.fromQueues().then((g) => { failures.samples.push({ labels: { source: 'redis' }, value: 1 }); return g; },
        () => { failures.samples.push({ labels: { source: 'redis' }, value: 0 }); return []; }),
    ]);
    return [...this.http.render(), ...renderGauges([...queues, ...db, failures])].join('\n') + '\n';
  }

  private async fromQueues(): Promise<GaugeFamily[]> {
    const depth: GaugeFamily = { name: 'queue_jobs', help: 'BullMQ jobs per queue and state.', samples: [] };
    const workers: GaugeFamily = { name: 'queue_workers', help: 'Worker connections listening on each BullMQ queue.', samples: [] };
    for (const queue of this.queues) {
      const [counts, n] = await Promise.all([queue.getJobCounts(...QUEUE_STATES), queue.getWorkersCount()]);
      for (const state of QUEUE_STATES) depth.samples.push({ labels: { queue: queue.name, state }, value: counts[state] ?? 0 });
      workers.samples.push({ labels: { queue: queue.name }, value: n });
    }
    return [depth, workers];
  }

  private async fromDatabase(now: Date): Promise<GaugeFamily[]> {
    const [outbox, appointments, notifications, pending, turns] = await Promise.all([
      this.repository.outbox(now), this.repository.appointmentsByStatus(), this.repository.notificationsByKindAndStatus(),
      this.repository.pendingTurns(now), this.repository.turnLatency(new Date(+now - TURN_WINDOW_MS)),
    ]);
    const quantiles = ([['0.5', turns.p50], ['0.95', turns.p95], ['0.99', turns.p99]] as const).filter(([, v]) => v !== null);
    return [
      { name: 'outbox_backlog', help: 'Booking events committed but not yet relayed to the queues.', samples: [{ labels: {}, value: outbox.backlog }] },
      { name: 'outbox_oldest_unpublished_age_seconds', help: 'Age of the oldest unrelayed booking event (relay lag).', samples: [{ labels: {}, value: outbox.oldestAgeSeconds }] },
      { name: 'appointments', help: 'Appointments by status and source (bookings; cancellations; no-shows).', samples: appointments.map((r) => ({ labels: { status: r.status, source: r.source }, value: r.n })) },
      { name: 'notifications', help: 'Confirmations, reminders and notices by kind and status (sent, failed, skipped…).', samples: notifications.map((r) => ({ labels: { kind: r.kind, status: r.status }, value: r.n })) },
      { name: 'conversation_pending_turns', help: 'Inbound messages stored and not yet answered.', samples: [{ labels: {}, value: pending.pending }] },
      { name: 'conversation_oldest_pending_turn_age_seconds', help: 'Age of the oldest unanswered inbound message.', samples: [{ labels: {}, value: pending.oldestAgeSeconds }] },
      { name: 'conversation_turn_latency_seconds', help: 'Arrival-to-answer time of inbound messages answered in the last 15 minutes, by quantile.', samples: quantiles.map(([q, v]) => ({ labels: { quantile: q }, value: v! })) },
      { name: 'conversation_turns_recent', help: 'Inbound messages answered in the last 15 minutes.', samples: [{ labels: {}, value: turns.turns }] },
    ];
  }
}
