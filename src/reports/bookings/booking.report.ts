import { Injectable } from '@nestjs/common';
import type { Report, ReportPart } from '../report-part.js';
import type { ReportQuery } from '../report-query.js';
import { ratio } from '../report-range.js';
import { byDim } from '../report-result.js';
import { measure, num } from '../report-sql.js';
import { BookingReportRepository, type BookingRow } from './booking-report.repository.js';

/** Booked in a chat vs by staff; "api" is staff tooling too (the console and integrations use it). */
export const CHAT_SOURCES = ['whatsapp', 'sms'];
const SOURCES = ['whatsapp', 'sms', 'console', 'walk_in', 'api'];

/** Source mix (how bookings were made) and time to confirmation (booked → patient confirmed). */
@Injectable()
export class BookingReport implements Report {
  constructor(private readonly repository: BookingReportRepository) {}

  async run(q: ReportQuery): Promise<ReportPart> {
    const dims = byDim(await this.repository.bookings(q));
    const counts = (r: BookingRow | undefined) => ({
      bookings: num(r?.bookings), confirmed: num(r?.confirmed), confirmedShare: ratio(num(r?.confirmed), num(r?.bookings)),
      medianHoursToConfirm: measure(r?.median_hours), p90HoursToConfirm: measure(r?.p90_hours),
    });
    const sources = dims.get('source') ?? [];
    const total = counts(dims.get('total')?.[0]);
    const chat = sources.filter((r) => CHAT_SOURCES.includes(r.key!)).reduce((s, r) => s + num(r.bookings), 0);
    return {
      totals: { ...total, chatBookings: chat, staffBookings: total.bookings - chat },
      tables: {
        bySource: SOURCES.map((source) => {
          const row = counts(sources.find((r) => r.key === source));
          return { source, ...row, share: ratio(row.bookings, total.bookings) };
        }).filter((r) => !q.channel || q.channel === r.source),
        series: (dims.get('period') ?? []).map((r) => ({ period: r.key, ...counts(r) })).sort((a, b) => String(a.period).localeCompare(String(b.period))),
      },
      notes: [],
    };
  }
}
