import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { BookingModule } from '../booking/booking.module.js';
import { HoldStoreModule } from '../booking/hold-store.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ConversationModule } from '../conversation/conversation.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { SlotConflictService } from './appointments/slot-conflict.service.js';
import { StaffAppointmentPresenter } from './appointments/staff-appointment.presenter.js';
import { StaffAppointmentRepository } from './appointments/staff-appointment.repository.js';
import { StaffAppointmentsController } from './appointments/staff-appointments.controller.js';
import { StaffAppointmentsService } from './appointments/staff-appointments.service.js';
import { StaffAuditLogController } from './audit-log/staff-audit-log.controller.js';
import { StaffAuditLogRepository } from './audit-log/staff-audit-log.repository.js';
import { StaffAuditLogService } from './audit-log/staff-audit-log.service.js';
import { StaffCalendarController } from './calendar/staff-calendar.controller.js';
import { StaffCalendarService } from './calendar/staff-calendar.service.js';
import { ClinicCatalogReadRepository } from './clinic/clinic-catalog.repository.js';
import { ClinicCatalogService } from './clinic/clinic-catalog.service.js';
import { LocationsCatalogController, ProvidersCatalogController, RoomsCatalogController, ServicesCatalogController } from './clinic/clinic-catalog.controllers.js';
import { ProvidersSettingsController, RoomsSettingsController, ServicesSettingsController } from './clinic/clinic-settings.controllers.js';
import { ClinicSettingsRepository } from './clinic/clinic-settings.repository.js';
import { ClinicSettingsService } from './clinic/clinic-settings.service.js';
import { ClinicRefsRepository } from './common/clinic-refs.repository.js';
import { PatientAccessAuditRepository } from './common/patient-access-audit.repository.js';
import { StaffConversationRepository } from './conversations/staff-conversation.repository.js';
import { StaffConversationsController } from './conversations/staff-conversations.controller.js';
import { StaffConversationsService } from './conversations/staff-conversations.service.js';
import { StaffNotificationRepository } from './notifications/staff-notification.repository.js';
import { StaffNotificationsController } from './notifications/staff-notifications.controller.js';
import { StaffNotificationsService } from './notifications/staff-notifications.service.js';
import { PatientScopeService } from './patients/patient-scope.service.js';
import { StaffPatientRepository } from './patients/staff-patient.repository.js';
import { StaffPatientsController } from './patients/staff-patients.controller.js';
import { StaffPatientsService } from './patients/staff-patients.service.js';
import { AvailabilityRulesController, ScheduleExceptionsController } from './schedules/schedules.controllers.js';
import { SchedulesRepository } from './schedules/schedules.repository.js';
import { SchedulesService } from './schedules/schedules.service.js';
import { StaffUsersController } from './staff-users/staff-users.controller.js';
import { StaffUsersRepository } from './staff-users/staff-users.repository.js';
import { StaffUsersService } from './staff-users/staff-users.service.js';

/** The staff API the console uses (docs/staff-api.md): behind @StaffAuth, scoped to clinic and role, reads of patient data audited. */
@Module({
  imports: [AvailabilityModule, BookingModule, HoldStoreModule, PatientsModule, ConversationModule, OutboxModule],
  controllers: [
    StaffAppointmentsController, StaffPatientsController, StaffCalendarController, StaffConversationsController, StaffNotificationsController,
    StaffAuditLogController, StaffUsersController, AvailabilityRulesController, ScheduleExceptionsController,
    ProvidersCatalogController, ServicesCatalogController, LocationsCatalogController, RoomsCatalogController,
    ProvidersSettingsController, ServicesSettingsController, RoomsSettingsController,
  ],
  providers: [
    ClinicRefsRepository, PatientAccessAuditRepository, PatientScopeService,
    StaffAppointmentRepository, StaffAppointmentPresenter, StaffAppointmentsService, SlotConflictService,
    StaffPatientRepository, StaffPatientsService, StaffCalendarService,
    StaffConversationRepository, StaffConversationsService, StaffNotificationRepository, StaffNotificationsService,
    StaffAuditLogRepository, StaffAuditLogService, StaffUsersRepository, StaffUsersService,
    ClinicCatalogReadRepository, ClinicCatalogService, SchedulesRepository, SchedulesService,
    ClinicSettingsRepository, ClinicSettingsService,
  ],
  exports: [PatientScopeService, PatientAccessAuditRepository, ClinicRefsRepository],
})
export class StaffModule {}
