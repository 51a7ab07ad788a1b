import { Injectable } from '@nestjs/common';
import type { Report, ReportPart } from '../report-part.js';
import type { ReportQuery } from '../report-query.js';
import { ratio } from '../report-range.js';
import { num } from '../report-sql.js';
import { ReportRollups } from '../rollups/report-rollups.js';
import { MESSAGING_ROLLUP } from '../rollups/rollup-specs.js';
import { type MessageRow, MessagingReportRepository } from './messaging-report.repository.js';

const CHANNELS = ['whatsapp', 'sms'];

@Injectable()
export class MessagingReport implements Report {
  constructor(
    private readonly repository: MessagingReportRepository,
    private readonly rollups: ReportRollups,
  ) {}

  async run(q: ReportQuery): Promise<ReportPart> {
    const [rows, optOutRows] = await Promise.all([this.rollups.rows(MESSAGING_ROLLUP, q), this.repository.optOuts(q)]);
    const optOuts = new Map(optOutRows.map((r) => [r.channel, num(r.opt_outs)]));
    const counts = (r: MessageRow | undefined) => {
      const sent = num(r?.sent);
      const failed = num(r?.failed);
      return {
        inbound: num(r?.inbound), outbound: num(r?.outbound), sent, delivered: num(r?.delivered), read: num(r?.read), failed, pending: num(r?.pending),
        deliveryRate: ratio(num(r?.delivered), sent + failed), failureRate: ratio(failed, sent + failed),
      };
    };
    const channels = CHANNELS.filter((c) => !q.channel || q.channel === c);
    const byChannel = channels.map((channel) => ({ channel, ...counts(rows.find((r) => r.channel === channel && r.period === null)), optOuts: optOuts.get(channel) ?? 0 }));
    const sum = (key: keyof (typeof byChannel)[number]) => byChannel.reduce((s, r) => s + Number(r[key] ?? 0), 0);
    const sent = sum('sent');
    const failed = sum('failed');
    return {
      totals: {
        inbound: sum('inbound'), outbound: sum('outbound'), sent, delivered: sum('delivered'), read: sum('read'), failed, pending: sum('pending'),
        deliveryRate: ratio(sum('delivered'), sent + failed), failureRate: ratio(failed, sent + failed), optOuts: sum('optOuts'),
      },
      tables: {
        byChannel,
        series: rows.filter((r) => r.period !== null).map((r) => ({ period: r.period, channel: r.channel, ...counts(r) }))
          .sort((a, b) => String(a.period).localeCompare(String(b.period)) || a.channel.localeCompare(b.channel)),
      },
      notes: [],
    };
  }
}
