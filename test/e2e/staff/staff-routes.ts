/**
 * Every staff route (behind @StaffAuth) and who may call it, for the RBAC matrix test. The test
 * fails when the running app has a bearer-protected route that is not listed here (or a listed one
 * that no longer exists), so a new route cannot escape the matrix.
 *
 * Expectation per role: 'yes' = allowed (any answer but 401/403), 'no' = 403 whatever the record,
 * 'scoped' = allowed on the caller's own sample (own location / own calendar) and 403 on the other.
 * 'external' rows (none today) would be checked for 401 without a token only.
 *
 * Paths use placeholders the test resolves per role and variant (own/other):
 * {appointment} a cancelled appointment (writes then end in 409 after the scope check, changing nothing),
 * {patient}, {conversation} (opted out, so replies end in 409), {exception}, {calendar} (query).
 */
export type Allowed = 'yes' | 'no' | 'scoped';
export interface StaffRoute {
  route: string;
  path: string;
  body?: Record<string, unknown>;
  roles?: { admin: Allowed; receptionist: Allowed; provider: Allowed; owner: Allowed };
  external?: true;
}

const all = { admin: 'yes', receptionist: 'yes', provider: 'yes', owner: 'yes' } as const;
const adminOnly = { admin: 'yes', receptionist: 'no', provider: 'no', owner: 'no' } as const;
const desk = { admin: 'yes', receptionist: 'scoped', provider: 'no', owner: 'no' } as const;
const care = { admin: 'yes', receptionist: 'scoped', provider: 'scoped', owner: 'no' } as const;
const deskLists = { admin: 'yes', receptionist: 'yes', provider: 'no', owner: 'no' } as const;
const careLists = { admin: 'yes', receptionist: 'yes', provider: 'yes', owner: 'no' } as const;

