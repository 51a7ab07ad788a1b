import { type DynamicModule, Module } from '@nestjs/common';
import { AdminStaticModule } from './admin-static/admin-static.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AvailabilityModule } from './availability/availability.module.js';
import { BookingModule } from './booking/booking.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import { SimulatorModule } from './channels/simulator/simulator.module.js';
import { type Clock, ClockModule } from './common/clock.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { installLuxonOffsetCache } from './common/luxon-offset-cache.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { type LogDestination, LoggingModule } from './logging/logging.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PhiModule } from './patients/phi.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RedisModule } from './redis/redis.module.js';
import { StaffModule } from './staff/staff.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { WaitlistOffersModule } from './waitlist/waitlist-offers.module.js';

/** What tests may replace: the clock, so days of schedule run in seconds. */
export interface AppOptions {
  clock?: Clock;
  /** Where log lines go instead of stdout (tests read them to prove no patient data is logged). */
  logDestination?: LogDestination;
  /** A private copy of the console build to serve at /admin (the browser test), instead of admin/dist. */
  consoleDir?: string;
}

/** The whole application, built from one validated config (tests pass their own). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    installLuxonOffsetCache();
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config), LoggingModule.forRoot(config, options.logDestination), AdminStaticModule.forRoot(options.consoleDir), ClockModule.forRoot(options.clock), DatabaseModule, RedisModule, PhiModule,
        AuditModule, AuthModule, QueueModule.forRoot(config), HealthModule, MetricsModule, AvailabilityModule, BookingModule, SimulatorModule, ChannelsModule,
        NotificationsModule, StaffModule, ReportsModule, WaitlistOffersModule,
      ],
    };
  }
}
