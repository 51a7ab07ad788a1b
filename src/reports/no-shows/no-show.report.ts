import { Injectable } from '@nestjs/common';
import type { ReportCatalog } from '../report-catalog.repository.js';
import type { Report, ReportPart } from '../report-part.js';
import { sortRows } from '../report-part.js';
import type { ReportQuery } from '../report-query.js';
import { ratio } from '../report-range.js';
import { byDim } from '../report-result.js';
import { num } from '../report-sql.js';
import { ReportRollups } from '../rollups/report-rollups.js';
import { NO_SHOW_ROLLUP } from '../rollups/rollup-specs.js';
import type { NoShowRow } from './no-show-report.repository.js';

const LEAD_ORDER = ['under_24h', '1_to_7_days', 'over_7_days'];
const REMINDER_ORDER = ['confirmed', 'no_answer', 'no_reminder'];

@Injectable()
export class NoShowReport implements Report {
  constructor(private readonly rollups: ReportRollups) {}

  async run(q: ReportQuery, catalog: ReportCatalog): Promise<ReportPart> {
    const dims = byDim(await this.rollups.rows(NO_SHOW_ROLLUP, q));
    const counts = (r: NoShowRow) => ({ appointments: num(r.appointments), noShows: num(r.no_shows), noShowRate: ratio(num(r.no_shows), num(r.appointments)) });
    const rows = (dim: string) => dims.get(dim) ?? [];
    const ordered = (dim: string, order: string[], keyName: string) =>
      order.map((key) => rows(dim).find((r) => r.key === key)).filter((r) => r !== undefined).map((r) => ({ [keyName]: r.key, ...counts(r) }));
    const total = rows('total')[0];
    return {
      totals: total ? counts(total) : { appointments: 0, noShows: 0, noShowRate: null },
      tables: {
        series: rows('period').map((r) => ({ period: r.key, ...counts(r) })).sort((a, b) => String(a.period).localeCompare(String(b.period))),
        byProvider: sortRows(rows('provider').map((r) => ({ providerId: r.key, provider: catalog.providers.get(r.key!) ?? r.key, ...counts(r) })), 'appointments', 'provider'),
        byService: sortRows(rows('service').map((r) => ({ serviceId: r.key, service: catalog.services.get(r.key!) ?? r.key, ...counts(r) })), 'appointments', 'service'),
        byChannel: sortRows(rows('channel').map((r) => ({ channel: r.key, ...counts(r) })), 'appointments', 'channel'),
        byLeadTime: ordered('lead', LEAD_ORDER, 'leadTime'),
        byReminderResponse: ordered('reminder', REMINDER_ORDER, 'reminderResponse'),
        heatmap: rows('heatmap').map((r) => ({ weekday: r.weekday, hour: r.hour, ...counts(r) }))
          .sort((a, b) => a.weekday! - b.weekday! || a.hour! - b.hour!),
      },
      notes: [],
    };
  }
}
