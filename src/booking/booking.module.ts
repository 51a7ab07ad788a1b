import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { AppointmentRepository } from './appointment.repository.js';
import { AppointmentsController } from './appointments.controller.js';
import { AppointmentsService } from './appointments.service.js';
import { BookingService } from './booking.service.js';
import { HoldStoreModule } from './hold-store.module.js';
import { HoldService } from './hold.service.js';
import { HoldsController } from './holds.controller.js';

@Module({
  imports: [AvailabilityModule, HoldStoreModule, OutboxModule, PatientsModule],
  controllers: [HoldsController, AppointmentsController],
  providers: [AppointmentRepository, BookingService, HoldService, AppointmentsService],
  exports: [BookingService, HoldService, AppointmentRepository],
})
export class BookingModule {}
