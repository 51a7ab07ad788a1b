import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import type { AppointmentSource, AppointmentStatus } from '../../../src/generated/prisma/enums.js';
import { testCipher } from '../../support/fixtures.js';

/**
 * A small clinic week, built by hand so the reports' right answers can be worked out on paper (they
 * are, in reports.e2e.spec.ts). Clinic zone America/New_York (EST, UTC−5, in November 2026 after
 * the DST change on Nov 1). Report range: Mon 2026-11-09 … Fri 2026-11-13, local.
 * Several rows sit on purpose either side of a local midnight that is not a UTC midnight.
 */
export const PASSWORD = 'report-test-password';

export async function buildReportFixture(prisma: PrismaClient) {
  const clinic = await prisma.clinic.create({ data: { slug: 'reports-test', name: 'Reports Test Clinic', timezone: 'America/New_York' } });
  const clinicId = clinic.id;
  const l1 = await prisma.location.create({ data: { clinicId, name: 'Downtown', timezone: 'America/New_York', address: '1 Main St' } });
  const l2 = await prisma.location.create({ data: { clinicId, name: 'Northside', timezone: 'America/New_York', address: '2 North St' } });
  const p1 = await prisma.provider.create({ data: { clinicId, name: 'Dr. One', shortName: 'Dr. One', specialty: 'GP' } });
  const p2 = await prisma.provider.create({ data: { clinicId, name: 'Dr. Two', shortName: 'Dr. Two', specialty: 'GP' } });
  const s1 = await prisma.service.create({ data: { clinicId, code: 'short', name: 'Short visit', durationMinutes: 30 } });
  const s2 = await prisma.service.create({ data: { clinicId, code: 'long', name: 'Long visit', durationMinutes: 60 } });
  const time = (hhmm: string) => new Date(`1970-01-01T${hhmm}:00Z`);
  // P1: Downtown Mon–Fri 09–17 (8 h). P2: Northside Mon and Wed 09–13 (4 h).
  for (const weekday of [1, 2, 3, 4, 5]) {
    await prisma.availabilityRule.create({ data: { clinicId, providerId: p1.id, locationId: l1.id, weekday, startTime: time('09:00'), endTime: time('17:00') } });
  }
  for (const weekday of [1, 3]) {
    await prisma.availabilityRule.create({ data: { clinicId, providerId: p2.id, locationId: l2.id, weekday, startTime: time('09:00'), endTime: time('13:00') } });
  }
  // P1 blocked Wed 11 Nov 12:00–14:00: 2 h less available.
  await prisma.scheduleException.create({
    data: { clinicId, locationId: l1.id, providerId: p1.id, kind: 'staff_block', startsOn: new Date('2026-11-11T00:00:00Z'), endsOn: new Date('2026-11-11T00:00:00Z'), startTime: time('12:00'), endTime: time('14:00') },
  });

  const patient = (n: number) => prisma.patient.create({ data: { clinicId, phoneHash: testCipher.blindIndex(`+1212555${n}`), phoneEnc: testCipher.encrypt(`+1212555${n}`) } });
  const [pa, pb, pc, pd] = await Promise.all([patient(1001), patient(1002), patient(1003), patient(1004)]);

  const staffId = '00000000-0000-4000-8000-000000000001';
  const appt = (a: {
    provider: { id: string }; location: { id: string }; service: { id: string; durationMinutes: number }; patient: { id: string };
    start: string; created: string; status: AppointmentStatus; source: AppointmentSource; confirmed?: string; cancelled?: string;
    late?: boolean; reason?: string; updatedBy?: string; createdBy?: string; rescheduledFromId?: string;
  }) => {
    const startsAt = new Date(a.start);
    const endsAt = new Date(+startsAt + a.service.durationMinutes * 60_000);
    return prisma.appointment.create({
      data: {
        clinicId, providerId: a.provider.id, locationId: a.location.id, serviceId: a.service.id, patientId: a.patient.id,
        startsAt, endsAt, blockStart: startsAt, blockEnd: endsAt, status: a.status, source: a.source,
        createdAt: new Date(a.created), confirmedAt: a.confirmed ? new Date(a.confirmed) : null,
        cancelledAt: a.cancelled ? new Date(a.cancelled) : null, lateCancellation: a.late ?? false, cancelReason: a.reason ?? null,
        createdBy: a.createdBy ?? `patient:${a.patient.id}`, updatedBy: a.updatedBy ?? a.createdBy ?? `patient:${a.patient.id}`,
        rescheduledFromId: a.rescheduledFromId ?? null,
      },
    });
  };
  // A1 Mon 10:00 local, booked 8 days ahead over WhatsApp, confirmed, completed.
  const a1 = await appt({ provider: p1, location: l1, service: s1, patient: pa, start: '2026-11-09T15:00:00Z', created: '2026-11-01T15:00:00Z', status: 'completed', source: 'whatsapp', confirmed: '2026-11-06T15:00:00Z' });
  // A2 Mon 11:00, booked 23.5 h ahead by SMS, reminded, no answer, no-show.
  const a2 = await appt({ provider: p1, location: l1, service: s1, patient: pb, start: '2026-11-09T16:00:00Z', created: '2026-11-08T16:30:00Z', status: 'no_show', source: 'sms' });
  // A3 Tue 23:30 local = Wed 04:30 UTC, force-booked at the console 6 days ahead, reminded, marked
  // no-show and then reversed by staff to completed: it counts as attended, on Tuesday.
  const a3 = await appt({ provider: p1, location: l1, service: s2, patient: pc, start: '2026-11-11T04:30:00Z', created: '2026-11-05T04:30:00Z', status: 'completed', source: 'console', createdBy: `staff:${staffId}` });
  // A4 Wed 09:00 Northside, booked exactly 7 days ahead, confirmed, checked in.
  await appt({ provider: p2, location: l2, service: s2, patient: pd, start: '2026-11-11T14:00:00Z', created: '2026-11-04T14:00:00Z', status: 'checked_in', source: 'whatsapp', confirmed: '2026-11-10T14:00:00Z' });
  // A5 booked Mon by SMS (confirmed 2 h later), then moved by the patient on Tue to A6 (Fri 10:00), a no-show.
  const a5 = await appt({ provider: p1, location: l1, service: s1, patient: pa, start: '2026-11-12T15:00:00Z', created: '2026-11-09T13:00:00Z', status: 'rescheduled', source: 'sms', confirmed: '2026-11-09T15:00:00Z' });
  const a6 = await appt({ provider: p1, location: l1, service: s1, patient: pa, start: '2026-11-13T15:00:00Z', created: '2026-11-10T15:00:00Z', status: 'no_show', source: 'sms', rescheduledFromId: a5.id });
  // A7 booked Mon over WhatsApp for Thu 14:00, cancelled late by the patient Wed 23:30 local (Thu 04:30 UTC).
  await appt({ provider: p1, location: l1, service: s1, patient: pb, start: '2026-11-12T19:00:00Z', created: '2026-11-09T14:00:00Z', status: 'cancelled', source: 'whatsapp', cancelled: '2026-11-12T04:30:00Z', late: true, reason: 'Work conflict' });
  // A8 the same patient rebooks Fri (for the week after): "rebooked".
  await appt({ provider: p1, location: l1, service: s1, patient: pb, start: '2026-11-20T15:00:00Z', created: '2026-11-13T15:00:00Z', status: 'confirmed', source: 'whatsapp' });
  // A9 booked at the console Mon, cancelled by staff Tue (not late), not rebooked.
  await appt({ provider: p2, location: l2, service: s1, patient: pc, start: '2026-11-16T15:00:00Z', created: '2026-11-09T15:00:00Z', status: 'cancelled', source: 'console', cancelled: '2026-11-10T15:00:00Z', reason: 'Clinic rescheduled provider', createdBy: `staff:${staffId}`, updatedBy: `staff:${staffId}` });
  // A10 walk-in Fri 09:00, booked 5 minutes before, completed.
  await appt({ provider: p1, location: l1, service: s1, patient: pd, start: '2026-11-13T14:00:00Z', created: '2026-11-13T13:55:00Z', status: 'completed', source: 'walk_in', createdBy: `staff:${staffId}` });
  // A11 booked Fri 23:30 local (Sat 04:30 UTC) by SMS, confirmed 6 h later: inside the range.
  await appt({ provider: p2, location: l2, service: s1, patient: pd, start: '2026-11-16T16:00:00Z', created: '2026-11-14T04:30:00Z', status: 'confirmed', source: 'sms', confirmed: '2026-11-14T10:30:00Z' });
  // A12 booked Sun 8 Nov 23:30 local (Mon 04:30 UTC): outside the range.
  await appt({ provider: p2, location: l2, service: s1, patient: pc, start: '2026-11-18T16:00:00Z', created: '2026-11-09T04:30:00Z', status: 'confirmed', source: 'sms' });
  // A13 cancelled Sat 14 Nov 00:30 local (05:30 UTC): outside the range.
  await appt({ provider: p2, location: l2, service: s1, patient: pc, start: '2026-11-23T15:00:00Z', created: '2026-11-02T15:00:00Z', status: 'cancelled', source: 'sms', cancelled: '2026-11-14T05:30:00Z', reason: 'Travelling' });

  const reminder = (appointmentId: string, patientId: string, status: 'sent' | 'delivered' | 'skipped', sendAt: string) =>
    prisma.notification.create({ data: { clinicId, appointmentId, patientId, kind: 'reminder', offsetMinutes: 1440, sendAt: new Date(sendAt), status, jobId: `r-${appointmentId}-${status}` } });
  await reminder(a2.id, pb.id, 'sent', '2026-11-08T16:00:00Z');
  await reminder(a3.id, pc.id, 'delivered', '2026-11-10T04:30:00Z');
  await reminder(a6.id, pa.id, 'skipped', '2026-11-12T15:00:00Z');
  await reminder(a1.id, pa.id, 'delivered', '2026-11-06T14:00:00Z');

  // Conversations and their chat sessions (funnel rows as the runtime writes them).
  const conversation = (channel: 'whatsapp' | 'sms', n: number, optedOutAt?: string) => prisma.conversation.create({
    data: { clinicId, channel, clinicAddress: '+12125550100', addressHash: testCipher.blindIndex(`+1212666${n}`), addressEnc: testCipher.encrypt(`+1212666${n}`), optedOutAt: optedOutAt ? new Date(optedOutAt) : null },
  });
  const cw = await conversation('whatsapp', 1001);
  const cs = await conversation('sms', 1002, '2026-11-13T18:00:00Z');
  await conversation('whatsapp', 1003, '2026-11-20T18:00:00Z');
  const t = (iso: string) => new Date(iso);
  const session = (c: { id: string; channel: 'whatsapp' | 'sms' }, language: string, data: Record<string, unknown>) =>
    prisma.conversationFunnel.create({ data: { clinicId, conversationId: c.id, channel: c.channel, language, ...data } as never });
  // F1 booked twice in one session (6 minutes to the first booking).
  await session(cw, 'en', { intent: 'book', startedAt: t('2026-11-10T14:00:00Z'), lastActivityAt: t('2026-11-10T14:30:00Z'), intentAt: t('2026-11-10T14:01:00Z'), slotsShownAt: t('2026-11-10T14:02:00Z'), slotHeldAt: t('2026-11-10T14:03:00Z'), detailsAt: t('2026-11-10T14:05:00Z'), bookedAt: t('2026-11-10T14:06:00Z'), bookings: 2, locationId: l1.id, providerId: p1.id, serviceId: s1.id });
  // F2 held a slot and went quiet.
  await session(cw, 'es', { intent: 'book', startedAt: t('2026-11-11T15:00:00Z'), lastActivityAt: t('2026-11-11T15:10:00Z'), intentAt: t('2026-11-11T15:01:00Z'), slotsShownAt: t('2026-11-11T15:02:00Z'), slotHeldAt: t('2026-11-11T15:03:00Z'), locationId: l1.id, providerId: p1.id, serviceId: s1.id });
  // F3 Wed 23:30 local (Thu 04:30 UTC): intent understood, nothing more.
  await session(cs, 'en', { intent: 'book', startedAt: t('2026-11-12T04:30:00Z'), lastActivityAt: t('2026-11-12T04:31:00Z'), intentAt: t('2026-11-12T04:31:00Z') });
  // F4 booked at Northside after 20 minutes.
  await session(cs, 'en', { intent: 'book', startedAt: t('2026-11-12T16:00:00Z'), lastActivityAt: t('2026-11-12T16:20:00Z'), intentAt: t('2026-11-12T16:01:00Z'), slotsShownAt: t('2026-11-12T16:05:00Z'), slotHeldAt: t('2026-11-12T16:10:00Z'), detailsAt: t('2026-11-12T16:15:00Z'), bookedAt: t('2026-11-12T16:20:00Z'), bookings: 1, locationId: l2.id, providerId: p2.id, serviceId: s1.id });
  // F5 asked for a human straight away; F6 sent STOP.
  await session(cw, 'en', { startedAt: t('2026-11-13T17:00:00Z'), lastActivityAt: t('2026-11-13T17:01:00Z'), handoffAt: t('2026-11-13T17:01:00Z') });
  await session(cs, 'en', { startedAt: t('2026-11-13T18:00:00Z'), lastActivityAt: t('2026-11-13T18:00:00Z'), optedOutAt: t('2026-11-13T18:00:00Z') });
  // F7 Sun 8 Nov 23:59 local: outside the range.
  await session(cw, 'en', { intent: 'book', startedAt: t('2026-11-09T04:59:00Z'), lastActivityAt: t('2026-11-09T05:10:00Z'), intentAt: t('2026-11-09T05:00:00Z'), bookedAt: t('2026-11-09T05:10:00Z'), bookings: 1 });

  // Messages: WhatsApp 3 in, 6 out (read, read, delivered, sent, failed, queued); SMS 2 in, 3 out
  // (delivered, undelivered, sent — the last exactly at the range's first instant), one more out
  // exactly at the range's end instant (outside).
  const message = (c: { id: string; channel: 'whatsapp' | 'sms' }, direction: 'inbound' | 'outbound', status: string, at: string) => prisma.message.create({
    data: { clinicId, conversationId: c.id, direction, channel: c.channel, provider: 'simulator', bodyEnc: testCipher.encrypt('x'), status, createdAt: new Date(at) },
  });
  for (const [status, at] of [['read', '2026-11-10T14:01:00Z'], ['read', '2026-11-10T14:02:00Z'], ['delivered', '2026-11-11T15:01:00Z'], ['sent', '2026-11-11T15:02:00Z'], ['failed', '2026-11-13T17:00:30Z'], ['queued', '2026-11-13T17:01:00Z']] as const) {
    await message(cw, 'outbound', status, at);
  }
  for (const at of ['2026-11-10T14:00:00Z', '2026-11-11T15:00:00Z', '2026-11-13T17:00:00Z']) await message(cw, 'inbound', 'received', at);
  for (const [status, at] of [['delivered', '2026-11-12T16:01:00Z'], ['undelivered', '2026-11-12T16:02:00Z'], ['sent', '2026-11-09T05:00:00Z'], ['delivered', '2026-11-14T05:00:00Z']] as const) {
    await message(cs, 'outbound', status, at);
  }
  for (const at of ['2026-11-12T04:30:00Z', '2026-11-12T16:00:00Z']) await message(cs, 'inbound', 'received', at);

  // Waitlist: two entries in the range (one booked through an offer), one after it.
  const entry = (patientId: string, status: 'waiting' | 'booked', source: string, created: string) => prisma.waitlistEntry.create({
    data: { clinicId, patientId, serviceId: s1.id, earliestDate: new Date('2026-11-10T00:00:00Z'), latestDate: new Date('2026-11-30T00:00:00Z'), status, source, createdAt: new Date(created) },
  });
  const w1 = await entry(pd.id, 'booked', 'chat', '2026-11-10T12:00:00Z');
  const w2 = await entry(pc.id, 'waiting', 'staff', '2026-11-11T12:00:00Z');
  await entry(pa.id, 'waiting', 'chat', '2026-11-15T12:00:00Z');
  const offer = (o: { entry: { id: string; patientId: string }; provider: { id: string }; location: { id: string }; slot: string; freed: string; offered: string; outcome: string; responded: string }) => prisma.$executeRaw`
    INSERT INTO waitlist_offers (clinic_id, entry_id, patient_id, service_id, provider_id, location_id, slot_start, slot_end, slot_freed_at, "trigger", offered_at, expires_at, outcome, responded_at, offered_by)
    VALUES (${clinicId}::uuid, ${o.entry.id}::uuid, ${o.entry.patientId}::uuid, ${s1.id}::uuid, ${o.provider.id}::uuid, ${o.location.id}::uuid, ${new Date(o.slot)}, ${new Date(+new Date(o.slot) + 30 * 60_000)},
      ${new Date(o.freed)}, 'cancellation', ${new Date(o.offered)}, ${new Date(+new Date(o.offered) + 30 * 60_000)}, ${o.outcome}::waitlist_offer_outcome, ${new Date(o.responded)}, 'system')`;
  // The slot A7 freed (Thu 04:30 UTC): offered to W2 (expired), then W1, who took it 70 minutes after it was freed.
  await offer({ entry: w2, provider: p1, location: l1, slot: '2026-11-12T19:00:00Z', freed: '2026-11-12T04:30:00Z', offered: '2026-11-12T04:31:00Z', outcome: 'expired', responded: '2026-11-12T05:01:00Z' });
  await offer({ entry: w1, provider: p1, location: l1, slot: '2026-11-12T19:00:00Z', freed: '2026-11-12T04:30:00Z', offered: '2026-11-12T05:01:00Z', outcome: 'accepted', responded: '2026-11-12T05:40:00Z' });
  // The slot A9 freed: offered to W2, declined.
  await offer({ entry: w2, provider: p2, location: l2, slot: '2026-11-16T15:00:00Z', freed: '2026-11-10T15:00:00Z', offered: '2026-11-10T15:01:00Z', outcome: 'declined', responded: '2026-11-10T15:30:00Z' });

  const passwordHash = await hash(PASSWORD);
  const staff = (email: string, role: 'owner' | 'admin' | 'receptionist' | 'provider', extra: { locationIds?: string[]; providerId?: string } = {}) =>
    prisma.staffUser.create({ data: { clinicId, email, displayName: email, passwordHash, role, ...extra } });
  await staff('owner@reports.test', 'owner');
  await staff('admin@reports.test', 'admin');
  await staff('desk@reports.test', 'receptionist', { locationIds: [l1.id] });
  await staff('doctor@reports.test', 'provider', { providerId: p1.id });

  return { clinicId, l1, l2, p1, p2, s1, s2 };
}
