import { type CanActivate, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

/** The simulator does not exist in production unless explicitly enabled (it shows message bodies). */
@Injectable()
export class SimulatorEnabledGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (!this.config.simulatorEnabled) throw new NotFoundException();
    return true;
  }
}
