import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES } from '../staff-principal.js';

export class LoginDto {
  @ApiProperty({ example: 'frontdesk@riverside.test' }) @IsEmail() @MaxLength(200) email!: string;
  @ApiProperty({ example: 'demo-password' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token from login or the last refresh' }) @IsString() @MinLength(10) @MaxLength(200) refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword!: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(1) @MaxLength(200) newPassword!: string;
}

export class StaffMeDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: (typeof STAFF_ROLES)[number];
  @ApiProperty() clinicId!: string;
  @ApiProperty({ type: [String] }) locationIds!: string[];
  @ApiProperty({ nullable: true, type: String }) providerId!: string | null;
}

export class TokenPairDto {
  @ApiProperty({ description: 'Bearer token for every staff route (HS256 JWT)' }) accessToken!: string;
  @ApiProperty({ description: 'Opaque; rotated on every refresh; a rotated token used again ends the session' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: StaffMeDto }) staff!: StaffMeDto;
}
