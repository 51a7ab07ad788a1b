import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { StaffAppointmentDto } from '../../appointments/dto/staff-appointment.dto.js';

export class StaffPatientDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'E.164' }) phone!: string;
  @ApiProperty({ nullable: true, type: String }) fullName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1985-03-12' }) dateOfBirth!: string | null;
  @ApiProperty({ example: 'en' }) language!: string;
  @ApiProperty() noShowCount!: number;
  @ApiProperty({ description: 'Flagged after repeated no-shows: chat bookings need staff approval' }) flagged!: boolean;
  @ApiProperty() smsOptedOut!: boolean;
  @ApiProperty() whatsappOptedOut!: boolean;
  @ApiProperty() createdAt!: string;
}

export class StaffPatientDetailDto extends StaffPatientDto {
  @ApiProperty({ type: [StaffAppointmentDto], description: 'The latest 50 appointments you may see, newest first' }) appointments!: StaffAppointmentDto[];
}

export class CreatePatientDto {
  @ApiProperty({ example: '+12125550199' }) @IsString() @MaxLength(40) phone!: string;
  @ApiPropertyOptional({ example: 'Ana Lima' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(80) fullName?: string;
  @ApiPropertyOptional({ example: '1985-03-12' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) dateOfBirth?: string;
  @ApiPropertyOptional({ enum: ['en', 'es'] }) @IsOptional() @IsIn(['en', 'es']) language?: 'en' | 'es';
}

export class ClearNoShowFlagDto {
  @ApiProperty({ example: 'The no-shows were our scheduling error', description: 'Why the flag is cleared (audited)' })
  @IsString() @MinLength(3) @MaxLength(500) reason!: string;
}

export class UpdatePatientDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(80) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) dateOfBirth?: string;
  @ApiPropertyOptional({ enum: ['en', 'es'] }) @IsOptional() @IsIn(['en', 'es']) language?: 'en' | 'es';
  @ApiPropertyOptional({ description: 'Why (audited)' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
