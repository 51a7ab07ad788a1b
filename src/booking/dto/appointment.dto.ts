import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { AppointmentWithNames } from '../appointment.repository.js';

export class OverrideDto {
  @ApiProperty({ description: 'Why the clinic rules are overridden (audited)', example: 'Urgent: referred by Dr. Patel' })
  @IsString() @MinLength(3) @MaxLength(500) reason!: string;
}

export class NewPatientDto {
  @ApiProperty({ example: '+12125550199' }) @IsString() @MaxLength(40) phone!: string;
  @ApiPropertyOptional({ example: 'Ana Lima' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(80) fullName?: string;
  @ApiPropertyOptional({ example: '1985-03-12' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) dateOfBirth?: string;
}

export class CreateAppointmentDto {
  @ApiProperty() @IsUUID() serviceId!: string;
  @ApiProperty() @IsUUID() providerId!: string;
  @ApiProperty({ example: '2026-11-26T19:30:00.000Z' }) @IsISO8601({ strict: true }) start!: string;
  @ApiPropertyOptional({ description: 'An existing patient; or give `patient`' }) @IsOptional() @IsUUID() patientId?: string;
  @ApiPropertyOptional({ type: NewPatientDto, description: 'Found by phone, created if new' })
  @IsOptional() @ValidateNested() @Type(() => NewPatientDto) patient?: NewPatientDto;
  @ApiPropertyOptional({ description: 'Token of the hold on this slot' }) @IsOptional() @IsString() @MaxLength(100) holdToken?: string;
  @ApiPropertyOptional({ enum: ['api', 'console', 'walk_in'], default: 'api' }) @IsOptional() @IsIn(['api', 'console', 'walk_in']) source?: 'api' | 'console' | 'walk_in';
  @ApiPropertyOptional({ description: 'Location, for staff overrides outside the weekly hours' }) @IsOptional() @IsUUID() locationId?: string;
  @ApiPropertyOptional({ type: OverrideDto, description: 'Book outside the rules (hours, notice, new-patient-only), with a reason' })
  @IsOptional() @ValidateNested() @Type(() => OverrideDto) override?: OverrideDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) notes?: string;
}

export class RescheduleDto {
  @ApiProperty() @IsISO8601({ strict: true }) start!: string;
  @ApiPropertyOptional({ description: 'Another provider; default the same' }) @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) holdToken?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() locationId?: string;
  @ApiPropertyOptional({ type: OverrideDto }) @IsOptional() @ValidateNested() @Type(() => OverrideDto) override?: OverrideDto;
}

export class CancelDto {
  @ApiProperty({ description: 'Required for staff and API cancellations', example: 'Patient called: travelling' })
  @IsString() @MinLength(3) @MaxLength(500) reason!: string;
}

const STATUSES = ['requested', 'confirmed', 'payment_pending', 'checked_in', 'completed', 'no_show', 'cancelled'] as const;
export class ChangeStatusDto {
  @ApiProperty({ enum: STATUSES }) @IsIn(STATUSES) status!: (typeof STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class AppointmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed', 'rescheduled', 'cancelled', 'no_show'] }) status!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty() serviceId!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty({ nullable: true, type: String }) locationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) locationName!: string | null;
  @ApiProperty({ nullable: true, type: String }) roomId!: string | null;
  @ApiProperty() patientId!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ nullable: true, type: String }) rescheduledFromId!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty() lateCancellation!: boolean;
  @ApiProperty() createdAt!: string;
}

export function toAppointmentDto(a: AppointmentWithNames): AppointmentDto {
  return {
    id: a.id, status: a.status, start: a.startsAt.toISOString(), end: a.endsAt.toISOString(),
    providerId: a.providerId, providerName: a.provider.name, serviceId: a.serviceId, serviceName: a.service.name,
    locationId: a.locationId, locationName: a.location?.name ?? null, roomId: a.roomId, patientId: a.patientId, source: a.source,
    rescheduledFromId: a.rescheduledFromId, cancelReason: a.cancelReason, lateCancellation: a.lateCancellation, createdAt: a.createdAt.toISOString(),
  };
}
