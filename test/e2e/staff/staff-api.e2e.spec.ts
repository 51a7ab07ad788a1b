import { hash } from '@node-rs/argon2';
import { DateTime } from 'luxon';
import { DEMO_NORTHSIDE_PATIENT } from '../../../prisma/seed/demo-clinic.js';
import { apiClient } from '../../support/api-client.js';
import { fixtures } from '../../support/fixtures.js';
import { useTestApp } from '../../support/test-app.js';

/** The staff API over real HTTP: scope, overrides with reasons, audit rows, conflicts, isolation. */
const zone = 'America/New_York';
const DOWNTOWN_PATIENT = '+12125552001';

describe('staff API', () => {
  const env = useTestApp('demo');
  let admin: ReturnType<typeof apiClient>;
  let frontdesk: ReturnType<typeof apiClient>;
  let northdesk: ReturnType<typeof apiClient>;
  let patel: ReturnType<typeof apiClient>;
  let owner: ReturnType<typeof apiClient>;
  let phone = 5_000_000;
  const newPatient = () => ({ phone: `+1917${++phone}`, fullName: 'Walk In', dateOfBirth: '1990-02-02' });
  const weekday = (weeksAhead: number, isoWeekday: number, hour: number, minute = 0) =>
    DateTime.now().setZone(zone).startOf('week').plus({ weeks: weeksAhead, days: isoWeekday - 1 }).set({ hour, minute }).toUTC().toISO()!;

  beforeAll(() => {
    admin = env.api;
    frontdesk = apiClient(env.running.url, 'frontdesk@riverside.test');
    northdesk = apiClient(env.running.url, 'northdesk@riverside.test');
    patel = apiClient(env.running.url, 'dr.patel@riverside.test');
    owner = apiClient(env.running.url, 'owner@riverside.test');
  });

  it('finds a patient by phone and lists their appointments by patientPhone, auditing each patient read with ip and reason', async () => {
    const found = await frontdesk('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ q: DOWNTOWN_PATIENT }))}`, undefined, { 'x-access-reason': 'Patient on the phone' });
    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(1);
    expect(found.body[0].phone).toBe(DOWNTOWN_PATIENT);
    expect(found.headers.get('content-range')).toBe('patients 0-0/1');
    const patientId = found.body[0].id;
    const listed = await frontdesk('GET', `/api/v1/appointments?filter=${encodeURIComponent(JSON.stringify({ patientPhone: DOWNTOWN_PATIENT }))}&range=[0,4]`);
    expect(listed.status).toBe(200);
    expect(listed.body.length).toBeGreaterThan(0);
    expect(listed.body.every((a: { patientId: string; locationId: string | null }) => a.patientId === patientId && a.locationId === env.ids.downtown)).toBe(true);
    expect(listed.headers.get('content-range')).toMatch(/^appointments 0-\d+\/\d+$/);
    const staffId = (await env.prisma.staffUser.findUniqueOrThrow({ where: { email: 'frontdesk@riverside.test' } })).id;
    const rows = await env.prisma.auditLog.findMany({ where: { patientId, actorId: staffId } });
    expect(rows.map((r) => r.action).sort()).toEqual(['appointment.listed', 'patient.listed']);
    expect(rows.find((r) => r.action === 'patient.listed')).toMatchObject({ reason: 'Patient on the phone', actorType: 'staff' });
    expect(rows.every((r) => r.ip && /127\.0\.0\.1/.test(r.ip))).toBe(true);
    expect(JSON.stringify(rows.map((r) => r.details))).not.toContain('555');
    expect((await frontdesk('GET', `/api/v1/appointments?filter=${encodeURIComponent(JSON.stringify({ patientPhone: '2125552001' }))}`)).status).toBe(400);
    expect((await frontdesk('GET', `/api/v1/appointments?filter=${encodeURIComponent(JSON.stringify({ patientPhone: '+12125559999' }))}`)).body).toEqual([]);
  });

  it('finds patients by name (encrypted at rest) within scope', async () => {
    const nora = await admin('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ q: 'nora QUINN' }))}`);
    expect(nora.body.map((p: { phone: string }) => p.phone)).toEqual([DEMO_NORTHSIDE_PATIENT.phone]);
    expect((await frontdesk('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ q: 'Nora Quinn' }))}`)).body).toEqual([]);
  });

  it('refuses the Downtown desk a Northside-only patient: open, search by phone, book by id or by phone', async () => {
    const nora = (await admin('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ phone: DEMO_NORTHSIDE_PATIENT.phone }))}`)).body[0];
    expect((await frontdesk('GET', `/api/v1/patients/${nora.id}`)).status).toBe(403);
    expect((await frontdesk('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ phone: DEMO_NORTHSIDE_PATIENT.phone }))}`)).body).toEqual([]);
    const start = weekday(6, 1, 10);
    const byId = await frontdesk('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start, patientId: nora.id, override: { reason: 'Trying' } });
    expect(byId.status).toBe(403);
    const byPhone = await frontdesk('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start, patient: { phone: DEMO_NORTHSIDE_PATIENT.phone } });
    expect(byPhone.status).toBe(403);
    expect(await env.prisma.appointment.count({ where: { patientId: nora.id, status: { not: 'cancelled' } } })).toBe(0);
    expect((await northdesk('GET', `/api/v1/patients/${nora.id}`)).status).toBe(200);
  });

  it('clears a no-show flag only with a reason, in scope, audited; the count stays as history', async () => {
    // Nora Quinn is a Northside-only patient: the Northside desk's to clear, not Downtown's.
    const patient = (await admin('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ phone: DEMO_NORTHSIDE_PATIENT.phone }))}`)).body[0];
    await env.prisma.patient.update({ where: { id: patient.id }, data: { flaggedAt: new Date(), noShowCount: 4 } });
    expect((await northdesk('POST', `/api/v1/patients/${patient.id}/clear-no-show-flag`, {})).status).toBe(400);
    expect((await frontdesk('POST', `/api/v1/patients/${patient.id}/clear-no-show-flag`, { reason: 'Not mine' })).status).toBe(403);
    expect((await patel('POST', `/api/v1/patients/${patient.id}/clear-no-show-flag`, { reason: 'Provider' })).status).toBe(403);
    expect((await env.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).flaggedAt).not.toBeNull();
    const res = await northdesk('POST', `/api/v1/patients/${patient.id}/clear-no-show-flag`, { reason: 'Two of the no-shows were our booking error' });
    expect(res.status).toBe(200);
    const after = await env.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(after.flaggedAt).toBeNull();
    expect(after.noShowCount).toBe(4);
    const audit = await env.prisma.auditLog.findFirstOrThrow({ where: { action: 'patient.no_show_flag_cleared', patientId: patient.id } });
    expect(audit).toMatchObject({ actorType: 'staff', reason: 'Two of the no-shows were our booking error' });
  });

  it('force-books outside hours only with a reason, says which rule it overrode, audits actor, reason and ip', async () => {
    const sunday = weekday(4, 7, 10);
    const body = { serviceId: env.ids.followUp, providerId: env.ids.patel, start: sunday, patient: newPatient() };
    const refused = await frontdesk('POST', '/api/v1/appointments', body);
    expect(refused.status).toBe(422);
    expect(refused.body.details.rule).toBe('outside_hours');
    expect((await frontdesk('POST', '/api/v1/appointments', { ...body, override: { reason: '' } })).status).toBe(400);
    const forced = await frontdesk('POST', '/api/v1/appointments', { ...body, override: { reason: 'Urgent: referred by Dr. Patel' } });
    expect(forced.status).toBe(201);
    expect(forced.body).toMatchObject({ overrides: ['outside_hours'], locationId: env.ids.downtown, source: 'console', patientName: 'Walk In' });
    const staffId = (await env.prisma.staffUser.findUniqueOrThrow({ where: { email: 'frontdesk@riverside.test' } })).id;
    const audit = await env.prisma.auditLog.findFirstOrThrow({ where: { entityId: forced.body.id, action: 'appointment.force_booked' } });
    expect(audit).toMatchObject({ actorType: 'staff', actorId: staffId, reason: 'Urgent: referred by Dr. Patel', patientId: forced.body.patientId });
    expect(audit.ip).toMatch(/127\.0\.0\.1/);
    expect(audit.details).toMatchObject({ overrides: ['outside_hours'] });

    // The front desk reads that appointment's history (not the whole log, not another location's).
    const history = (id: string) => `/api/v1/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityType: 'appointment', entityId: id }))}`;
    const own = await frontdesk('GET', history(forced.body.id));
    expect(own.status).toBe(200);
    expect(own.body).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'appointment.force_booked', reason: 'Urgent: referred by Dr. Patel' })]));
    expect((await frontdesk('GET', '/api/v1/audit-log')).status).toBe(403);
    expect((await northdesk('GET', history(forced.body.id))).status).toBe(403);
  });

  it('force-books a new-patient-only service for a returning patient, naming new_patients_only', async () => {
    const patientId = (await frontdesk('GET', `/api/v1/patients?filter=${encodeURIComponent(JSON.stringify({ q: DOWNTOWN_PATIENT }))}`)).body[0].id;
    const start = weekday(7, 3, 9);
    const refused = await frontdesk('POST', '/api/v1/appointments', { serviceId: env.ids.newPatient, providerId: env.ids.patel, start, patientId });
    expect(refused.body.details.rule).toBe('new_patients_only');
    const forced = await frontdesk('POST', '/api/v1/appointments', { serviceId: env.ids.newPatient, providerId: env.ids.patel, start, patientId, override: { reason: 'Returning after 10 years' } });
    expect(forced.status).toBe(201);
    expect(forced.body.overrides).toEqual(['new_patients_only']);
  });

  it('409 SLOT_TAKEN names the appointment in the way; the patient name only for callers who may see that patient', async () => {
    // Dr. García works Northside on Tuesdays: a Northside booking, then a Downtown override on top of it.
    const start = weekday(5, 2, 13);
    const first = await northdesk('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.garcia, start, patient: newPatient(), locationId: env.ids.northside });
    expect(first.status).toBe(201);
    const clash = await frontdesk('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.garcia, start, patient: newPatient(), override: { reason: 'Squeeze in' } });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('SLOT_TAKEN');
    expect(clash.body.details.blocking).toMatchObject({ id: first.body.id, start, providerId: env.ids.garcia, providerName: 'Dr. Luis García' });
    expect(clash.body.details.blocking.patientName).toBeUndefined();
    const seen = await admin('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.garcia, start, patient: newPatient(), locationId: env.ids.northside, override: { reason: 'Squeeze in' } });
    expect(seen.status).toBe(409);
    expect(seen.body.details.blocking.patientName).toBe('Walk In');
    expect(await env.prisma.appointment.count({ where: { providerId: env.ids.garcia, startsAt: new Date(start), status: 'confirmed' } })).toBe(1);
  });

  it('moves, changes provider, checks in, completes and marks no-show through the status table, each audited with its reason', async () => {
    const booked = await frontdesk('POST', '/api/v1/appointments', { serviceId: env.ids.vaccination, providerId: env.ids.patel, start: weekday(6, 2, 9), patient: newPatient() });
    expect(booked.status).toBe(201);
    const moved = await frontdesk('POST', `/api/v1/appointments/${booked.body.id}/move`, { start: weekday(6, 2, 18), override: { reason: 'Patient works late' } });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ rescheduledFromId: booked.body.id, overrides: ['outside_hours'] });
    const swapped = await frontdesk('POST', `/api/v1/appointments/${moved.body.id}/provider`, { providerId: env.ids.garcia, reason: 'Dr. Patel is away' });
    expect(swapped.status).toBe(201);
    expect(swapped.body.providerId).toBe(env.ids.garcia);
    expect((await frontdesk('POST', `/api/v1/appointments/${swapped.body.id}/provider`, { providerId: env.ids.patel })).status).toBe(400);
    const checkedIn = await frontdesk('POST', `/api/v1/appointments/${swapped.body.id}/status`, { status: 'checked_in' });
    expect(checkedIn.body.status).toBe('checked_in');
    expect((await frontdesk('POST', `/api/v1/appointments/${swapped.body.id}/status`, { status: 'no_show', reason: 'Left before being seen' })).body.status).toBe('no_show');
    expect((await frontdesk('POST', `/api/v1/appointments/${swapped.body.id}/status`, { status: 'completed' })).body.status).toBe('completed');
    expect((await frontdesk('POST', `/api/v1/appointments/${swapped.body.id}/cancel`, { reason: 'Too late' })).body.code).toBe('ILLEGAL_TRANSITION');
    const trail = await env.prisma.auditLog.findMany({ where: { entityId: { in: [booked.body.id, moved.body.id, swapped.body.id] } }, orderBy: { id: 'asc' } });
    const writes = trail.filter((r) => !r.action.endsWith('listed') && !r.action.endsWith('viewed')).map((r) => [r.action, r.reason]);
    expect(writes).toEqual([
      ['appointment.booked', null], ['appointment.force_moved', 'Patient works late'], ['appointment.force_moved', 'Dr. Patel is away'],
      ['appointment.checked_in', null], ['appointment.no_show', 'Left before being seen'], ['appointment.completed', null],
    ]);
  });

  it('adds a walk-in: booked from now with the reason as an override, and checked in', async () => {
    const walkIn = await frontdesk('POST', '/api/v1/appointments/walk-in', { serviceId: env.ids.vaccination, providerId: env.ids.patel, patient: newPatient(), reason: 'Walked in for a flu shot' });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ status: 'checked_in', source: 'walk_in', locationId: env.ids.downtown });
    expect(walkIn.body.overrides.length).toBeGreaterThan(0);
    expect(Math.abs(Date.parse(walkIn.body.start) - Date.now())).toBeLessThan(120_000);
    expect((await frontdesk('POST', '/api/v1/appointments/walk-in', { serviceId: env.ids.vaccination, providerId: env.ids.patel, patient: newPatient() })).status).toBe(400);
  });

  it('providers change the status of their own appointments only, and cannot book or cancel', async () => {
    const mine = await admin('POST', '/api/v1/appointments', { serviceId: env.ids.vaccination, providerId: env.ids.patel, start: weekday(8, 1, 9), patient: newPatient(), locationId: env.ids.downtown });
    const theirs = await admin('POST', '/api/v1/appointments', { serviceId: env.ids.vaccination, providerId: env.ids.garcia, start: weekday(8, 1, 9), patient: newPatient(), locationId: env.ids.downtown });
    expect((await patel('POST', `/api/v1/appointments/${mine.body.id}/status`, { status: 'checked_in' })).status).toBe(200);
    expect((await patel('POST', `/api/v1/appointments/${theirs.body.id}/status`, { status: 'checked_in' })).status).toBe(403);
    expect((await patel('POST', `/api/v1/appointments/${mine.body.id}/cancel`, { reason: 'No' })).status).toBe(403);
    expect((await patel('GET', `/api/v1/appointments/${theirs.body.id}`)).status).toBe(403);
    const list = await patel('GET', `/api/v1/appointments?range=[0,499]`);
    expect(list.body.every((a: { providerId: string }) => a.providerId === env.ids.patel)).toBe(true);
    expect((await owner('GET', '/api/v1/appointments')).status).toBe(403);
    expect((await owner('GET', '/api/v1/audit-log?range=[0,0]')).status).toBe(200);
  });

  it('calendar shows appointments and live holds for a location', async () => {
    const from = weekday(9, 3, 0);
    const slot = weekday(9, 3, 10);
    await frontdesk('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: slot, patient: newPatient() });
    const hold = await frontdesk('POST', '/api/v1/holds', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: weekday(9, 3, 11), holder: 'desk' });
    expect(hold.status).toBe(201);
    const cal = await frontdesk('GET', `/api/v1/calendar?from=${from}&to=${weekday(9, 4, 0)}&locationId=${env.ids.downtown}`);
    expect(cal.status).toBe(200);
    expect(cal.body.appointments.map((a: { start: string }) => a.start)).toContain(slot);
    expect(cal.body.holds).toEqual([expect.objectContaining({ providerId: env.ids.patel, start: weekday(9, 3, 11) })]);
    expect((await frontdesk('GET', `/api/v1/calendar?from=${from}&to=${weekday(9, 4, 0)}&locationId=${env.ids.northside}`)).status).toBe(403);
  });

  it('another clinic sees none of this clinic: ids answer 404, lists are empty', async () => {
    const f = fixtures(env.prisma);
    const other = await f.clinic({ name: 'Other Clinic' });
    await env.prisma.staffUser.create({ data: { clinicId: other.id, email: 'admin@other.test', displayName: 'Other admin', role: 'admin', passwordHash: await hash('other-clinic-password') } });
    const outsider = apiClient(env.running.url, 'admin@other.test', 'other-clinic-password');
    const appointment = await env.prisma.appointment.findFirstOrThrow({ where: { clinicId: env.ids.clinicId } });
    const conversation = await env.prisma.conversation.findFirstOrThrow({ where: { clinicId: env.ids.clinicId } });
    for (const path of [`/api/v1/appointments/${appointment.id}`, `/api/v1/patients/${appointment.patientId}`, `/api/v1/conversations/${conversation.id}`, `/api/v1/providers/${env.ids.patel}`]) {
      expect({ path, status: (await outsider('GET', path)).status }).toEqual({ path, status: 404 });
    }
    expect((await outsider('POST', `/api/v1/appointments/${appointment.id}/cancel`, { reason: 'Not mine' })).status).toBe(404);
    expect((await outsider('POST', '/api/v1/appointments', { serviceId: env.ids.followUp, providerId: env.ids.patel, start: weekday(6, 1, 9), patientId: appointment.patientId })).status).toBe(404);
    for (const path of ['/api/v1/appointments', '/api/v1/patients', '/api/v1/conversations', '/api/v1/providers', '/api/v1/notifications']) {
      const res = await outsider('GET', path);
      expect({ path, status: res.status, rows: res.body }).toEqual({ path, status: 200, rows: [] });
    }
    const outsiderId = (await env.prisma.staffUser.findUniqueOrThrow({ where: { email: 'admin@other.test' } })).id;
    expect((await outsider('GET', '/api/v1/staff-users')).body.map((u: { id: string }) => u.id)).toEqual([outsiderId]);
    const audit = (await outsider('GET', '/api/v1/audit-log?range=[0,99]')).body as { actorId: string; action: string }[];
    expect(audit.every((r) => r.actorId === outsiderId && r.action.startsWith('auth.'))).toBe(true);
  });

  it('answers a staff reply on the conversation’s own channel and hands it back to the bot', async () => {
    const chatPhone = '+12125552002';
    const sim = async (text: string) => (await apiClient(env.running.url, '')('POST', '/api/v1/simulator/messages', { from: chatPhone, text, channel: 'sms' })).body;
    await sim('I want to talk to a person');
    const inbox = await frontdesk('GET', '/api/v1/conversations?range=[0,99]');
    expect(inbox.status).toBe(200);
    const handedOver = inbox.body.filter((c: { status: string }) => c.status === 'handoff');
    // Handed-over conversations come first.
    expect(inbox.body.slice(0, handedOver.length)).toEqual(handedOver);
    const waiting = handedOver.find((c: { phone: string }) => c.phone === chatPhone);
    expect(waiting).toMatchObject({ status: 'handoff', channel: 'sms' });
    const reply = await frontdesk('POST', `/api/v1/conversations/${waiting.id}/reply`, { text: 'Hi, Jordan here — how can I help?' });
    expect(reply.status).toBe(201);
    const transcript = await frontdesk('GET', `/api/v1/conversations/${waiting.id}/messages?range=[0,499]`);
    expect(transcript.body.at(-1)).toMatchObject({ direction: 'outbound', text: 'Hi, Jordan here — how can I help?' });
    const back = await frontdesk('POST', `/api/v1/conversations/${waiting.id}/hand-back`);
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('active');
    expect((await frontdesk('POST', `/api/v1/conversations/${waiting.id}/hand-back`)).status).toBe(409);
    expect(await env.prisma.auditLog.count({ where: { entityId: waiting.id, action: { in: ['conversation.staff_replied', 'conversation.handed_back'] } } })).toBe(2);
  });
});
