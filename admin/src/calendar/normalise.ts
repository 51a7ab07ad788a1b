import type { CalendarAppointment, CalendarData, CalendarHold } from './types';

type Raw = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const time = (v: unknown): number => Date.parse(str(v));
const nested = (v: unknown, key: string): unknown => (v && typeof v === 'object' ? (v as Raw)[key] : undefined);

export function normaliseAppointment(a: Raw): CalendarAppointment {
  return {
    id: str(a.id),
    start: time(a.start ?? a.startsAt),
    end: time(a.end ?? a.endsAt),
    status: str(a.status),
    providerId: str(a.providerId),
    providerName: str(a.providerName ?? nested(a.provider, 'name')),
    patientId: str(a.patientId),
    patientName: str(a.patientName ?? nested(a.patient, 'fullName') ?? nested(a.patient, 'name')),
    serviceName: str(a.serviceName ?? nested(a.service, 'name')),
    locationId: (a.locationId as string | null) ?? null,
    locationName: (a.locationName as string | null) ?? null,
    source: str(a.source),
    raw: a,
  };
}

export function normaliseHold(h: Raw, index: number): CalendarHold {
  return { id: str(h.id ?? h.token ?? `hold-${index}`), start: time(h.start ?? h.startsAt), end: time(h.end ?? h.endsAt), providerId: str(h.providerId) };
}

export function normaliseCalendar(body: unknown): CalendarData {
  const b = (body ?? {}) as { appointments?: Raw[]; holds?: Raw[]; holdsAvailable?: boolean };
  return {
    appointments: (b.appointments ?? []).map(normaliseAppointment).filter((a) => Number.isFinite(a.start) && Number.isFinite(a.end)),
    holds: (b.holds ?? []).map(normaliseHold).filter((h) => Number.isFinite(h.start) && Number.isFinite(h.end)),
    holdsAvailable: b.holdsAvailable !== false,
  };
}
