import { Global, Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { StaffAuthGuard } from './staff-auth.guard.js';
import { StaffSessionRepository } from './staff-session.repository.js';
import { StaffUserRepository } from './staff-user.repository.js';

/**
 * Staff sign-in and the guard behind @StaffAuth(). Global, so any module's controller can use the
 * decorator without re-declaring the guard's dependencies.
 */
@Global()
@Module({
  controllers: [AuthController],
  providers: [AccessTokenService, AuthService, LoginThrottle, StaffAuthGuard, StaffSessionRepository, StaffUserRepository],
  exports: [AccessTokenService, StaffAuthGuard, StaffSessionRepository],
})
export class AuthModule {}
