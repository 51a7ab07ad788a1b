import { Injectable } from '@nestjs/common';
import type { Actor } from '../audit/audit.repository.js';
import { AvailabilityService } from '../availability/availability.service.js';
import { NotFoundError, ValidationError } from '../common/errors.js';
import { PatientService } from '../patients/patient.service.js';
import { AppointmentRepository } from './appointment.repository.js';
import { BookingService } from './booking.service.js';
import { type AppointmentDto, type CreateAppointmentDto, type RescheduleDto, toAppointmentDto } from './dto/appointment.dto.js';

interface Caller { actor: Actor; ip?: string | null; idempotencyKey?: string | null }

/** The HTTP use cases of the booking API: resolves patients and maps results to DTOs. */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly booking: BookingService,
    private readonly availability: AvailabilityService,
    private readonly patients: PatientService,
    private readonly appointments: AppointmentRepository,
  ) {}

  async create(body: CreateAppointmentDto, caller: Caller): Promise<{ appointment: AppointmentDto; replayed: boolean }> {
    const service = await this.availability.getService(body.serviceId);
    let patientId = body.patientId;
    if (!patientId) {
      if (!body.patient) throw new ValidationError('Give patientId or patient');
      patientId = (await this.patients.findOrCreate(service.clinicId, body.patient)).id;
    }
    const { appointment, replayed } = await this.booking.book({
      serviceId: body.serviceId, providerId: body.providerId, start: new Date(body.start), patientId,
      source: body.source ?? 'api', holdToken: body.holdToken ?? null, override: body.override ?? null,
      locationId: body.locationId ?? null, notes: body.notes ?? null, ...caller,
    });
    return { appointment: toAppointmentDto(appointment), replayed };
  }

  async get(id: string, _actor: Actor): Promise<AppointmentDto> {
    const appointment = await this.appointments.findById(id);
    if (!appointment) throw new NotFoundError('Appointment');
    return toAppointmentDto(appointment);
  }

  async reschedule(id: string, body: RescheduleDto, caller: Caller) {
    const { appointment, replayed } = await this.booking.reschedule(id, {
      start: new Date(body.start), providerId: body.providerId, holdToken: body.holdToken ?? null, override: body.override ?? null,
      locationId: body.locationId ?? null, ...caller,
    });
    return { appointment: toAppointmentDto(appointment), replayed };
  }

  async cancel(id: string, reason: string, caller: Caller): Promise<AppointmentDto> {
    return toAppointmentDto(await this.booking.cancel(id, { actor: caller.actor, reason, ip: caller.ip }));
  }

  async changeStatus(id: string, status: Parameters<BookingService['changeStatus']>[1], reason: string | null, caller: Caller): Promise<AppointmentDto> {
    return toAppointmentDto(await this.booking.changeStatus(id, status, { actor: caller.actor, reason, ip: caller.ip }));
  }
}
