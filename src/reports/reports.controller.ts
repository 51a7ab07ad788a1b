import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth, type StaffPrincipal } from '../auth/index.js';
import { ReportQueryDto } from './dto/report-query.dto.js';
import { REPORT_DEFINITIONS } from './report-definitions.js';
import type { ReportName, ReportResult } from './report-result.js';
import { ReportsService } from './reports.service.js';

const docs = (name: ReportName) => ApiOperation(REPORT_DEFINITIONS[name]);

/**
 * Owner and admin see the whole clinic; receptionists their own locations (see report-scope.ts).
 * Each route answers JSON, or one of its tables as CSV with ?format=csv or Accept: text/csv.
 */
@ApiTags('reports')
@ApiProduces('application/json', 'text/csv')
@ApiOkResponse({ description: 'JSON: {report, from, to, timezone, groupBy, filters, totals, tables, notes}; CSV: one table' })
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: bad dates, from after to, a range over 400 days, an unknown table' })
@StaffAuth('owner', 'admin', 'receptionist')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('funnel') @docs('funnel')
  funnel(@CurrentStaff() staff: StaffPrincipal, @Query() q: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer('funnel', staff, q, accept, res);
  }

  @Get('no-shows') @docs('no-shows')
  noShows(@CurrentStaff() staff: StaffPrincipal, @Query() q: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer('no-shows', staff, q, accept, res);
  }

  @Get('utilization') @docs('utilization')
  utilization(@CurrentStaff() staff: StaffPrincipal, @Query() q: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer('utilization', staff, q, accept, res);
  }

  @Get('cancellations') @docs('cancellations')
  cancellations(@CurrentStaff() staff: StaffPrincipal, @Query() q: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer('cancellations', staff, q, accept, res);
  }

  @Get('waitlist') @docs('waitlist')
  waitlist(@CurrentStaff() staff: StaffPrincipal, @Query() q: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer('waitlist', staff, q, accept, res);
  }

  @Get('messaging') @docs('messaging')
  messaging(@CurrentStaff() staff: StaffPrincipal, @Query() q: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer('messaging', staff, q, accept, res);
  }

  @Get('bookings') @docs('bookings')
  bookings(@CurrentStaff() staff: StaffPrincipal, @Query() q: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer('bookings', staff, q, accept, res);
  }

  private async answer(name: ReportName, staff: StaffPrincipal, q: ReportQueryDto, accept: string | undefined, res: Response): Promise<ReportResult | string> {
    const result = await this.reports.run(name, staff, q);
    const wantsCsv = q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!wantsCsv) return result;
    const csv = this.reports.csv(result, q.table);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${csv.filename}"`);
    return csv.body;
  }
}
