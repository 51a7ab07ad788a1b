import { Prisma } from '../../generated/prisma/client.js';
import { type FunnelGroupRow, funnelSessionsSql } from '../funnel/funnel-report.repository.js';
import { type MessageRow, messageCountsSql } from '../messaging/messaging-report.repository.js';
import { noShowBreakdownsSql, type NoShowRow } from '../no-shows/no-show-report.repository.js';
import type { ReportQuery } from '../report-query.js';
import { num } from '../report-sql.js';
import { type BookedRow, bookedSecondsSql } from '../utilization/utilization-report.repository.js';

/**
 * A row of report_rollups summed over the rolled-up days of a range. `period` is the period (of the
 * report's groupBy) of those days, for the dims listed in `periodDims`; null for the others.
 */
export interface RolledRow { dim: string; key: string | null; weekday: number | null; hour: number | null; period: string | null; measures: number[] }

/**
 * How one report's live query is stored per day and read back. The stored rows are exactly what the
 * live query answers for that one day (run with the same SQL), reshaped into generic columns;
 * every measure is additive (counts, seconds), so summing days gives what the query gives for all
 * of them at once.
 */
export interface RollupSpec<R> {
  report: string;
  /** The report's own query (its rows also come from here for days that are not rolled up). */
  live(q: ReportQuery): Prisma.Sql;
  /** Rows for the days of one location are stored too (location filters, receptionists). */
  byLocation: boolean;
  /** SELECT dim, key, weekday, hour, measures FROM (the live query for one day) AS r. */
  stored(live: Prisma.Sql): Prisma.Sql;
  measureCount: number;
  /** Dims whose rows are per period: the period is the stored day's. */
  periodDims: string[];
  /** Extra conditions on rollup rows for the query's filters; null when the filters need the raw rows. */
  filter(q: ReportQuery): Prisma.Sql | null;
  fromRolled(r: RolledRow): R;
  /** What identifies a row (rows with the same identity are summed). */
  identity(row: R): string;
  measures(row: R): number[];
  withMeasures(row: R, measures: number[]): R;
}

const noFilterBut = (q: ReportQuery) => (q.providerId || q.serviceId || q.channel ? null : Prisma.empty);

export const NO_SHOW_ROLLUP: RollupSpec<NoShowRow> = {
  report: 'no-shows',
  live: noShowBreakdownsSql,
  byLocation: true,
  stored: (live) => Prisma.sql`
    SELECT dim, CASE WHEN dim = 'period' THEN NULL ELSE key END AS key, weekday, hour,
           ARRAY[appointments, no_shows]::numeric[] AS measures
    FROM (${live}) AS r`,
  measureCount: 2,
  periodDims: ['period'],
  filter: noFilterBut,
  fromRolled: (r) => ({
    dim: r.dim as NoShowRow['dim'], key: r.dim === 'period' ? r.period : r.key, weekday: r.weekday, hour: r.hour,
    appointments: BigInt(r.measures[0]!), no_shows: BigInt(r.measures[1]!),
  }),
  identity: (r) => `${r.dim}|${r.key}|${r.weekday}|${r.hour}`,
  measures: (r) => [num(r.appointments), num(r.no_shows)],
  withMeasures: (r, [appointments, noShows]) => ({ ...r, appointments: BigInt(appointments!), no_shows: BigInt(noShows!) }),
};

const MESSAGE_MEASURES = ['inbound', 'outbound', 'sent', 'delivered', 'read', 'failed', 'pending'] as const;

