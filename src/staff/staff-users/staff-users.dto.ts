import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../../auth/staff-principal.js';

export class StaffUserDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ type: [String] }) locationIds!: string[];
  @ApiProperty({ nullable: true, type: String }) providerId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Locked after repeated wrong passwords until then' }) lockedUntil!: string | null;
  @ApiProperty() createdAt!: string;
}

export class CreateStaffUserDto {
  @ApiProperty() @IsEmail() @MaxLength(200) email!: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(100) displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role!: StaffRole;
  @ApiPropertyOptional({ type: [String], description: 'Required (at least one) for receptionists' }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(50) locationIds?: string[];
  @ApiPropertyOptional({ description: 'Required for providers: whose calendar this is' }) @IsOptional() @IsUUID() providerId?: string;
  @ApiProperty({ minLength: 12, description: 'Initial password (tell it to them; they change it)' }) @IsString() @MinLength(12) @MaxLength(200) password!: string;
}

export class UpdateStaffUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(100) displayName?: string;
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @IsOptional() @IsIn(STAFF_ROLES) role?: StaffRole;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(50) locationIds?: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() providerId?: string | null;
  @ApiPropertyOptional({ description: 'false ends their sessions at once' }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Unlock a locked account' }) @IsOptional() @IsBoolean() unlock?: boolean;
}
