import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { AppointmentRepository } from './appointment.repository.js';
import { BookingService } from './booking.service.js';
import { HoldStoreModule } from './hold-store.module.js';
import { HoldService } from './hold.service.js';
import { HoldsController } from './holds.controller.js';

@Module({
  imports: [AvailabilityModule, HoldStoreModule, OutboxModule, PatientsModule],
  // The appointments API lives in src/staff/appointments (staff sign-in, scope, audit of reads).
  controllers: [HoldsController],
  providers: [AppointmentRepository, BookingService, HoldService],
  exports: [BookingService, HoldService, AppointmentRepository],
})
export class BookingModule {}
