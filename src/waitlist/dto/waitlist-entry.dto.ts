import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'removed', 'expired'] as const;
export const OFFER_OUTCOMES = ['pending', 'accepted', 'declined', 'expired', 'booking_failed', 'withdrawn'] as const;

export class CreateWaitlistEntryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() patientId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() serviceId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null or absent: any provider' }) @IsOptional() @IsUUID() providerId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null or absent: any location' }) @IsOptional() @IsUUID() locationId?: string | null;
  @ApiProperty({ example: '2027-03-15', description: 'First acceptable local date' }) @Matches(LOCAL_DATE) @IsDateString() earliestDate!: string;
  @ApiProperty({ example: '2027-03-26', description: 'Last acceptable local date' }) @Matches(LOCAL_DATE) @IsDateString() latestDate!: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0, description: 'Higher is offered first; ties go to who joined first' }) @IsOptional() @IsInt() @Min(0) @Max(100) urgency?: number;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) notes?: string;
}

export class UpdateWaitlistEntryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @IsInt() @Min(0) @Max(100) urgency?: number;
  @ApiPropertyOptional({ example: '2027-03-15' }) @IsOptional() @Matches(LOCAL_DATE) @IsDateString() earliestDate?: string;
  @ApiPropertyOptional({ example: '2027-03-26' }) @IsOptional() @Matches(LOCAL_DATE) @IsDateString() latestDate?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() providerId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() locationId?: string | null;
  @ApiPropertyOptional({ maxLength: 500, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(500) notes?: string | null;
}

export class OfferSlotDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() providerId!: string;
  @ApiProperty({ example: '2027-03-16T15:00:00.000Z', description: 'Start of the slot (ISO 8601 instant)' }) @IsISO8601({ strict: true }) start!: string;
}

export class WaitlistOfferDto {
  @ApiProperty() id!: string;
  @ApiProperty() entryId!: string;
  @ApiProperty() patientId!: string;
  @ApiProperty() serviceId!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty({ nullable: true, type: String }) locationId!: string | null;
  @ApiProperty() slotStart!: string;
  @ApiProperty() slotEnd!: string;
  @ApiProperty() offeredAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ enum: OFFER_OUTCOMES }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) respondedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) appointmentId!: string | null;
  @ApiProperty({ description: 'cancellation, reschedule, staff or new_hours' }) trigger!: string;
  @ApiProperty({ description: '"system" or "staff:<id>"' }) offeredBy!: string;
}

export class WaitlistEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() patientId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Decrypted for staff; the read is audited' }) patientName!: string | null;
  @ApiProperty() serviceId!: string;
  @ApiProperty({ nullable: true, type: String }) providerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) locationId!: string | null;
  @ApiProperty({ example: '2027-03-15' }) earliestDate!: string;
  @ApiProperty({ example: '2027-03-26' }) latestDate!: string;
  @ApiProperty() urgency!: number;
  @ApiProperty({ enum: WAITLIST_STATUSES }) status!: string;
  @ApiProperty({ description: 'chat or staff' }) source!: string;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class WaitlistEntryDetailDto extends WaitlistEntryDto {
  @ApiProperty({ type: [WaitlistOfferDto], description: 'Offers made to this entry, newest first' }) offers!: WaitlistOfferDto[];
}

