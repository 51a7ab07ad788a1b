import { useLocaleState } from 'react-admin';

/** The reports page's own words (en/es), kept here so the page owns its text; same keys in both. */
const en = {
  title: 'Reports',
  from: 'From', to: 'To', groupBy: 'Group by', day: 'Day', week: 'Week', month: 'Month',
  location: 'Location', provider: 'Provider', service: 'Service', channel: 'Channel', all: 'All',
  print: 'Print', csv: 'CSV', loading: 'Loading…', noData: 'No data in this range.',
  timesIn: 'Days are local days in %{zone}.',
  clinicWideOnly: 'Messaging figures cover the whole clinic and are shown to owners and admins only.',
  kpi: {
    chatConversion: 'Chat → booking', medianToBook: 'Median time to book', noShowRate: 'No-show rate', utilization: 'Utilization',
    cancellations: 'Cancellations', lateShare: 'late', bookings: 'Bookings', chatVsStaff: '%{chat} chat · %{staff} staff',
    fillRate: 'Waitlist fill rate', delivery: 'Message delivery', minutes: '%{n} min', sessions: '%{n} chat sessions',
  },
  section: {
    funnel: 'Chat funnel', trends: 'Trends', heatmap: 'No-shows by weekday and hour', utilization: 'Utilization per provider',
    noShows: 'No-shows', cancellations: 'Cancellations and reschedules', waitlist: 'Waitlist', messaging: 'Messaging', bookings: 'Bookings by source',
  },
  series: { started: 'Chats started', booked: 'Chats booked', noShowRate: 'No-show rate', utilization: 'Utilization', bookings: 'Bookings' },
  stage: { started: 'Started', intent_understood: 'Intent understood', slots_shown: 'Times shown', slot_held: 'Slot held', details_given: 'Details given', booked: 'Booked' },
  weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const es: typeof en = {
  title: 'Informes',
  from: 'Desde', to: 'Hasta', groupBy: 'Agrupar por', day: 'Día', week: 'Semana', month: 'Mes',
  location: 'Sede', provider: 'Profesional', service: 'Servicio', channel: 'Canal', all: 'Todos',
  print: 'Imprimir', csv: 'CSV', loading: 'Cargando…', noData: 'Sin datos en este periodo.',
  timesIn: 'Los días son días locales de %{zone}.',
  clinicWideOnly: 'Las cifras de mensajería abarcan toda la clínica y solo las ven propietarios y administradores.',
  kpi: {
    chatConversion: 'Chat → cita', medianToBook: 'Mediana hasta reservar', noShowRate: 'Tasa de inasistencia', utilization: 'Ocupación',
    cancellations: 'Cancelaciones', lateShare: 'tardías', bookings: 'Reservas', chatVsStaff: '%{chat} chat · %{staff} personal',
    fillRate: 'Huecos cubiertos (lista de espera)', delivery: 'Entrega de mensajes', minutes: '%{n} min', sessions: '%{n} chats',
  },
  section: {
    funnel: 'Embudo del chat', trends: 'Tendencias', heatmap: 'Inasistencias por día y hora', utilization: 'Ocupación por profesional',
    noShows: 'Inasistencias', cancellations: 'Cancelaciones y cambios', waitlist: 'Lista de espera', messaging: 'Mensajería', bookings: 'Reservas por origen',
  },
  series: { started: 'Chats iniciados', booked: 'Chats con cita', noShowRate: 'Tasa de inasistencia', utilization: 'Ocupación', bookings: 'Reservas' },
  stage: { started: 'Inicio', intent_understood: 'Intención entendida', slots_shown: 'Horarios mostrados', slot_held: 'Hueco retenido', details_given: 'Datos dados', booked: 'Cita' },
  weekday: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
};

export type ReportText = typeof en;

export function useReportText(): ReportText {
  const [locale] = useLocaleState();
  return locale === 'es' ? es : en;
}

/** Fills %{name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/%\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
