import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { AvailabilityModule } from './availability/availability.module.js';
import { BookingModule } from './booking/booking.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import { SimulatorModule } from './channels/simulator/simulator.module.js';
import { type Clock, ClockModule } from './common/clock.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PhiModule } from './patients/phi.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RedisModule } from './redis/redis.module.js';

/** What tests may replace: the clock, so days of schedule run in seconds. */
export interface AppOptions { clock?: Clock }

/** The whole application, built from one validated config (tests pass their own). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config), LoggingModule.forRoot(config), ClockModule.forRoot(options.clock), DatabaseModule, RedisModule, PhiModule,
        AuditModule, QueueModule.forRoot(config), HealthModule, AvailabilityModule, BookingModule, SimulatorModule, ChannelsModule,
        NotificationsModule,
      ],
    };
  }
}
