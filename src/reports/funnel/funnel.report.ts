import { Injectable } from '@nestjs/common';
import type { Report, ReportPart } from '../report-part.js';
import type { ReportQuery } from '../report-query.js';
import { ratio } from '../report-range.js';
import { byDim } from '../report-result.js';
import { measure, num } from '../report-sql.js';
import { FunnelReportRepository, type FunnelRow } from './funnel-report.repository.js';

export const FUNNEL_STAGES = ['started', 'intent_understood', 'slots_shown', 'slot_held', 'details_given', 'booked'] as const;

@Injectable()
export class FunnelReport implements Report {
  constructor(private readonly repository: FunnelReportRepository) {}

  async run(q: ReportQuery): Promise<ReportPart> {
    const [rows, bookings] = await Promise.all([this.repository.sessions(q), this.repository.bookingsBySource(q)]);
    const dims = byDim(rows);
    const total = dims.get('total')?.[0];
    const stages = (r: FunnelRow | undefined) => [r?.sessions, r?.intent, r?.shown, r?.held, r?.details, r?.booked].map(num);
    const summary = (r: FunnelRow | undefined) => {
      const [started, intent, shown, held, details, booked] = stages(r);
      return {
        started: started!, intentUnderstood: intent!, slotsShown: shown!, slotHeld: held!, detailsGiven: details!, booked: booked!,
        conversion: ratio(booked!, started!), bookings: num(r?.bookings), medianMinutesToBook: measure(r?.median_minutes_to_book),
      };
    };
    const counts = stages(total);
    return {
      totals: {
        ...summary(total),
        chatBookings: num(bookings.find((b) => b.chat)?.bookings),
        staffBookings: num(bookings.find((b) => !b.chat)?.bookings),
      },
      tables: {
        stages: FUNNEL_STAGES.map((stage, i) => {
          const reached = counts[i]!;
          const next = i + 1 < counts.length ? counts[i + 1]! : reached;
          return { stage, sessions: reached, shareOfStarted: ratio(reached, counts[0]!), dropOff: reached - next, dropOffShare: ratio(reached - next, reached) };
        }),
        byChannelLanguage: (dims.get('channelLanguage') ?? []).map((r) => ({ channel: r.channel, language: r.language, ...summary(r) }))
          .sort((a, b) => Number(b.started) - Number(a.started) || String(a.channel).localeCompare(String(b.channel)) || String(a.language).localeCompare(String(b.language))),
        series: (dims.get('period') ?? []).map((r) => ({ period: r.period, ...summary(r) })).sort((a, b) => String(a.period).localeCompare(String(b.period))),
        outcomes: (dims.get('outcome') ?? []).map((r) => ({ outcome: r.outcome, lastStage: FUNNEL_STAGES[r.stage ?? 0]!, sessions: num(r.sessions) }))
          .sort((a, b) => a.outcome!.localeCompare(b.outcome!) || FUNNEL_STAGES.indexOf(a.lastStage) - FUNNEL_STAGES.indexOf(b.lastStage)),
      },
      notes: q.locationIds ? ['With a location filter, only chat sessions that searched, held or booked a slot at those locations count.'] : [],
    };
  }
}
