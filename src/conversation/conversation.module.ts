import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { BookingModule } from '../booking/booking.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { WaitlistModule } from '../waitlist/waitlist.module.js';
import { ClinicCatalogRepository } from './clinic-catalog.repository.js';
import { ConversationRepository } from './conversation.repository.js';
import { ConversationRuntime } from './conversation.runtime.js';
import { EffectExecutor } from './effect-executor.js';
import { TurnContextService } from './turn-context.service.js';
import { TurnLock } from './turn-lock.js';

@Module({
  imports: [AvailabilityModule, BookingModule, PatientsModule, WaitlistModule],
  providers: [ClinicCatalogRepository, ConversationRepository, ConversationRuntime, EffectExecutor, TurnContextService, TurnLock],
  exports: [ConversationRuntime, ConversationRepository],
})
export class ConversationModule {}
