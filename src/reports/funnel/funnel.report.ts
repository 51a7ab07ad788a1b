import { Injectable } from '@nestjs/common';
import type { Report, ReportPart } from '../report-part.js';
import type { ReportQuery } from '../report-query.js';
import { ratio } from '../report-range.js';
import { measure, num } from '../report-sql.js';
import { ReportRollups } from '../rollups/report-rollups.js';
import { FUNNEL_ROLLUP } from '../rollups/rollup-specs.js';
import { type FunnelGroupRow, type FunnelMedianRow, FunnelReportRepository } from './funnel-report.repository.js';

export const FUNNEL_STAGES = ['started', 'intent_understood', 'slots_shown', 'slot_held', 'details_given', 'booked'] as const;

/** Sessions reaching each stage (a session counts at every stage up to its furthest) and bookings made. */
class StageTally {
  readonly reached = [0, 0, 0, 0, 0, 0];
  bookings = 0;

  add(row: FunnelGroupRow): void {
    const sessions = num(row.sessions);
    for (let stage = 0; stage <= row.stage; stage++) this.reached[stage]! += sessions;
    this.bookings += num(row.bookings);
  }
}

@Injectable()
export class FunnelReport implements Report {
  constructor(
    private readonly repository: FunnelReportRepository,
    private readonly rollups: ReportRollups,
  ) {}

  async run(q: ReportQuery): Promise<ReportPart> {
    const [groups, medians, bookings] = await Promise.all([
      this.rollups.rows(FUNNEL_ROLLUP, q), this.repository.medianMinutesToBook(q), this.repository.bookingsBySource(q),
    ]);
    const total = new StageTally();
    const byChannelLanguage = new Map<string, StageTally>();
    const byPeriod = new Map<string, StageTally>();
    const outcomes = new Map<string, number>();
    const tally = (map: Map<string, StageTally>, key: string) => map.get(key) ?? map.set(key, new StageTally()).get(key)!;
    for (const row of groups) {
      total.add(row);
      tally(byChannelLanguage, `${row.channel}\u0000${row.language}`).add(row);
      tally(byPeriod, row.period).add(row);
      const key = `${row.outcome}\u0000${row.stage}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + num(row.sessions));
    }
    const median = (dim: FunnelMedianRow['dim'], match: (r: FunnelMedianRow) => boolean = () => true) => measure(medians.find((r) => r.dim === dim && match(r))?.median);
    const summary = (t: StageTally, medianMinutesToBook: number | null) => {
      const [started, intent, shown, held, details, booked] = t.reached as [number, number, number, number, number, number];
      return {
        started, intentUnderstood: intent, slotsShown: shown, slotHeld: held, detailsGiven: details, booked,
        conversion: ratio(booked, started), bookings: t.bookings, medianMinutesToBook,
      };
    };
    const counts = total.reached;
    return {
      totals: {
        ...summary(total, median('total')),
        chatBookings: num(bookings.find((b) => b.chat)?.bookings),
        staffBookings: num(bookings.find((b) => !b.chat)?.bookings),
      },
      tables: {
        stages: FUNNEL_STAGES.map((stage, i) => {
          const reached = counts[i]!;
          const next = i + 1 < counts.length ? counts[i + 1]! : reached;
          return { stage, sessions: reached, shareOfStarted: ratio(reached, counts[0]!), dropOff: reached - next, dropOffShare: ratio(reached - next, reached) };
        }),
        byChannelLanguage: [...byChannelLanguage].map(([key, t]) => {
          const [channel, language] = key.split('\u0000') as [string, string];
          return { channel, language, ...summary(t, median('channelLanguage', (r) => r.channel === channel && r.language === language)) };
        }).sort((a, b) => b.started - a.started || a.channel.localeCompare(b.channel) || a.language.localeCompare(b.language)),
        series: [...byPeriod].map(([period, t]) => ({ period, ...summary(t, median('period', (r) => r.period === period)) }))
          .sort((a, b) => a.period.localeCompare(b.period)),
        outcomes: [...outcomes].map(([key, sessions]) => {
          const [outcome, stage] = key.split('\u0000') as [string, string];
          return { outcome, lastStage: FUNNEL_STAGES[Number(stage)]!, sessions };
        }).sort((a, b) => a.outcome.localeCompare(b.outcome) || FUNNEL_STAGES.indexOf(a.lastStage) - FUNNEL_STAGES.indexOf(b.lastStage)),
      },
      notes: q.locationIds ? ['With a location filter, only chat sessions that searched, held or booked a slot at those locations count.'] : [],
    };
  }
}
