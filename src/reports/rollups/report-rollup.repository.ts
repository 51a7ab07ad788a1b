import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { ReportQuery } from '../report-query.js';
import type { RolledRow, RollupSpec } from './rollup-specs.js';

/** date_trunc unit of each groupBy: periods named by their first local date, weeks from Monday. */
const UNIT = { day: 'day', week: 'week', month: 'month' } as const;

@Injectable()
export class ReportRollupRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The days of [from, to] (local dates) whose rollup can be read: rolled up, not dirty since, and
   * rolled before `asOf` (the report's now: a later rollup may judge chat sessions by a later clock).
   */
  async cleanDays(clinicId: string, from: string, to: string, asOf: Date): Promise<Set<string>> {
    const rows = await this.prisma.$queryRaw<{ day: string }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day FROM report_rollup_days
      WHERE clinic_id = ${clinicId}::uuid AND day BETWEEN ${from}::date AND ${to}::date AND rolled_at <= ${asOf} AND NOT dirty`;
    return new Set(rows.map((r) => r.day));
  }

  /** The spec's stored rows over these days, summed per row identity and period. */
  async rolled(spec: RollupSpec<unknown>, q: ReportQuery, days: string[], where: Prisma.Sql): Promise<RolledRow[]> {
    if (days.length === 0) return [];
    const scope = spec.byLocation && q.locationIds ? Prisma.sql`r.location_id = ANY(${q.locationIds}::uuid[])` : Prisma.sql`r.location_id IS NULL`;
    const sums = Prisma.raw(Array.from({ length: spec.measureCount }, (_, i) => `sum(r.measures[${i + 1}])`).join(', '));
    const rows = await this.prisma.$queryRaw<(Omit<RolledRow, 'measures'> & { measures: (string | number)[] })[]>`
      SELECT r.dim, r.key, r.weekday, r.hour,
             CASE WHEN r.dim = ANY(${spec.periodDims}::text[]) THEN to_char(date_trunc(${UNIT[q.range.groupBy]}, r.day::timestamp), 'YYYY-MM-DD') END AS period,
             ARRAY[${sums}]::text[] AS measures
      FROM report_rollups r
      WHERE r.clinic_id = ${q.clinicId}::uuid AND r.report = ${spec.report} AND r.day = ANY(${days}::date[]) AND ${scope} ${where}
      GROUP BY 1, 2, 3, 4, 5`;
    return rows.map((r) => ({ ...r, measures: r.measures.map(Number) }));
  }

  /** The clinic's zone and locations, and the database's clock (the triggers' clock too). */
  async clinics(): Promise<{ id: string; timezone: string; locationIds: string[]; now: Date }[]> {
    return this.prisma.$queryRaw`
      SELECT c.id::text AS id, c.timezone, COALESCE(array_agg(l.id::text) FILTER (WHERE l.id IS NOT NULL), '{}') AS "locationIds", now() AS now
      FROM clinics c LEFT JOIN locations l ON l.clinic_id = c.id GROUP BY c.id`;
  }

  /** Days of [from, to] that still need rolling up: never rolled, or dirty since. */
  async daysToRoll(clinicId: string, from: string, to: string): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ day: string }[]>`
      SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d
      WHERE NOT EXISTS (SELECT 1 FROM report_rollup_days r WHERE r.clinic_id = ${clinicId}::uuid AND r.day = d::date AND r.rolled_at IS NOT NULL AND NOT r.dirty)
      ORDER BY d`;
    return rows.map((r) => r.day);
  }

  /** Whether a chat session that started on this day was active in the last 24 hours (it is still "open"). */
  async hasOpenSession(clinicId: string, timezone: string, day: string): Promise<boolean> {
    const [row] = await this.prisma.$queryRaw<{ open: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM conversation_funnels
                     WHERE clinic_id = ${clinicId}::uuid AND started_at >= (${day}::date::timestamp AT TIME ZONE ${timezone})
                       AND started_at < ((${day}::date + 1)::timestamp AT TIME ZONE ${timezone}) AND last_activity_at > now() - interval '24 hours') AS open`;
    return row?.open ?? false;
  }

  /** The earliest local date holding an appointment start, a message or a chat session, if any. */
  async firstDay(clinicId: string, timezone: string): Promise<string | null> {
    const [row] = await this.prisma.$queryRaw<{ day: string | null }[]>`
      SELECT to_char(least((SELECT min(starts_at) FROM appointments WHERE clinic_id = ${clinicId}::uuid),
                           (SELECT min(created_at) FROM messages WHERE clinic_id = ${clinicId}::uuid),
                           (SELECT min(started_at) FROM conversation_funnels WHERE clinic_id = ${clinicId}::uuid)) AT TIME ZONE ${timezone}, 'YYYY-MM-DD') AS day`;
    return row?.day ?? null;
  }

  /**
   * Replaces one day's rollup. The day's row is written (and so locked) first: a change to that
   * day's appointments or messages that commits while this runs waits for this transaction and then
   * marks the day dirty again, and every change committed before is seen by the queries after it.
   */
  async rollDay(clinicId: string, day: string, batches: { spec: RollupSpec<unknown>; locationId: string | null; live: Prisma.Sql }[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO report_rollup_days (clinic_id, day, rolled_at, dirty) VALUES (${clinicId}::uuid, ${day}::date, now(), false)
        ON CONFLICT (clinic_id, day) DO UPDATE SET rolled_at = excluded.rolled_at, dirty = false`;
      await tx.$executeRaw`DELETE FROM report_rollups WHERE clinic_id = ${clinicId}::uuid AND day = ${day}::date`;
      for (const { spec, locationId, live } of batches) {
        await tx.$executeRaw`
          INSERT INTO report_rollups (clinic_id, day, report, location_id, dim, key, weekday, hour, measures)
          SELECT ${clinicId}::uuid, ${day}::date, ${spec.report}, ${locationId}::uuid, s.dim, s.key, s.weekday, s.hour, s.measures
          FROM (${spec.stored(live)}) AS s`;
      }
    }, { timeout: 60_000, maxWait: 15_000 });
  }
}
