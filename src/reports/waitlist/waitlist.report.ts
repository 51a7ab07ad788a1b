import { Injectable } from '@nestjs/common';
import { type Report, type ReportPart, sortRows } from '../report-part.js';
import type { ReportQuery } from '../report-query.js';
import { ratio } from '../report-range.js';
import { byDim } from '../report-result.js';
import { measure, num } from '../report-sql.js';
import { type OfferRow, WaitlistReportRepository } from './waitlist-report.repository.js';

@Injectable()
export class WaitlistReport implements Report {
  constructor(private readonly repository: WaitlistReportRepository) {}

  async run(q: ReportQuery): Promise<ReportPart> {
    const [entryRows, offerRows] = await Promise.all([this.repository.entries(q), this.repository.offers(q)]);
    const entries = byDim(entryRows);
    const offers = byDim(offerRows);
    const offerCounts = (r: OfferRow | undefined) => ({
      offers: num(r?.offers), accepted: num(r?.accepted), slotsOffered: num(r?.slots_offered), slotsFilled: num(r?.slots_filled),
      fillRate: ratio(num(r?.slots_filled), num(r?.slots_offered)), medianMinutesToFill: measure(r?.median_minutes_to_fill),
    });
    const entriesByPeriod = new Map((entries.get('period') ?? []).map((r) => [r.key!, num(r.entries)]));
    const offersByPeriod = new Map((offers.get('period') ?? []).map((r) => [r.key!, r]));
    const periods = [...new Set([...entriesByPeriod.keys(), ...offersByPeriod.keys()])].sort();
    return {
      totals: { entries: num(entries.get('total')?.[0]?.entries), ...offerCounts(offers.get('total')?.[0]) },
      tables: {
        series: periods.map((period) => ({ period, entries: entriesByPeriod.get(period) ?? 0, ...offerCounts(offersByPeriod.get(period)) })),
        entriesByStatus: sortRows((entries.get('status') ?? []).map((r) => ({ status: r.key, entries: num(r.entries) })), 'entries', 'status'),
        entriesBySource: sortRows((entries.get('source') ?? []).map((r) => ({ source: r.key, entries: num(r.entries) })), 'entries', 'source'),
        offersByOutcome: sortRows((offers.get('outcome') ?? []).map((r) => ({ outcome: r.key, offers: num(r.offers) })), 'offers', 'outcome'),
      },
      notes: [],
    };
  }
}
