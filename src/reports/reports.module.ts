import { Module } from '@nestjs/common';
import { BookingReportRepository } from './bookings/booking-report.repository.js';
import { BookingReport } from './bookings/booking.report.js';
import { CancellationReportRepository } from './cancellations/cancellation-report.repository.js';
import { CancellationReport } from './cancellations/cancellation.report.js';
import { FunnelReportRepository } from './funnel/funnel-report.repository.js';
import { FunnelReport } from './funnel/funnel.report.js';
import { MessagingReportRepository } from './messaging/messaging-report.repository.js';
import { MessagingReport } from './messaging/messaging.report.js';
import { NoShowReport } from './no-shows/no-show.report.js';
import { ReportCatalogRepository } from './report-catalog.repository.js';
import { ReportSqlRepository } from './report-sql.repository.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { ReportRollupRepository } from './rollups/report-rollup.repository.js';
import { ReportRollupWorkers } from './rollups/report-rollup.workers.js';
import { ReportRollups } from './rollups/report-rollups.js';
import { UtilizationReportRepository } from './utilization/utilization-report.repository.js';
import { UtilizationReport } from './utilization/utilization.report.js';
import { WaitlistReportRepository } from './waitlist/waitlist-report.repository.js';
import { WaitlistReport } from './waitlist/waitlist.report.js';

/**
 * The reports API (/api/v1/reports/...) and the daily rollups behind its heavy queries (rollups/).
 * Funnel recording lives in FunnelModule, used by conversations.
 */
@Module({
  controllers: [ReportsController],
  providers: [
    ReportsService, ReportCatalogRepository, ReportSqlRepository,
    FunnelReport, FunnelReportRepository, NoShowReport, UtilizationReport, UtilizationReportRepository,
    CancellationReport, CancellationReportRepository, WaitlistReport, WaitlistReportRepository,
    MessagingReport, MessagingReportRepository, BookingReport, BookingReportRepository,
    ReportRollups, ReportRollupRepository, ReportRollupWorkers,
  ],
})
export class ReportsModule {}
