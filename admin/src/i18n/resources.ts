/** Resource names and field labels for react-admin's lists and forms, per language. */
export const enResources = {
  resources: {
    appointments: { name: 'Appointment |||| Appointments', fields: { start: 'Start', end: 'End', status: 'Status', patientName: 'Patient', providerName: 'Provider', providerId: 'Provider', serviceName: 'Service', serviceId: 'Service', locationName: 'Location', locationId: 'Location', source: 'Source', cancelReason: 'Cancel reason', createdAt: 'Created', patientPhone: 'Patient phone', roomId: 'Room' } },
    patients: { name: 'Patient |||| Patients', fields: { fullName: 'Name', name: 'Name', phone: 'Phone', language: 'Language', noShowCount: 'No-shows', flagged: 'No-show flag', flaggedAt: 'Flagged on', dateOfBirth: 'Date of birth', preferredChannel: 'Preferred channel', createdAt: 'Created', q: 'Phone or name' } },
    providers: { name: 'Provider |||| Providers', fields: { name: 'Name', shortName: 'Short name', specialty: 'Specialty', languages: 'Languages', telehealth: 'Telehealth', serviceIds: 'Services', active: 'Active' } },
    services: { name: 'Service |||| Services', fields: { code: 'Code', name: 'Name', nameEs: 'Name (Spanish)', durationMinutes: 'Duration (min)', bufferBeforeMinutes: 'Buffer before (min)', bufferAfterMinutes: 'Buffer after (min)', roomKind: 'Room kind needed', minNoticeMinutes: 'Minimum notice (min)', maxAdvanceDays: 'Book ahead at most (days)', newPatientOnly: 'New patients only', telehealth: 'Telehealth', depositCents: 'Deposit (cents)', active: 'Active' } },
    'availability-rules': { name: 'Weekly hours |||| Weekly hours', fields: { providerId: 'Provider', locationId: 'Location', weekday: 'Weekday', startTime: 'From', endTime: 'To', validFrom: 'Valid from', validTo: 'Valid until', serviceIds: 'Only these services', slotStepMinutes: 'Slot step (min)' } },
    'schedule-exceptions': { name: 'Schedule exception |||| Schedule exceptions', fields: { providerId: 'Provider (empty: everyone)', locationId: 'Location (empty: every location)', kind: 'Kind', startsOn: 'From date', endsOn: 'To date', startTime: 'From time (empty: whole day)', endTime: 'To time', reason: 'Reason' } },
    rooms: { name: 'Room |||| Rooms', fields: { name: 'Name', kind: 'Kind', locationId: 'Location', active: 'Active' } },
    locations: { name: 'Location |||| Locations', fields: { name: 'Name', timezone: 'Time zone', address: 'Address', phone: 'Phone' } },
    waitlist: { name: 'Waitlist entry |||| Waitlist', fields: { patientName: 'Patient', patientId: 'Patient', serviceId: 'Service', serviceName: 'Service', providerId: 'Provider', providerName: 'Provider', urgency: 'Urgency', status: 'Status', createdAt: 'Added', notes: 'Notes', earliestDate: 'Earliest date', latestDate: 'Latest date', locationId: 'Location' } },
    conversations: { name: 'Conversation |||| Conversations', fields: { status: 'Status', channel: 'Channel', patientName: 'Patient', updatedAt: 'Last activity' } },
    'audit-log': { name: 'Audit entry |||| Audit log', fields: { at: 'When', createdAt: 'When', actorName: 'Who', actorId: 'Who', action: 'Action', entityType: 'Entity', entityId: 'Entity id', patientId: 'Patient', reason: 'Reason', ip: 'From', from: 'From date', to: 'To date' } },
  },
};

type Translated<T> = { [K in keyof T]: T[K] extends string ? string : Translated<T[K]> };