export const MESSAGING_ROLLUP: RollupSpec<MessageRow> = {
  report: 'messaging',
  live: messageCountsSql,
  // Messages carry no location: the report is clinic-wide whatever the location filter.
  byLocation: false,
  stored: (live) => Prisma.sql`
    SELECT CASE WHEN period IS NULL THEN 'channel' ELSE 'period' END AS dim, channel AS key, NULL::smallint AS weekday, NULL::smallint AS hour,
           ARRAY[${Prisma.raw(MESSAGE_MEASURES.map((m) => `COALESCE(${m}, 0)`).join(', '))}]::numeric[] AS measures
    FROM (${live}) AS r`,
  measureCount: MESSAGE_MEASURES.length,
  periodDims: ['period'],
  filter: (q) => (q.channel ? Prisma.sql` AND r.key = ${q.channel}` : Prisma.empty),
  fromRolled: (r) => ({
    channel: r.key!, period: r.period,
    ...Object.fromEntries(MESSAGE_MEASURES.map((m, i) => [m, BigInt(r.measures[i]!)])) as Pick<MessageRow, (typeof MESSAGE_MEASURES)[number]>,
  }),
  identity: (r) => `${r.channel}|${r.period}`,
  measures: (r) => MESSAGE_MEASURES.map((m) => num(r[m])),
  withMeasures: (r, values) => ({ ...r, ...Object.fromEntries(MESSAGE_MEASURES.map((m, i) => [m, BigInt(values[i]!)])) }),
};

export const BOOKED_TIME_ROLLUP: RollupSpec<BookedRow> = {
  report: 'utilization',
  live: bookedSecondsSql,
  byLocation: true,
  // key = "<provider id> <location id>" (no location: telehealth).
  stored: (live) => Prisma.sql`
    SELECT 'booked' AS dim, provider_id || ' ' || COALESCE(location_id, '') AS key, NULL::smallint AS weekday, NULL::smallint AS hour,
           ARRAY[seconds, appointments]::numeric[] AS measures
    FROM (${live}) AS r`,
  measureCount: 2,
  periodDims: ['booked'],
  filter: noFilterBut,
  fromRolled: (r) => {
    const [providerId, locationId] = r.key!.split(' ') as [string, string];
    return { provider_id: providerId, location_id: locationId || null, period: r.period!, seconds: r.measures[0]!, appointments: BigInt(r.measures[1]!) };
  },
  identity: (r) => `${r.provider_id}|${r.location_id}|${r.period}`,
  measures: (r) => [Number(r.seconds), num(r.appointments)],
  withMeasures: (r, [seconds, appointments]) => ({ ...r, seconds: seconds!, appointments: BigInt(appointments!) }),
};

/**
 * Chat sessions by start. A day is rolled up only once all its sessions were idle for 24 hours
 * (none is "open"), and read only by reports whose `now` is after the rollup, so no stored session
 * can have become "open" or stopped being open since (see ReportRollups.refresh).
 */
export const FUNNEL_ROLLUP: RollupSpec<FunnelGroupRow> = {
  report: 'funnel',
  live: funnelSessionsSql,
  byLocation: true,
  // key = "<channel> <language> <stage> <outcome>"
  stored: (live) => Prisma.sql`
    SELECT 'sessions' AS dim, concat_ws(' ', channel, language, stage, outcome) AS key, NULL::smallint AS weekday, NULL::smallint AS hour,
           ARRAY[sessions, COALESCE(bookings, 0)]::numeric[] AS measures
    FROM (${live}) AS r`,
  measureCount: 2,
  periodDims: ['sessions'],
  filter: (q) => (q.providerId || q.serviceId ? null : q.channel ? Prisma.sql` AND split_part(r.key, ' ', 1) = ${q.channel}` : Prisma.empty),
  fromRolled: (r) => {
    const [channel, language, stage, outcome] = r.key!.split(' ') as [string, string, string, string];
    return { channel, language, stage: Number(stage), outcome, period: r.period!, sessions: BigInt(r.measures[0]!), bookings: BigInt(r.measures[1]!) };
  },
  identity: (r) => `${r.channel}|${r.language}|${r.stage}|${r.outcome}|${r.period}`,
  measures: (r) => [num(r.sessions), num(r.bookings)],
  withMeasures: (r, [sessions, bookings]) => ({ ...r, sessions: BigInt(sessions!), bookings: BigInt(bookings!) }),
};

export const ROLLUP_SPECS: readonly RollupSpec<never>[] = [NO_SHOW_ROLLUP, MESSAGING_ROLLUP, BOOKED_TIME_ROLLUP, FUNNEL_ROLLUP] as unknown as RollupSpec<never>[];