export const STAFF_ROUTES: StaffRoute[] = [
  { route: 'GET /api/v1/auth/me', path: '/api/v1/auth/me', roles: all },
  { route: 'POST /api/v1/auth/password', path: '/api/v1/auth/password', body: { currentPassword: 'wrong-password', newPassword: 'long-enough-password' }, roles: all },

  { route: 'GET /api/v1/appointments', path: '/api/v1/appointments', roles: careLists },
  { route: 'GET /api/v1/appointments/{id}', path: '/api/v1/appointments/{appointment}', roles: care },
  { route: 'POST /api/v1/appointments', path: '/api/v1/appointments', body: { serviceId: '{followUp}', providerId: '{patel}', start: '2020-01-06T15:00:00.000Z', patientId: '{patient}', locationId: '{location}' }, roles: desk },
  { route: 'POST /api/v1/appointments/walk-in', path: '/api/v1/appointments/walk-in', body: { serviceId: '{vaccination}', providerId: '{patel}', patientId: '{patient}', locationId: '{location}', reason: 'Matrix walk-in' }, roles: desk },
  { route: 'POST /api/v1/appointments/{id}/move', path: '/api/v1/appointments/{appointment}/move', body: { start: '2030-01-07T15:00:00.000Z' }, roles: desk },
  { route: 'POST /api/v1/appointments/{id}/reschedule', path: '/api/v1/appointments/{appointment}/reschedule', body: { start: '2030-01-07T15:00:00.000Z' }, roles: desk },
  { route: 'POST /api/v1/appointments/{id}/provider', path: '/api/v1/appointments/{appointment}/provider', body: { providerId: '{khan}', reason: 'Matrix' }, roles: desk },
  { route: 'POST /api/v1/appointments/{id}/cancel', path: '/api/v1/appointments/{appointment}/cancel', body: { reason: 'Matrix' }, roles: desk },
  { route: 'POST /api/v1/appointments/{id}/status', path: '/api/v1/appointments/{appointment}/status', body: { status: 'checked_in' }, roles: care },

  { route: 'GET /api/v1/patients', path: '/api/v1/patients', roles: careLists },
  { route: 'GET /api/v1/patients/{id}', path: '/api/v1/patients/{patient}', roles: care },
  { route: 'POST /api/v1/patients', path: '/api/v1/patients', body: { phone: '{patientPhone}' }, roles: desk },
  { route: 'PUT /api/v1/patients/{id}', path: '/api/v1/patients/{patient}', body: { language: 'en' }, roles: desk },
  { route: 'POST /api/v1/patients/{id}/clear-no-show-flag', path: '/api/v1/patients/{patient}/clear-no-show-flag', body: { reason: 'Matrix' }, roles: desk },

  { route: 'GET /api/v1/calendar', path: '/api/v1/calendar?from=2030-01-07T05:00:00.000Z&to=2030-01-08T05:00:00.000Z&{calendar}', roles: care },

  { route: 'GET /api/v1/conversations', path: '/api/v1/conversations', roles: deskLists },
  { route: 'GET /api/v1/conversations/{id}', path: '/api/v1/conversations/{conversation}', roles: desk },
  { route: 'GET /api/v1/conversations/{id}/messages', path: '/api/v1/conversations/{conversation}/messages', roles: desk },
  { route: 'POST /api/v1/conversations/{id}/reply', path: '/api/v1/conversations/{conversation}/reply', body: { text: 'Matrix' }, roles: desk },
  { route: 'POST /api/v1/conversations/{id}/hand-back', path: '/api/v1/conversations/{conversation}/hand-back', roles: desk },

  { route: 'GET /api/v1/notifications', path: '/api/v1/notifications', roles: careLists },
  { route: 'GET /api/v1/audit-log', path: '/api/v1/audit-log', roles: { admin: 'yes', receptionist: 'no', provider: 'no', owner: 'yes' } },

  { route: 'GET /api/v1/staff-users', path: '/api/v1/staff-users', roles: adminOnly },
  { route: 'GET /api/v1/staff-users/{id}', path: '/api/v1/staff-users/{staffUser}', roles: adminOnly },
  { route: 'POST /api/v1/staff-users', path: '/api/v1/staff-users', body: {}, roles: adminOnly },
  { route: 'PUT /api/v1/staff-users/{id}', path: '/api/v1/staff-users/{staffUser}', body: { displayName: 'Jordan Blake (Downtown desk)' }, roles: adminOnly },

  { route: 'GET /api/v1/availability-rules', path: '/api/v1/availability-rules', roles: all },
  { route: 'GET /api/v1/availability-rules/{id}', path: '/api/v1/availability-rules/{rule}', roles: all },
  { route: 'POST /api/v1/availability-rules', path: '/api/v1/availability-rules', body: {}, roles: adminOnly },
  { route: 'PUT /api/v1/availability-rules/{id}', path: '/api/v1/availability-rules/{rule}', body: {}, roles: adminOnly },
  { route: 'DELETE /api/v1/availability-rules/{id}', path: '/api/v1/availability-rules/00000000-0000-4000-8000-000000000000', roles: adminOnly },
  { route: 'GET /api/v1/schedule-exceptions', path: '/api/v1/schedule-exceptions', roles: all },
  { route: 'GET /api/v1/schedule-exceptions/{id}', path: '/api/v1/schedule-exceptions/{exception}', roles: all },
  { route: 'POST /api/v1/schedule-exceptions', path: '/api/v1/schedule-exceptions', body: { kind: 'closed', locationId: '{location}', startsOn: '2031-12-24', endsOn: '2031-12-24', reason: 'Matrix' }, roles: desk },
  { route: 'PUT /api/v1/schedule-exceptions/{id}', path: '/api/v1/schedule-exceptions/{exception}', body: { kind: 'closed', locationId: '{location}', startsOn: '2031-12-25', endsOn: '2031-12-25' }, roles: desk },
  { route: 'DELETE /api/v1/schedule-exceptions/{id}', path: '/api/v1/schedule-exceptions/{exception}', roles: desk },

  ...(['providers', 'services', 'locations', 'rooms'] as const).flatMap((r) => [
    { route: `GET /api/v1/${r}`, path: `/api/v1/${r}`, roles: all },
    { route: `GET /api/v1/${r}/{id}`, path: `/api/v1/${r}/{${r}}`, roles: all },
  ]),
  // Clinic settings writes: admins only. An empty create fails validation (400), an update of an unknown id is a 404: nothing changes.
  ...(['providers', 'services', 'rooms'] as const).flatMap((r) => [
    { route: `POST /api/v1/${r}`, path: `/api/v1/${r}`, body: {}, roles: adminOnly },
    { route: `PUT /api/v1/${r}/{id}`, path: `/api/v1/${r}/00000000-0000-4000-8000-000000000000`, body: { active: true }, roles: adminOnly },
  ]),

  { route: 'POST /api/v1/holds', path: '/api/v1/holds', body: {}, roles: deskLists },
  { route: 'DELETE /api/v1/holds/{token}', path: '/api/v1/holds/no-such-token?providerId={patel}', roles: deskLists },
  { route: 'GET /api/v1/channels/whatsapp-web/qr', path: '/api/v1/channels/whatsapp-web/qr', roles: adminOnly },

  // Waitlist: the front desk's work (an unknown entry id: allowed roles get 404, the others 403).
  ...['GET /api/v1/waitlist', 'GET /api/v1/waitlist/{id}', 'POST /api/v1/waitlist', 'PUT /api/v1/waitlist/{id}', 'DELETE /api/v1/waitlist/{id}', 'POST /api/v1/waitlist/{id}/offer']
    .map((route) => ({ route, path: route.split(' ')[1]!.replace('{id}', '00000000-0000-4000-8000-000000000000'), body: route.startsWith('GET') || route.startsWith('DELETE') ? undefined : {}, roles: deskLists })),
  // Reports: owners and admins; receptionists for their own locations (messaging has no location, so not theirs).
  ...['bookings', 'cancellations', 'funnel', 'no-shows', 'utilization', 'waitlist']
    .map((name) => ({ route: `GET /api/v1/reports/${name}`, path: `/api/v1/reports/${name}?from=2030-01-01&to=2030-01-31`, roles: { admin: 'yes', receptionist: 'yes', provider: 'no', owner: 'yes' } as const })),
  { route: 'GET /api/v1/reports/messaging', path: '/api/v1/reports/messaging?from=2030-01-01&to=2030-01-31', roles: { admin: 'yes', receptionist: 'no', provider: 'no', owner: 'yes' } },
];
