import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { REPORT_CHANNELS, type ReportChannel } from '../report-query.js';
import { GROUP_BY, type GroupBy } from '../report-range.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportQueryDto {
  @ApiProperty({ description: "First day, a local date of the clinic's time zone (clinics.timezone), inclusive", example: '2026-11-01' })
  @Matches(LOCAL_DATE, { message: 'from must be a date like 2026-11-01' })
  from!: string;

  @ApiProperty({ description: "Last day, a local date of the clinic's time zone, inclusive; at most 400 days after `from`", example: '2026-11-30' })
  @Matches(LOCAL_DATE, { message: 'to must be a date like 2026-11-30' })
  to!: string;

  @ApiPropertyOptional({ description: 'Period of the `series` table: local days, ISO weeks (Monday first) or calendar months', enum: GROUP_BY, default: 'day' })
  @IsOptional() @IsIn(GROUP_BY)
  groupBy?: GroupBy;

  @ApiPropertyOptional({ description: 'Only this location (receptionists: one of their own; without it, all of theirs)' })
  @IsOptional() @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({ description: 'Only this provider' })
  @IsOptional() @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ description: 'Only this service (appointment type)' })
  @IsOptional() @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ description: 'Only this channel: for appointments, how they were booked (source); for chats and messages, the chat channel', enum: REPORT_CHANNELS })
  @IsOptional() @IsIn(REPORT_CHANNELS)
  channel?: ReportChannel;

  @ApiPropertyOptional({ description: 'csv: one table of the report as CSV (or send Accept: text/csv)', enum: ['json', 'csv'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ description: "With CSV: which table (a key of the JSON answer's `tables`); default the first", example: 'byProvider' })
  @IsOptional() @IsString() @MaxLength(40)
  table?: string;
}
