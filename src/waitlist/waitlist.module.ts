import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module.js';
import { WaitlistJobs } from './jobs/waitlist-jobs.js';
import { WaitlistClaimService } from './waitlist-claim.service.js';
import { WaitlistOfferRepository } from './waitlist-offer.repository.js';
import { WaitlistRepository } from './waitlist.repository.js';

/**
 * The waitlist as the chat uses it: joining, and answering offers. Making offers (which needs the
 * conversation runtime) lives in WaitlistOffersModule, so the conversation module can import this one.
 */
@Module({
  imports: [BookingModule],
  providers: [WaitlistRepository, WaitlistOfferRepository, WaitlistClaimService, WaitlistJobs],
  exports: [WaitlistRepository, WaitlistOfferRepository, WaitlistClaimService, WaitlistJobs],
})
export class WaitlistModule {}
