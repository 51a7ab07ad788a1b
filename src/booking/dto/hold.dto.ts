import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class PlaceHoldDto {
  @ApiProperty() @IsUUID() serviceId!: string;
  @ApiProperty() @IsUUID() providerId!: string;
  @ApiProperty({ example: '2026-11-26T19:30:00.000Z', description: 'Slot start (an instant, as returned by /availability)' })
  @IsISO8601({ strict: true }) start!: string;
  @ApiProperty({ description: 'Who holds it (your client or conversation id); your holds stay visible to you in /availability?holder=' })
  @IsString() @MaxLength(100) holder!: string;
  @ApiPropertyOptional({ description: 'Whether the patient is new (for new-patient-only services); default true' })
  @IsOptional() @IsBoolean() isNewPatient?: boolean;
}

export class HoldDto {
  @ApiProperty({ description: 'Opaque token; present it when booking' }) token!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty({ description: 'Start of the held block (buffers included)' }) start!: string;
  @ApiProperty({ description: 'End of the held block (buffers included)' }) end!: string;
  @ApiProperty() expiresAt!: string;
}
