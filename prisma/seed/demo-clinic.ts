/**
 * The demo clinic, exactly as the product brief describes it. Other work, tests and demos rely on
 * these names, numbers and hours, so change them only together with those.
 */
export const DEMO_CLINIC = {
  slug: 'riverside',
  name: 'Riverside Family Clinic',
  timezone: 'America/New_York',
  phone: '(212) 555-0100',
  minNoticeMinutes: 120,
  maxAdvanceDays: 90,
  holdTtlSeconds: 300,
  cancellationCutoffHours: 24,
  reminderOffsetsMinutes: [72 * 60, 24 * 60, 2 * 60],
  waitlistClaimMinutes: 30,
  noShowThreshold: 3,
  noShowWindowMonths: 12,
} as const;

export const DEMO_LOCATIONS = [
  { key: 'downtown', name: 'Downtown', timezone: 'America/New_York', address: '120 Main St, New York, NY 10001', phone: '(212) 555-0100' },
  { key: 'northside', name: 'Northside', timezone: 'America/New_York', address: '45 North Ave, New York, NY 10029', phone: '(212) 555-0102' },
] as const;

export const DEMO_ROOMS = [
  { location: 'northside', name: 'Treatment Room 1', kind: 'treatment' },
  { location: 'northside', name: 'Treatment Room 2', kind: 'treatment' },
] as const;

export const DEMO_SERVICES = [
  { code: 'new-patient', name: 'New patient visit', nameEs: 'Primera visita', durationMinutes: 60, newPatientOnly: true },
  { code: 'follow-up', name: 'Follow-up visit', nameEs: 'Consulta de seguimiento', durationMinutes: 30 },
  { code: 'annual-physical', name: 'Annual physical', nameEs: 'Examen físico anual', durationMinutes: 45 },
  { code: 'vaccination', name: 'Vaccination', nameEs: 'Vacunación', durationMinutes: 15 },
  { code: 'skin-check', name: 'Skin check', nameEs: 'Revisión de la piel', durationMinutes: 30 },
  { code: 'telehealth', name: 'Telehealth consult', nameEs: 'Consulta por video', durationMinutes: 20, telehealth: true },
  { code: 'physio', name: 'Physio session', nameEs: 'Sesión de fisioterapia', durationMinutes: 45, bufferAfterMinutes: 15, roomKind: 'treatment' },
] as const;

export type ServiceCode = (typeof DEMO_SERVICES)[number]['code'];

interface DemoRule {
  location: 'downtown' | 'northside' | null;
  weekdays: number[];
  start: string;
  end: string;
  /** Services allowed in these hours; omitted = all of the provider's services. */
  services?: ServiceCode[];
}

export const DEMO_PROVIDERS: {
  key: string; name: string; shortName: string; specialty: string; languages: string[]; telehealth: boolean;
  services: ServiceCode[]; rules: DemoRule[];
}[] = [
  {
    key: 'patel', name: 'Dr. Maya Patel', shortName: 'Dr. Patel', specialty: 'Family Medicine', languages: ['en'], telehealth: false,
    services: ['new-patient', 'follow-up', 'annual-physical', 'vaccination'],
    rules: [
      { location: 'downtown', weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' },
      { location: 'downtown', weekdays: [1, 2, 3, 4, 5], start: '13:00', end: '17:00' },
    ],
  },
  {
    key: 'garcia', name: 'Dr. Luis García', shortName: 'Dr. García', specialty: 'Pediatrics', languages: ['en', 'es'], telehealth: false,
    services: ['new-patient', 'follow-up', 'vaccination'],
    rules: [
      { location: 'downtown', weekdays: [1, 3, 5], start: '08:00', end: '14:00' },
      { location: 'northside', weekdays: [2, 4], start: '12:00', end: '18:00' },
      // Saturday-morning pediatrics, so the front desk has a calendar on Saturdays too.
      { location: 'downtown', weekdays: [6], start: '09:00', end: '13:00' },
    ],
  },
  {
    key: 'khan', name: 'Dr. Aisha Khan', shortName: 'Dr. Khan', specialty: 'Dermatology', languages: ['en'], telehealth: true,
    services: ['skin-check', 'follow-up', 'telehealth'],
    rules: [
      { location: 'northside', weekdays: [1, 2, 3, 4], start: '10:00', end: '16:00', services: ['skin-check', 'follow-up'] },
      { location: null, weekdays: [5], start: '09:00', end: '12:00', services: ['telehealth'] },
    ],
  },
  {
    key: 'lee', name: 'Sam Lee, PT', shortName: 'Sam Lee', specialty: 'Physiotherapy', languages: ['en'], telehealth: false,
    services: ['physio'],
    rules: [{ location: 'northside', weekdays: [1, 2, 3, 4, 5], start: '07:00', end: '15:00' }],
  },
];

export const DEMO_CHANNELS = [
  { channel: 'sms', provider: 'twilio', address: '+12125550100', externalId: null },
  { channel: 'whatsapp', provider: 'twilio', address: '+12125550101', externalId: null },
] as const;

export const DEMO_STAFF = [
  { email: 'admin@riverside.test', displayName: 'Alex Rivera (admin)', role: 'admin', locations: [], provider: null },
  { email: 'frontdesk@riverside.test', displayName: 'Jordan Blake (Downtown desk)', role: 'receptionist', locations: ['downtown'], provider: null },
  { email: 'northdesk@riverside.test', displayName: 'Casey Moore (Northside desk)', role: 'receptionist', locations: ['northside'], provider: null },
  { email: 'dr.patel@riverside.test', displayName: 'Dr. Maya Patel', role: 'provider', locations: ['downtown'], provider: 'patel' },
  { email: 'owner@riverside.test', displayName: 'Morgan Chen (owner)', role: 'owner', locations: [], provider: null },
] as const;

export const DEFAULT_DEMO_PASSWORD = 'demo-password';

/**
 * A patient known only at Northside (one cancelled physio session there, nothing at Downtown): the
 * Downtown desk must not see them (docs/staff-api.md, patient scope). Cancelled, so the seeded visit
 * never occupies anyone's time.
 */
export const DEMO_NORTHSIDE_PATIENT = { name: 'Nora Quinn', phone: '+12125559100', dob: '1979-04-18', daysAgo: 30 } as const;
