import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

/** Not empty and not only spaces (the service trims what it stores). */
const NOT_BLANK = /\S/;
const notBlank = (field: string) => Matches(NOT_BLANK, { message: `${field} must not be empty` });

/** The languages the bot speaks; a provider's list tells patients who can see them in which. */
export const PROVIDER_LANGUAGES = ['en', 'es'] as const;

export class ProviderInputDto {
  @ApiProperty({ example: 'Dr. Maya Patel', maxLength: 120 }) @IsString() @MaxLength(120) @notBlank('name') name!: string;
  @ApiProperty({ example: 'Dr. Patel', maxLength: 60, description: 'How the bot names the provider in short messages' }) @IsString() @MaxLength(60) @notBlank('shortName') shortName!: string;
  @ApiProperty({ example: 'Family medicine', maxLength: 120 }) @IsString() @MaxLength(120) @notBlank('specialty') specialty!: string;
  @ApiPropertyOptional({ enum: PROVIDER_LANGUAGES, isArray: true, default: ['en'] })
  @IsOptional() @IsArray() @ArrayMinSize(1) @IsIn(PROVIDER_LANGUAGES, { each: true }) languages?: string[];
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() telehealth?: boolean;
  @ApiPropertyOptional({ default: true, description: 'Inactive providers are not offered to patients; there is no DELETE' }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'The services the provider offers (provider_services), replaced as a whole' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) serviceIds?: string[];
}

export class ProviderUpdateDto extends PartialType(ProviderInputDto) {}

export class ServiceInputDto {
  @ApiProperty({ example: 'follow-up', maxLength: 40, description: 'Stable key, unique in the clinic' }) @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'code must be 1-40 lowercase letters, digits or dashes' }) code!: string;
  @ApiProperty({ example: 'Follow-up visit', maxLength: 120 }) @IsString() @MaxLength(120) @notBlank('name') name!: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 120, example: 'Consulta de seguimiento' }) @IsOptional() @IsString() @MaxLength(120) nameEs?: string | null;
  @ApiProperty({ minimum: 5, maximum: 480 }) @IsInt() @Min(5) @Max(480) durationMinutes!: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 120, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(120) bufferBeforeMinutes?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 120, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(120) bufferAfterMinutes?: number;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 40, description: 'Kind of room needed (e.g. "treatment"); null: any consulting space' }) @IsOptional() @IsString() @MaxLength(40) roomKind?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description: "null: the clinic's minimum notice" }) @IsOptional() @IsInt() @Min(0) @Max(525_600) minNoticeMinutes?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 365, description: "null: the clinic's booking window" }) @IsOptional() @IsInt() @Min(1) @Max(365) maxAdvanceDays?: number | null;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() newPatientOnly?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() telehealth?: boolean;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) depositCents?: number;
  @ApiPropertyOptional({ default: true, description: 'Inactive services are not offered to patients; there is no DELETE' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class ServiceUpdateDto extends PartialType(ServiceInputDto) {}

export class RoomInputDto {
  @ApiProperty({ description: 'A location of the same clinic' }) @IsUUID() locationId!: string;
  @ApiProperty({ example: 'Room 3', maxLength: 80 }) @IsString() @MaxLength(80) @notBlank('name') name!: string;
  @ApiProperty({ example: 'treatment', maxLength: 40, description: "Matched against services' roomKind" }) @IsString() @MaxLength(40) @notBlank('kind') kind!: string;
  @ApiPropertyOptional({ default: true, description: 'Inactive rooms are not booked; there is no DELETE' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class RoomUpdateDto extends PartialType(RoomInputDto) {}
