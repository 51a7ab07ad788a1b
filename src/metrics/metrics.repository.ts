import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

/**
 * Figures read from Postgres when /metrics is scraped. They are the same from every instance (the
 * database is the source of truth), so dashboards should take max(), not sum(), across instances.
 */
@Injectable()
export class MetricsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async outbox(now: Date): Promise<{ backlog: number; oldestAgeSeconds: number }> {
    const [row] = await this.prisma.$queryRaw<{ backlog: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS backlog, min(created_at) AS oldest FROM outbox WHERE published_at IS NULL`;
    return { backlog: row?.backlog ?? 0, oldestAgeSeconds: row?.oldest ? Math.max(0, (+now - +row.oldest) / 1000) : 0 };
  }

  appointmentsByStatus(): Promise<{ status: string; source: string; n: number }[]> {
    return this.prisma.$queryRaw`SELECT status::text AS status, source::text AS source, count(*)::int AS n FROM appointments GROUP BY 1, 2 ORDER BY 1, 2`;
  }

  notificationsByKindAndStatus(): Promise<{ kind: string; status: string; n: number }[]> {
    return this.prisma.$queryRaw`SELECT kind::text AS kind, status::text AS status, count(*)::int AS n FROM notifications GROUP BY 1, 2 ORDER BY 1, 2`;
  }

  /** Inbound messages stored but not yet answered, and the age of the oldest (a stuck turn shows here). */
  async pendingTurns(now: Date): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row] = await this.prisma.$queryRaw<{ pending: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS pending, min(created_at) AS oldest FROM messages WHERE direction = 'inbound' AND processed_at IS NULL`;
    return { pending: row?.pending ?? 0, oldestAgeSeconds: row?.oldest ? Math.max(0, (+now - +row.oldest) / 1000) : 0 };
  }

  /** Quantiles of the time from an inbound message's arrival to its answer, over turns finished since `since`. */
  async turnLatency(since: Date): Promise<{ p50: number | null; p95: number | null; p99: number | null; turns: number }> {
    const [row] = await this.prisma.$queryRaw<{ p50: number | null; p95: number | null; p99: number | null; turns: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY s) AS p95,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY s) AS p99, count(*)::int AS turns
      FROM (SELECT extract(epoch FROM processed_at - created_at)::float8 AS s FROM messages
            WHERE direction = 'inbound' AND processed_at >= ${since}) t`;
    return row ?? { p50: null, p95: null, p99: null, turns: 0 };
  }
}
