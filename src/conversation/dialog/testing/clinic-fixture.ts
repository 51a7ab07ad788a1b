import type { AppointmentSummary, SlotOption, TurnContext } from '../types.js';

/**
 * The demo clinic (prisma/seed/demo-clinic.ts) as the runtime would describe it to the dialog, on
 * Mon 23 Nov 2026 at 9:00 am in New York. Shared by the dialog's tests.
 */

export const NOW = Date.parse('2026-11-23T14:00:00Z');
export const ZONE = 'America/New_York';

export const SERVICES = {
  newPatient: { id: 'svc-new', code: 'new-patient', name: 'New patient visit', nameEs: 'Primera visita', durationMinutes: 60, newPatientOnly: true, telehealth: false },
  followUp: { id: 'svc-fu', code: 'follow-up', name: 'Follow-up visit', nameEs: 'Consulta de seguimiento', durationMinutes: 30, newPatientOnly: false, telehealth: false },
  physical: { id: 'svc-phys', code: 'annual-physical', name: 'Annual physical', nameEs: 'Examen físico anual', durationMinutes: 45, newPatientOnly: false, telehealth: false },
  vaccination: { id: 'svc-vax', code: 'vaccination', name: 'Vaccination', nameEs: 'Vacunación', durationMinutes: 15, newPatientOnly: false, telehealth: false },
  skin: { id: 'svc-skin', code: 'skin-check', name: 'Skin check', nameEs: 'Revisión de la piel', durationMinutes: 30, newPatientOnly: false, telehealth: false },
  telehealth: { id: 'svc-tele', code: 'telehealth', name: 'Telehealth consult', nameEs: 'Consulta por video', durationMinutes: 20, newPatientOnly: false, telehealth: true },
  physio: { id: 'svc-physio', code: 'physio', name: 'Physio session', nameEs: 'Sesión de fisioterapia', durationMinutes: 45, newPatientOnly: false, telehealth: false },
} as const;

const S = SERVICES;

export const PROVIDERS = {
  patel: { id: 'prov-patel', name: 'Dr. Maya Patel', shortName: 'Dr. Patel', serviceIds: [S.newPatient.id, S.followUp.id, S.physical.id, S.vaccination.id], languages: ['en'] },
  garcia: { id: 'prov-garcia', name: 'Dr. Luis García', shortName: 'Dr. García', serviceIds: [S.newPatient.id, S.followUp.id, S.vaccination.id], languages: ['en', 'es'] },
  khan: { id: 'prov-khan', name: 'Dr. Aisha Khan', shortName: 'Dr. Khan', serviceIds: [S.skin.id, S.followUp.id, S.telehealth.id], languages: ['en'] },
  lee: { id: 'prov-lee', name: 'Sam Lee, PT', shortName: 'Sam Lee', serviceIds: [S.physio.id], languages: ['en'] },
} as const;

export const LOCATIONS = {
  downtown: { id: 'loc-downtown', name: 'Downtown', address: '120 Main St, New York, NY 10001' },
  northside: { id: 'loc-northside', name: 'Northside', address: '45 North Ave, New York, NY 10029' },
} as const;

export type PatientKind = 'returning' | 'new' | 'spanish';

export function turn(overrides: Partial<Omit<TurnContext, 'patient'>> & { patient?: Partial<TurnContext['patient']> | PatientKind } = {}): TurnContext {
  const { patient, ...rest } = overrides;
  const base = {
    returning: { known: true, firstName: 'Ana', isNew: false, language: 'en' as const, optedOut: false },
    new: { known: false, firstName: null, isNew: true, language: null, optedOut: false },
    spanish: { known: true, firstName: 'Lucía', isNew: false, language: 'es' as const, optedOut: false },
  };
  const resolvedPatient = typeof patient === 'string' ? base[patient] : { ...base.returning, ...patient };
  return {
    now: NOW,
    timezone: ZONE,
    channel: 'whatsapp',
    clinic: { name: 'Riverside Family Clinic', phone: '(212) 555-0100' },
    services: Object.values(SERVICES).map((s) => ({ ...s })),
    providers: Object.values(PROVIDERS).map((p) => ({ ...p, serviceIds: [...p.serviceIds], languages: [...p.languages] })),
    locations: Object.values(LOCATIONS).map((l) => ({ ...l })),
    ...rest,
    patient: resolvedPatient,
  };
}

type ProviderKey = keyof typeof PROVIDERS;
type ServiceKey = keyof typeof SERVICES;

/** A slot at a local New York wall-clock time ('2026-11-26T14:30'). */
export function slot(local: string, provider: ProviderKey = 'patel', service: ServiceKey = 'followUp', location: keyof typeof LOCATIONS | null = null): SlotOption {
  // November 2026 in New York is UTC-5 (EST).
  const start = Date.parse(`${local}:00-05:00`);
  const p = PROVIDERS[provider];
  const s = SERVICES[service];
  const defaultLocation = provider === 'garcia' || provider === 'khan' || provider === 'lee' ? 'northside' : 'downtown';
  const l = s.telehealth ? null : LOCATIONS[location ?? defaultLocation];
  return {
    start,
    end: start + s.durationMinutes * 60_000,
    timezone: ZONE,
    providerId: p.id,
    providerName: p.name,
    providerShortName: p.shortName,
    locationId: l?.id ?? null,
    locationName: l?.name ?? null,
    locationAddress: l?.address ?? null,
    serviceId: s.id,
    serviceName: s.name,
  };
}

export function appointment(id: string, local: string, provider: ProviderKey = 'patel', service: ServiceKey = 'followUp'): AppointmentSummary {
  return { ...slot(local, provider, service), appointmentId: id, status: 'booked' };
}
