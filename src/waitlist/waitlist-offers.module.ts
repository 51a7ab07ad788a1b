import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/index.js';
import { AvailabilityModule } from '../availability/availability.module.js';
import { BookingModule } from '../booking/booking.module.js';
import { ConversationModule } from '../conversation/conversation.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { NewHoursJob } from './jobs/new-hours.job.js';
import { OfferExpiryJob } from './jobs/offer-expiry.job.js';
import { SlotOpenedJob } from './jobs/slot-opened.job.js';
import { WaitlistOfferService } from './waitlist-offer.service.js';
import { WaitlistStaffService } from './waitlist-staff.service.js';
import { WaitlistController } from './waitlist.controller.js';
import { WaitlistWorkers } from './waitlist-workers.js';
import { WaitlistModule } from './waitlist.module.js';

/** Offering freed slots to waiting patients (jobs, worker) and the staff waitlist API. */
@Module({
  imports: [WaitlistModule, AvailabilityModule, BookingModule, ConversationModule, NotificationsModule, PatientsModule, AuditModule, AuthModule, StaffModule],
  controllers: [WaitlistController],
  providers: [WaitlistOfferService, WaitlistStaffService, SlotOpenedJob, OfferExpiryJob, NewHoursJob, WaitlistWorkers],
  exports: [WaitlistOfferService],
})
export class WaitlistOffersModule {}
