import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '../auth/index.js';
import { Clock } from '../common/clock.js';
import { NotFoundError, ValidationError } from '../common/errors.js';
import { BookingReport } from './bookings/booking.report.js';
import { CancellationReport } from './cancellations/cancellation.report.js';
import { type Row, toCsv } from './csv.js';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import { FunnelReport } from './funnel/funnel.report.js';
import { MessagingReport } from './messaging/messaging.report.js';
import { NoShowReport } from './no-shows/no-show.report.js';
import { ReportCatalogRepository } from './report-catalog.repository.js';
import type { Report } from './report-part.js';
import type { ReportQuery } from './report-query.js';
import { reportRange } from './report-range.js';
import type { ReportName, ReportResult } from './report-result.js';
import { assertClinicWideAllowed, scopedLocations } from './report-scope.js';
import { UtilizationReport } from './utilization/utilization.report.js';
import { WaitlistReport } from './waitlist/waitlist.report.js';

/** Validates and scopes a report request, runs the report, and renders it as JSON or one CSV table. */
@Injectable()
export class ReportsService {
  private readonly reports: Record<ReportName, Report>;

  constructor(
    private readonly catalogs: ReportCatalogRepository,
    private readonly clock: Clock,
    funnel: FunnelReport,
    noShows: NoShowReport,
    utilization: UtilizationReport,
    cancellations: CancellationReport,
    waitlist: WaitlistReport,
    messaging: MessagingReport,
    bookings: BookingReport,
  ) {
    this.reports = { funnel, 'no-shows': noShows, utilization, cancellations, waitlist, messaging, bookings };
  }

  async run(name: ReportName, staff: StaffPrincipal, dto: ReportQueryDto): Promise<ReportResult> {
    if (name === 'messaging') assertClinicWideAllowed(staff, name);
    const locationIds = scopedLocations(staff, dto.locationId);
    const catalog = await this.catalogs.load(staff.clinicId);
    if (!catalog) throw new NotFoundError('Clinic');
    const query: ReportQuery = {
      clinicId: staff.clinicId, range: reportRange(dto.from, dto.to, catalog.timezone, dto.groupBy ?? 'day'), locationIds,
      providerId: dto.providerId ?? null, serviceId: dto.serviceId ?? null, channel: dto.channel ?? null, now: this.clock.now(),
    };
    const part = await this.reports[name].run(query, catalog);
    return {
      report: name, from: query.range.from, to: query.range.to, timezone: query.range.timezone, groupBy: query.range.groupBy,
      filters: { locationIds, providerId: query.providerId, serviceId: query.serviceId, channel: query.channel },
      ...part,
    };
  }

  /** One table of the report as CSV, and a file name for it. */
  csv(result: ReportResult, table: string | undefined): { filename: string; body: string } {
    const name = table ?? Object.keys(result.tables)[0]!;
    const rows: Row[] | undefined = result.tables[name];
    if (!rows) throw new ValidationError(`Unknown table "${name}"`, { tables: Object.keys(result.tables) });
    return { filename: `${result.report}-${name}-${result.from}-${result.to}.csv`, body: toCsv(rows) };
  }
}