export const esResources: Translated<typeof enResources> = {
  resources: {
    appointments: { name: 'Cita |||| Citas', fields: { start: 'Inicio', end: 'Fin', status: 'Estado', patientName: 'Paciente', providerName: 'Profesional', providerId: 'Profesional', serviceName: 'Servicio', serviceId: 'Servicio', locationName: 'Sede', locationId: 'Sede', source: 'Origen', cancelReason: 'Motivo de cancelación', createdAt: 'Creada', patientPhone: 'Teléfono del paciente', roomId: 'Sala' } },
    patients: { name: 'Paciente |||| Pacientes', fields: { fullName: 'Nombre', name: 'Nombre', phone: 'Teléfono', language: 'Idioma', noShowCount: 'Ausencias', flagged: 'Marca de ausencias', flaggedAt: 'Marcado el', dateOfBirth: 'Fecha de nacimiento', preferredChannel: 'Canal preferido', createdAt: 'Alta', q: 'Teléfono o nombre' } },
    providers: { name: 'Profesional |||| Profesionales', fields: { name: 'Nombre', shortName: 'Nombre corto', specialty: 'Especialidad', languages: 'Idiomas', telehealth: 'Teleconsulta', serviceIds: 'Servicios', active: 'Activo' } },
    services: { name: 'Servicio |||| Servicios', fields: { code: 'Código', name: 'Nombre', nameEs: 'Nombre (español)', durationMinutes: 'Duración (min)', bufferBeforeMinutes: 'Margen antes (min)', bufferAfterMinutes: 'Margen después (min)', roomKind: 'Tipo de sala necesaria', minNoticeMinutes: 'Antelación mínima (min)', maxAdvanceDays: 'Reserva como máximo con (días)', newPatientOnly: 'Solo pacientes nuevos', telehealth: 'Teleconsulta', depositCents: 'Depósito (céntimos)', active: 'Activo' } },
    'availability-rules': { name: 'Horario semanal |||| Horarios semanales', fields: { providerId: 'Profesional', locationId: 'Sede', weekday: 'Día', startTime: 'Desde', endTime: 'Hasta', validFrom: 'Válido desde', validTo: 'Válido hasta', serviceIds: 'Solo estos servicios', slotStepMinutes: 'Intervalo (min)' } },
    'schedule-exceptions': { name: 'Excepción de horario |||| Excepciones de horario', fields: { providerId: 'Profesional (vacío: todos)', locationId: 'Sede (vacío: todas)', kind: 'Tipo', startsOn: 'Desde la fecha', endsOn: 'Hasta la fecha', startTime: 'Desde la hora (vacío: todo el día)', endTime: 'Hasta la hora', reason: 'Motivo' } },
    rooms: { name: 'Sala |||| Salas', fields: { name: 'Nombre', kind: 'Tipo', locationId: 'Sede', active: 'Activa' } },
    locations: { name: 'Sede |||| Sedes', fields: { name: 'Nombre', timezone: 'Zona horaria', address: 'Dirección', phone: 'Teléfono' } },
    waitlist: { name: 'Entrada en espera |||| Lista de espera', fields: { patientName: 'Paciente', patientId: 'Paciente', serviceId: 'Servicio', serviceName: 'Servicio', providerId: 'Profesional', providerName: 'Profesional', urgency: 'Urgencia', status: 'Estado', createdAt: 'Añadido', notes: 'Notas', earliestDate: 'Desde la fecha', latestDate: 'Hasta la fecha', locationId: 'Sede' } },
    conversations: { name: 'Conversación |||| Conversaciones', fields: { status: 'Estado', channel: 'Canal', patientName: 'Paciente', updatedAt: 'Última actividad' } },
    'audit-log': { name: 'Entrada de auditoría |||| Registro de auditoría', fields: { at: 'Cuándo', createdAt: 'Cuándo', actorName: 'Quién', actorId: 'Quién', action: 'Acción', entityType: 'Entidad', entityId: 'Id de entidad', patientId: 'Paciente', reason: 'Motivo', ip: 'Desde', from: 'Desde la fecha', to: 'Hasta la fecha' } },
  },
};
