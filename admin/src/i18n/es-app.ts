import type { AppMessages } from './en';

type Translated<T> = { [K in keyof T]: T[K] extends string ? string : Translated<T[K]> };

/** The console's own words in Spanish (same keys as en.ts; the type makes sure none is missing). */
export const esApp: Translated<AppMessages> = {
  app: {
    title: 'Consola Riverside',
    auth: {
      email: 'Correo electrónico',
      password: 'Contraseña',
      sign_in: 'Entrar',
      signing_in: 'Entrando…',
      subtitle: 'Acceso del personal',
      session_ended: 'Su sesión ha terminado. Vuelva a entrar.',
      invalid_credentials: 'Correo o contraseña incorrectos.',
      too_many_attempts: 'Demasiados intentos. Inténtelo de nuevo en unos minutos.',
    },
    menu: {
      calendar: 'Agenda', appointments: 'Citas', patients: 'Pacientes', conversations: 'Bandeja', waitlist: 'Lista de espera',
      try_bot: 'Probar el bot', reports: 'Informes', audit: 'Registro de auditoría', providers: 'Profesionales', services: 'Servicios',
      rules: 'Horario semanal', exceptions: 'Excepciones de horario', rooms: 'Salas', channels: 'Canales', schedule: 'Horarios', clinic: 'Clínica',
    },
    status: {
      held: 'Retenida', requested: 'Solicitada', confirmed: 'Confirmada', payment_pending: 'Pago pendiente', checked_in: 'En sala',
      completed: 'Atendida', rescheduled: 'Reprogramada', cancelled: 'Cancelada', no_show: 'No se presentó',
    },
    calendar: {
      holds_unavailable: 'Ahora no se pueden leer las reservas en curso: un horario que parece libre puede estar reservándose en un chat.', show_week: 'Ver la semana',
      title: 'Agenda', day: 'Día', week: 'Semana', today: 'Hoy', previous: 'Anterior', next: 'Siguiente', by_location: 'Por sede',
      by_provider: 'Por profesional', location: 'Sede', provider: 'Profesional', legend: 'Leyenda', held_slot: 'Retenido (chat en curso)',
      free_slot: 'Reservar %{time}', no_providers: 'Ningún profesional trabaja aquí este día.', times_in: 'Horas en %{zone}',
      live: 'En vivo: se actualiza cada pocos segundos', updated: 'Actualizado %{time}', outside_hours: 'Fuera del horario', book_here: 'Reservar a las %{time}',
      appointment_label: '%{time}, %{patient}, %{service}, %{status}',
    },
    booking: {
      walk_in: 'Sin cita', walk_in_title: 'Paciente sin cita: reservar ahora y registrar llegada', walk_in_reason: 'Por qué ahora (motivo de la excepción)', walk_in_help: 'Empieza ahora, dentro del plazo mínimo: el motivo queda auditado.',
      overrode: 'excepción: %{rules}',
      title: 'Reservar una cita', when: 'Cuándo', provider: 'Profesional', location: 'Sede', service: 'Servicio', patient: 'Paciente',
      patient_search: 'Buscar paciente por teléfono o nombre', patient_search_help: 'Escriba al menos 3 letras del nombre o un teléfono',
      no_patient: 'No se encontró ningún paciente.', new_patient: 'Paciente nuevo', phone: 'Teléfono (E.164, p. ej. +12125550123)', full_name: 'Nombre completo',
      date_of_birth: 'Fecha de nacimiento', notes: 'Notas', book: 'Reservar', booking: 'Reservando…', booked: 'Reservada: %{time} con %{provider}',
      override_needed: 'Esta reserva incumple una regla de la clínica: %{rule}. Indique un motivo para reservar igualmente (queda en el registro de auditoría).',
      override_reason: 'Motivo de la excepción', override_book: 'Reservar igualmente', reason_required: 'Hace falta un motivo de al menos 3 caracteres',
      choose_patient: 'Elija primero un paciente', choose_service: 'Elija un servicio',
    },
    rules: {
      outside_hours: 'fuera del horario del profesional', too_soon: 'dentro del plazo mínimo de antelación', too_far: 'más allá de la antelación máxima permitida',
      new_patients_only: 'este servicio es solo para pacientes nuevos', reason_required: 'hace falta un motivo', taken: 'el horario está ocupado', unknown: '%{rule}',
    },
    actions: {
      title: 'Cita', check_in: 'Registrar llegada', complete: 'Completar', no_show: 'No se presentó', cancel: 'Cancelar cita', move: 'Mover',
      change_provider: 'Cambiar profesional', open: 'Ver detalles', reason: 'Motivo', new_start: 'Nueva fecha y hora', new_provider: 'Nuevo profesional',
      confirm: 'Confirmar', done: 'Guardado', close: 'Cerrar', status_reason: 'Motivo (opcional salvo que incumpla una regla)',
      cancel_reason_help: '¿Por qué se cancela? (obligatorio)', override_reason: 'Motivo de la excepción (solo si incumple una regla)',
    },
    errors: {
      slot_taken: 'Ese horario lo ocupa otra cita',
      slot_held: 'Alguien está reservando ese horario ahora mismo, o no hay sala libre a esa hora.',
      slot_taken_by: 'Ese horario está ocupado: %{appointment} se solapa.',
      alternatives: 'Próximos horarios libres: %{times}',
      forbidden: 'No tiene permiso para hacer esto (su rol o sus sedes no lo incluyen).',
      not_found: 'No encontrado, o no pertenece a sus sedes.',
      network: 'No se puede conectar con el servidor. Compruebe la conexión e inténtelo de nuevo.',
      validation: 'Revise el formulario: %{message}',
      generic: 'Algo salió mal: %{message}',
    },
    fields: {
      start: 'Inicio', end: 'Fin', status: 'Estado', patient: 'Paciente', provider: 'Profesional', service: 'Servicio', location: 'Sede',
      room: 'Sala', source: 'Origen', reason: 'Motivo', created: 'Creada', phone: 'Teléfono', name: 'Nombre', language: 'Idioma',
      no_shows: 'Ausencias', flagged: 'Marcado', from: 'Desde', to: 'Hasta',
    },
    appointments: { history: 'Historial', patient_phone: 'Teléfono del paciente (E.164)', date_from: 'Desde la fecha', date_to: 'Hasta la fecha' },
    patients: {
      flagged: 'Marcado por ausencias', not_flagged: 'Sin marca', clear_flag: 'Quitar marca de ausencias', clear_flag_reason: '¿Por qué se quita la marca?',
      flag_cleared: 'Marca quitada', history: 'Citas', book: 'Reservar para este paciente', search: 'Teléfono o nombre',
    },
    weekday: { 1: 'Lunes', 2: 'Martes', 3: 'Miércoles', 4: 'Jueves', 5: 'Viernes', 6: 'Sábado', 7: 'Domingo', 0: 'Domingo' },
    exception_kind: { closed: 'Cerrado', extra_hours: 'Horas extra', staff_block: 'Bloqueo de agenda', holiday: 'Festivo', whole_day: 'Todo el día' },
    validation: {
      end_after_start: 'Debe ser posterior al inicio', time_format: 'Use HH:MM (24 h)', e164: 'Use el formato internacional, p. ej. +12125550123',
      positive: 'Debe ser mayor que cero',
      not_blank: 'No puede estar vacío', service_code: 'Minúsculas, dígitos y guiones (como máximo 40)',
      both_times: 'Indique ambas horas, o ninguna para todo el día', extra_hours_provider: 'Las horas extra necesitan un profesional', extra_hours_times: 'Las horas extra necesitan hora de inicio y de fin',
    },
    waitlist: { offer: 'Ofrecer un horario', offer_title: 'Ofrecer un horario a este paciente', offered: 'Oferta enviada al paciente', urgency: 'Urgencia' },
    inbox: {
      title: 'Bandeja', handoff: 'Requiere personal', active: 'Con el bot', closed: 'Cerrada', reply: 'Responder', reply_placeholder: 'Escriba una respuesta… (Intro envía, Mayús+Intro nueva línea)',
      send: 'Enviar', hand_back: 'Devolver al bot', handed_back: 'El bot vuelve a llevar la conversación', empty: 'Elija una conversación',
      sent: 'Enviado', via: 'por %{channel}', unknown_patient: 'Número desconocido', last_message: 'Último mensaje', no_messages: 'Sin mensajes',
    },
    bot: {
      title: 'Probar el bot', intro: 'Chatee como un paciente. El bot usa los datos reales de la clínica y reserva citas reales (de demostración).',
      phone: 'Teléfono del paciente', channel: 'Canal', new_chat: 'Paciente nuevo', placeholder: 'Mensaje', send: 'Enviar', typing: 'escribiendo…',
      disabled: 'El simulador está desactivado en este servidor (SIMULATOR_ENABLED).', hint: 'Pruebe: “Quiero una consulta de seguimiento con la Dra. Patel el martes por la mañana”',
    },
    audit: {
      title: 'Registro de auditoría', at: 'Cuándo', actor: 'Quién', action: 'Acción', entity: 'Qué', patient: 'Paciente', ip: 'Desde', reason: 'Motivo', details: 'Detalles',
    },
    channels: {
      title: 'Canales', whatsapp_web: 'WhatsApp Web', state: 'Estado', scan: 'Escanee este código con el teléfono de la clínica: WhatsApp › Dispositivos vinculados › Vincular un dispositivo.',
      not_enabled: 'WhatsApp Web no está activado en este servidor (WHATSAPP_WEB_ENABLED).', ready: 'Conectado', unavailable: 'El estado del canal no está disponible para su cuenta.',
      numbers: 'Números de la clínica', updated: 'Actualizado %{time}',
    },
    locale: { en: 'English', es: 'Español' },
    common: { telehealth: 'Teleconsulta (sin sede)', yes: 'Sí', no: 'No', none: '—', loading: 'Cargando…', all: 'Todos', save: 'Guardar' },
  },
};
