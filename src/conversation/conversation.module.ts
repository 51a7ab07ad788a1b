import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { BookingModule } from '../booking/booking.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { FunnelModule } from '../reports/funnel/funnel.module.js';
import { WaitlistModule } from '../waitlist/waitlist.module.js';
import { ClinicCatalogRepository } from './clinic-catalog.repository.js';
import { ConversationRepository } from './conversation.repository.js';
import { ConversationRuntime } from './conversation.runtime.js';
import { EffectExecutor } from './effect-executor.js';
import { HoldExpiryNoticeJob } from './hold-expiry-notice.job.js';
import { HoldExpiryNotices } from './hold-expiry-notices.js';
import { TurnContextService } from './turn-context.service.js';
import { TurnLock } from './turn-lock.js';

@Module({
  imports: [AvailabilityModule, BookingModule, PatientsModule, WaitlistModule, FunnelModule],
  providers: [ClinicCatalogRepository, ConversationRepository, ConversationRuntime, EffectExecutor, TurnContextService, TurnLock, HoldExpiryNotices, HoldExpiryNoticeJob],
  exports: [ConversationRuntime, ConversationRepository, HoldExpiryNoticeJob],
})
export class ConversationModule {}
