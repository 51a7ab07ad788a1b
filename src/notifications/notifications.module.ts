import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ConversationModule } from '../conversation/conversation.module.js';
import { WaitlistModule } from '../waitlist/waitlist.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { LinkSigner } from './links.js';
import { NoShowCheckJob } from './no-show-check.job.js';
import { NotificationFactsBuilder } from './notification-facts.js';
import { NotificationScheduler } from './notification-scheduler.js';
import { NotificationSender } from './notification-sender.js';
import { NotificationWorkers } from './notification-workers.js';
import { NotificationRepository } from './notification.repository.js';
import { ReminderReconciler } from './reminder-reconciler.js';
import { SendNotificationJob } from './send-notification.job.js';

@Module({
  imports: [BookingModule, ConversationModule, WaitlistModule],
  controllers: [CalendarController],
  providers: [
    { provide: LinkSigner, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LinkSigner(config.phi.blindIndexKey, config.http.publicBaseUrl) },
    NotificationRepository, NotificationScheduler, NotificationSender, NotificationFactsBuilder, SendNotificationJob, NoShowCheckJob, NotificationWorkers, CalendarService,
    ReminderReconciler,
  ],
  exports: [NotificationScheduler, SendNotificationJob, NoShowCheckJob, NotificationSender],
})
export class NotificationsModule {}
