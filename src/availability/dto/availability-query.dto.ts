import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AvailabilityQueryDto {
  @ApiProperty({ description: 'Service id, or its code (e.g. "follow-up") together with `clinic`', example: 'follow-up' })
  @IsString() @MaxLength(100)
  service!: string;

  @ApiPropertyOptional({ description: 'Clinic slug, needed with a service code when several clinics exist', example: 'riverside' })
  @IsOptional() @IsString() @MaxLength(100)
  clinic?: string;

  @ApiPropertyOptional({ description: 'Only this provider; without it, the earliest slots across every provider offering the service' })
  @IsOptional() @IsUUID()
  provider?: string;

  @ApiPropertyOptional({ description: 'Only this location' })
  @IsOptional() @IsUUID()
  location?: string;

  @ApiProperty({ description: 'First local date (clinic timezone), inclusive', example: '2026-11-23' })
  @Matches(LOCAL_DATE, { message: 'from must be a date like 2026-11-23' })
  from!: string;

  @ApiProperty({ description: 'Last local date (clinic timezone), inclusive; at most 62 days after `from` and within the advance window', example: '2026-11-27' })
  @Matches(LOCAL_DATE, { message: 'to must be a date like 2026-11-27' })
  to!: string;

  @ApiPropertyOptional({ description: 'The holder id used when placing holds: your own live holds stay visible to you' })
  @IsOptional() @IsString() @MaxLength(100)
  holder?: string;

  @ApiPropertyOptional({ description: 'At most this many slots (earliest first)', default: 500, minimum: 1, maximum: 2000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2000)
  limit?: number;
}
