import { Injectable } from '@nestjs/common';
import { type Report, type ReportPart, sortRows } from '../report-part.js';
import type { ReportQuery } from '../report-query.js';
import { ratio } from '../report-range.js';
import { byDim } from '../report-result.js';
import { num } from '../report-sql.js';
import { CancellationReportRepository, type CancellationRow } from './cancellation-report.repository.js';

@Injectable()
export class CancellationReport implements Report {
  constructor(private readonly repository: CancellationReportRepository) {}

  async run(q: ReportQuery): Promise<ReportPart> {
    const [cancelRows, moveRows] = await Promise.all([this.repository.cancellations(q), this.repository.reschedules(q)]);
    const cancels = byDim(cancelRows);
    const moves = byDim(moveRows);
    const counts = (r: CancellationRow) => {
      const n = num(r.cancellations);
      return { cancellations: n, late: num(r.late), lateShare: ratio(num(r.late), n), rebooked: num(r.rebooked), rebookedShare: ratio(num(r.rebooked), n) };
    };
    const total = cancels.get('total')?.[0];
    const movesByPeriod = new Map((moves.get('period') ?? []).map((r) => [r.key!, num(r.reschedules)]));
    const periods = new Set([...(cancels.get('period') ?? []).map((r) => r.key!), ...movesByPeriod.keys()]);
    const cancelByPeriod = new Map((cancels.get('period') ?? []).map((r) => [r.key!, r]));
    return {
      totals: {
        ...(total ? counts(total) : { cancellations: 0, late: 0, lateShare: null, rebooked: 0, rebookedShare: null }),
        reschedules: num(moves.get('total')?.[0]?.reschedules),
      },
      tables: {
        series: [...periods].sort().map((period) => {
          const c = cancelByPeriod.get(period);
          return { period, cancellations: num(c?.cancellations), late: num(c?.late), reschedules: movesByPeriod.get(period) ?? 0 };
        }),
        byReason: sortRows((cancels.get('reason') ?? []).map((r) => ({ reason: r.key, ...counts(r) })), 'cancellations', 'reason'),
        byActor: sortRows((cancels.get('actor') ?? []).map((r) => ({ cancelledBy: r.key, ...counts(r) })), 'cancellations', 'cancelledBy'),
        reschedulesByActor: sortRows((moves.get('actor') ?? []).map((r) => ({ movedBy: r.key, reschedules: num(r.reschedules) })), 'reschedules', 'movedBy'),
      },
      notes: [],
    };
  }
}
