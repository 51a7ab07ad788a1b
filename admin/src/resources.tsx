import type { ResourceProps } from 'react-admin';
import { AppointmentList } from './appointments/AppointmentList';
import { AppointmentShow } from './appointments/AppointmentShow';
import { AuditList } from './audit-log/AuditList';
import { RuleCreate, RuleEdit, RuleList } from './availability-rules/RuleResource';
import { InboxPage } from './conversations/InboxPage';
import { PatientList } from './patients/PatientList';
import { PatientShow } from './patients/PatientShow';
import { ProviderCreate, ProviderEdit, ProviderList } from './providers/ProviderResource';
import { RoomCreate, RoomEdit, RoomList } from './rooms/RoomResource';
import { ExceptionCreate, ExceptionEdit, ExceptionList } from './schedule-exceptions/ExceptionResource';
import { ServiceCreate, ServiceEdit, ServiceList } from './services/ServiceResource';
import { WaitlistEdit, WaitlistList } from './waitlist/WaitlistList';

/** Every react-admin resource of the console; each one's screens live in its own folder. */
export const resources: ResourceProps[] = [
  { name: 'appointments', list: AppointmentList, show: AppointmentShow, recordRepresentation: 'patientName' },
  { name: 'patients', list: PatientList, show: PatientShow, recordRepresentation: 'fullName' },
  { name: 'conversations', list: InboxPage },
  { name: 'waitlist', list: WaitlistList, edit: WaitlistEdit, recordRepresentation: 'patientName' },
  { name: 'audit-log', list: AuditList },
  { name: 'providers', list: ProviderList, edit: ProviderEdit, create: ProviderCreate, recordRepresentation: 'name' },
  { name: 'services', list: ServiceList, edit: ServiceEdit, create: ServiceCreate, recordRepresentation: 'name' },
  { name: 'availability-rules', list: RuleList, edit: RuleEdit, create: RuleCreate },
  { name: 'schedule-exceptions', list: ExceptionList, edit: ExceptionEdit, create: ExceptionCreate },
  { name: 'rooms', list: RoomList, edit: RoomEdit, create: RoomCreate, recordRepresentation: 'name' },
  { name: 'locations', recordRepresentation: 'name' },
];
