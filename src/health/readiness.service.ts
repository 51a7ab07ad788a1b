import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { readMigrations } from '../database/migrator.js';
import { HealthService } from './health.service.js';
import { findMigrationsDir } from './migrations-dir.js';
import { ALL_QUEUES } from './queue-list.js';
import { ReadinessRepository } from './readiness.repository.js';

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  postgres: 'up' | 'down';
  redis: 'up' | 'down';
  /** Migrations shipped with this build that the database has not applied (deploy order: migrate, then start). */
  pendingMigrations: string[] | 'unknown';
  /** Queues no worker process is listening on (jobs would wait forever). */
  queuesWithoutWorkers: string[] | 'unknown';
}

/**
 * Readiness: may a load balancer send this instance traffic? Unlike /health (liveness: the process
 * and its connections answer), it also needs the schema this build expects and a worker somewhere
 * for every queue, or accepted messages would never be answered.
 */
@Injectable()
export class ReadinessService {
  private readonly shipped: string[] | null;

  constructor(
    private readonly health: HealthService,
    private readonly repository: ReadinessRepository,
    @Inject(ALL_QUEUES) private readonly queues: Queue[],
  ) {
    const dir = findMigrationsDir();
    this.shipped = dir ? readMigrations(dir).map((m) => m.name) : null;
  }

  async check(): Promise<ReadinessReport> {
    const { postgres, redis } = await this.health.check();
    const [pendingMigrations, queuesWithoutWorkers] = await Promise.all([
      postgres === 'up' ? this.pendingMigrations() : Promise.resolve('unknown' as const),
      redis === 'up' ? this.queuesWithoutWorkers() : Promise.resolve('unknown' as const),
    ]);
    const ready = postgres === 'up' && redis === 'up' && Array.isArray(pendingMigrations) && pendingMigrations.length === 0
      && Array.isArray(queuesWithoutWorkers) && queuesWithoutWorkers.length === 0;
    return { status: ready ? 'ready' : 'not_ready', postgres, redis, pendingMigrations, queuesWithoutWorkers };
  }

  private async pendingMigrations(): Promise<string[] | 'unknown'> {
    if (!this.shipped) return 'unknown';
    try {
      const applied = new Set(await this.repository.appliedMigrations());
      return this.shipped.filter((name) => !applied.has(name));
    } catch {
      return 'unknown';
    }
  }

  private async queuesWithoutWorkers(): Promise<string[] | 'unknown'> {
    try {
      const counts = await Promise.all(this.queues.map(async (q) => [q.name, await q.getWorkersCount()] as const));
      return counts.filter(([, n]) => n === 0).map(([name]) => name);
    } catch {
      return 'unknown';
    }
  }
}
