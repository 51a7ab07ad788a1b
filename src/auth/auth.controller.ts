import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { TooManyAttemptsError } from './auth.errors.js';
import { AuthService, type StaffMe, type TokenPair } from './auth.service.js';
import { ChangePasswordDto, LoginDto, RefreshTokenDto, StaffMeDto, TokenPairDto } from './dto/auth.dto.js';
import { CurrentSessionId, CurrentStaff, StaffAuth } from './staff-auth.decorator.js';
import type { StaffPrincipal } from './staff-principal.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS (the same for an unknown email and a wrong password)' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_ATTEMPTS (per IP, per account, or the account is locked for a while); see Retry-After' })
  async login(@Body() body: LoginDto, @Ip() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TokenPair> {
    try {
      return await this.auth.login(body.email, body.password, { ip, userAgent: req.header('user-agent') ?? null });
    } catch (error) {
      if (error instanceof TooManyAttemptsError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto, description: 'A new access token and a NEW refresh token (the old one is now spent)' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: unknown, reused (the session is revoked), idle or expired' })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked (also 204 for an unknown token)' })
  logout(@Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Post('password')
  @HttpCode(204)
  @StaffAuth()
  @ApiNoContentResponse({ description: 'Changed; every other session of this account is revoked' })
  changePassword(@Body() body: ChangePasswordDto, @CurrentStaff() staff: StaffPrincipal, @CurrentSessionId() sessionId: string): Promise<void> {
    return this.auth.changePassword(staff, sessionId, body.currentPassword, body.newPassword);
  }

  @Get('me')
  @StaffAuth()
  @ApiOkResponse({ type: StaffMeDto })
  me(@CurrentStaff() staff: StaffPrincipal): Promise<StaffMe> {
    return this.auth.me(staff);
  }
}
