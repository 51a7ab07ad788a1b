import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AvailabilityRuleInputDto {
  @ApiProperty() @IsUUID() providerId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null: telehealth-only hours (clinic timezone)' }) @IsOptional() @IsUUID() locationId?: string | null;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @ApiProperty({ example: '09:00' }) @Matches(HHMM) startTime!: string;
  @ApiProperty({ example: '17:00' }) @Matches(HHMM) endTime!: string;
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @Matches(DATE) validFrom?: string | null;
  @ApiPropertyOptional({ example: '2027-06-30' }) @IsOptional() @Matches(DATE) validTo?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Services allowed in these hours; empty = all the provider offers' }) @IsOptional() @IsUUID('all', { each: true }) serviceIds?: string[];
  @ApiPropertyOptional({ default: 15 }) @IsOptional() @IsInt() @Min(5) @Max(240) slotStepMinutes?: number;
}

export const EXCEPTION_KINDS = ['closed', 'holiday', 'extra_hours', 'staff_block'] as const;

export class ScheduleExceptionInputDto {
  @ApiProperty({ enum: EXCEPTION_KINDS, description: 'closed/holiday remove time, extra_hours adds it (needs a provider and times), staff_block removes it for one provider' })
  @IsIn(EXCEPTION_KINDS) kind!: (typeof EXCEPTION_KINDS)[number];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null: every location' }) @IsOptional() @IsUUID() locationId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null: every provider' }) @IsOptional() @IsUUID() providerId?: string | null;
  @ApiProperty({ example: '2026-12-24' }) @Matches(DATE) startsOn!: string;
  @ApiProperty({ example: '2026-12-26' }) @Matches(DATE) endsOn!: string;
  @ApiPropertyOptional({ example: '13:00', description: 'Both times or neither (whole day)' }) @IsOptional() @Matches(HHMM) startTime?: string | null;
  @ApiPropertyOptional({ example: '15:00' }) @IsOptional() @Matches(HHMM) endTime?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsUUID('all', { each: true }) serviceIds?: string[];
  @ApiPropertyOptional({ default: 15 }) @IsOptional() @IsInt() @Min(5) @Max(240) slotStepMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) reason?: string;
}
