import { type DynamicModule, Module } from '@nestjs/common';
import { AvailabilityModule } from './availability/availability.module.js';
import { ClockModule } from './common/clock.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { RedisModule } from './redis/redis.module.js';

/** The whole application, built from one validated config (tests pass their own). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config), LoggingModule.forRoot(config), ClockModule, DatabaseModule, RedisModule, HealthModule,
        AvailabilityModule,
      ],
    };
  }
}
