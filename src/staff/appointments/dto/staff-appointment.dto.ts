import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AppointmentDto, NewPatientDto } from '../../../booking/dto/appointment.dto.js';

export class StaffAppointmentDto extends AppointmentDto {
  @ApiProperty({ nullable: true, type: String }) patientName!: string | null;
  @ApiProperty({ description: 'E.164' }) patientPhone!: string;
  @ApiProperty() patientNoShowCount!: number;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ nullable: true, type: String }) checkedInAt!: string | null;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ type: [String], description: 'On writes: the clinic rules this staff override set aside (outside_hours, too_soon, too_far, new_patients_only)' })
  overrides?: string[];
}

export class ChangeProviderDto {
  @ApiProperty() @IsUUID() providerId!: string;
  @ApiProperty({ example: 'Dr. Patel is ill today' }) @IsString() @MinLength(3) @MaxLength(500) reason!: string;
}

export class WalkInDto {
  @ApiProperty() @IsUUID() serviceId!: string;
  @ApiProperty() @IsUUID() providerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() patientId?: string;
  @ApiPropertyOptional({ type: NewPatientDto, description: 'Found by phone, created if new' })
  @IsOptional() @ValidateNested() @Type(() => NewPatientDto) patient?: NewPatientDto;
  @ApiPropertyOptional({ description: 'Default: your location (receptionists with one location)' }) @IsOptional() @IsUUID() locationId?: string;
  @ApiProperty({ example: 'Walked in with a rash', description: 'A walk-in starts now, inside the notice window: always an override, so always a reason' })
  @IsString() @MinLength(3) @MaxLength(500) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) notes?: string;
}
