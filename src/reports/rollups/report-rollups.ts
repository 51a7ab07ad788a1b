import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { ReportQuery } from '../report-query.js';
import { localDays, reportRange } from '../report-range.js';
import { ReportSqlRepository } from '../report-sql.repository.js';
import { ReportRollupRepository } from './report-rollup.repository.js';
import { ROLLUP_SPECS, type RollupSpec } from './rollup-specs.js';

/**
 * A day is rolled up once it ended this long ago. The triggers that mark rolled days dirty watch
 * rows older than 24 hours; the extra hour covers a transaction that began before the day was
 * rolled and commits after (report and booking transactions time out within a minute).
 */
export const ROLL_AFTER_HOURS = 25;
/** Beyond this many separate stretches of not-rolled days, read the whole stretch between them live. */
const MAX_LIVE_WINDOWS = 8;

/**
 * Daily rollups of the heavy report queries (chat sessions, no-shows, booked time, messages). Reports read the
 * stored rows for days that are rolled up and clean, and run their own query on the raw rows for
 * every other day (today, yesterday, days changed since their rollup), then add the two: the
 * answer is the same as the live query's over the whole range, only faster.
 */
@Injectable()
export class ReportRollups {
  private readonly logger = new Logger(ReportRollups.name);

  constructor(
    private readonly repository: ReportRollupRepository,
    private readonly sql: ReportSqlRepository,
  ) {}

  async rows<R>(spec: RollupSpec<R>, q: ReportQuery): Promise<R[]> {
    const where = spec.filter(q);
    if (where === null) return this.sql.rows<R>(spec.live(q));
    const days = localDays(q.range).map((d) => d.date);
    const clean = await this.repository.cleanDays(q.clinicId, days[0]!, days.at(-1)!, q.now);
    const windows = liveWindows(days, clean);
    const inWindow = (day: string) => windows.some(([from, to]) => day >= from && day <= to);
    const [stored, ...live] = await Promise.all([
      this.repository.rolled(spec as RollupSpec<unknown>, q, days.filter((d) => clean.has(d) && !inWindow(d)), where),
      ...windows.map(([from, to]) => this.sql.rows<R>(spec.live({ ...q, range: reportRange(from, to, q.range.timezone, q.range.groupBy) }))),
    ]);
    return sumRows(spec, [...live.flat(), ...stored.map((r) => spec.fromRolled(r))]);
  }

  /** Rolls up every closed day (of the last 400) not yet rolled or dirty since; answers how many. */
  async refresh(maxDays = 400): Promise<number> {
    let rolled = 0;
    for (const clinic of await this.repository.clinics()) {
      const last = DateTime.fromJSDate(clinic.now, { zone: clinic.timezone }).minus({ hours: ROLL_AFTER_HOURS }).startOf('day').minus({ days: 1 });
      const firstData = await this.repository.firstDay(clinic.id, clinic.timezone);
      if (!firstData) continue;
      const first = DateTime.max(DateTime.fromISO(firstData, { zone: clinic.timezone }), last.minus({ days: 399 }));
      if (first > last) continue;
      const days = (await this.repository.daysToRoll(clinic.id, first.toISODate()!, last.toISODate()!)).reverse().slice(0, maxDays - rolled);
      for (const day of days) {
        // A session still open would be stored as open and later turn ended_early with no row changing.
        if (await this.repository.hasOpenSession(clinic.id, clinic.timezone, day)) continue;
        const batches = ROLLUP_SPECS.flatMap((spec) => [null, ...(spec.byLocation ? clinic.locationIds : [])].map((locationId) => ({
          spec, locationId,
          live: spec.live({
            clinicId: clinic.id, range: reportRange(day, day, clinic.timezone, 'day'), locationIds: locationId ? [locationId] : null,
            providerId: null, serviceId: null, channel: null, now: clinic.now,
          }),
        })));
        await this.repository.rollDay(clinic.id, day, batches);
        rolled++;
      }
      if (rolled >= maxDays) break;
    }
    if (rolled > 0) this.logger.log({ days: rolled }, 'report days rolled up');
    return rolled;
  }
}

/** Stretches [from, to] of consecutive days that are not clean (read live). */
export function liveWindows(days: readonly string[], clean: ReadonlySet<string>): [string, string][] {
  const windows: [string, string][] = [];
  days.forEach((day, i) => {
    if (clean.has(day)) return;
    const open = windows.at(-1);
    if (open && open[1] === days[i - 1]) open[1] = day;
    else windows.push([day, day]);
  });
  return windows.length > MAX_LIVE_WINDOWS ? [[windows[0]![0], windows.at(-1)![1]]] : windows;
}

function sumRows<R>(spec: RollupSpec<R>, rows: R[]): R[] {
  const byIdentity = new Map<string, R>();
  for (const row of rows) {
    const id = spec.identity(row);
    const seen = byIdentity.get(id);
    byIdentity.set(id, seen === undefined ? row : spec.withMeasures(seen, spec.measures(seen).map((m, i) => m + spec.measures(row)[i]!)));
  }
  return [...byIdentity.values()];
}
