import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '../../../src/queue/queues.js';
import { ROLL_UP_REPORTS_JOB } from '../../../src/reports/rollups/report-rollup.workers.js';
import { FakeClock } from '../../support/fake-clock.js';
import { authCalls } from '../../support/staff-session.js';
import { useTestApp } from '../../support/test-app.js';
import { buildReportFixture, PASSWORD } from './report-fixture.js';

/**
 * Every figure of every report over the hand-built week of report-fixture.ts. The expected numbers
 * were worked out by hand from the fixture's comments — none is computed by the code under test.
 */
const RANGE = 'from=2026-11-09&to=2026-11-13';

describe('reports over a hand-built week', () => {
  let ids: Awaited<ReturnType<typeof buildReportFixture>>;
  const tokens: Record<string, string> = {};
  const clock = new FakeClock(new Date('2026-11-20T12:00:00Z'));
  const env = useTestApp('empty', { beforeStart: async ({ prisma }) => { ids = await buildReportFixture(prisma); }, app: { clock } });

  const get = async (path: string, who: string | null = 'owner', headers: Record<string, string> = {}) => {
    const res = await fetch(`${env.running.url}/api/v1/reports/${path}`, { headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    const auth = authCalls(env.running.url);
    for (const [who, email] of [['owner', 'owner@reports.test'], ['admin', 'admin@reports.test'], ['desk', 'desk@reports.test'], ['doctor', 'doctor@reports.test']]) {
      const login = await auth.login(email!, PASSWORD);
      expect(login.status).toBe(200);
      tokens[who!] = login.body.accessToken;
    }
  }, 60_000);

  it('funnel: stages, drop-off, per channel and language, outcomes, median time to book, chat vs staff bookings', async () => {
    const { status, body } = await get(`funnel?${RANGE}`);
    expect(status).toBe(200);
    expect(body.timezone).toBe('America/New_York');
    // F1…F6 (F7 started 23:59 local the day before). F1 booked twice: one booked session, 2 bookings.
    expect(body.totals).toEqual({
      started: 6, intentUnderstood: 4, slotsShown: 3, slotHeld: 3, detailsGiven: 2, booked: 2, conversion: 0.3333, bookings: 3,
      medianMinutesToBook: 13, chatBookings: 4, staffBookings: 2,
    });
    expect(body.tables.stages).toEqual([
      { stage: 'started', sessions: 6, shareOfStarted: 1, dropOff: 2, dropOffShare: 0.3333 },
      { stage: 'intent_understood', sessions: 4, shareOfStarted: 0.6667, dropOff: 1, dropOffShare: 0.25 },
      { stage: 'slots_shown', sessions: 3, shareOfStarted: 0.5, dropOff: 0, dropOffShare: 0 },
      { stage: 'slot_held', sessions: 3, shareOfStarted: 0.5, dropOff: 1, dropOffShare: 0.3333 },
      { stage: 'details_given', sessions: 2, shareOfStarted: 0.3333, dropOff: 0, dropOffShare: 0 },
      { stage: 'booked', sessions: 2, shareOfStarted: 0.3333, dropOff: 0, dropOffShare: 0 },
    ]);
    expect(body.tables.byChannelLanguage).toEqual([
      { channel: 'sms', language: 'en', started: 3, intentUnderstood: 2, slotsShown: 1, slotHeld: 1, detailsGiven: 1, booked: 1, conversion: 0.3333, bookings: 1, medianMinutesToBook: 20 },
      { channel: 'whatsapp', language: 'en', started: 2, intentUnderstood: 1, slotsShown: 1, slotHeld: 1, detailsGiven: 1, booked: 1, conversion: 0.5, bookings: 2, medianMinutesToBook: 6 },
      { channel: 'whatsapp', language: 'es', started: 1, intentUnderstood: 1, slotsShown: 1, slotHeld: 1, detailsGiven: 0, booked: 0, conversion: 0, bookings: 0, medianMinutesToBook: null },
    ]);
    // F3 started Thu 04:30 UTC = Wed 23:30 local: it belongs to Wednesday the 11th.
    expect(body.tables.series.map((r: any) => [r.period, r.started, r.booked])).toEqual([
      ['2026-11-10', 1, 1], ['2026-11-11', 2, 0], ['2026-11-12', 1, 1], ['2026-11-13', 2, 0],
    ]);
    expect(body.tables.outcomes).toEqual([
      { outcome: 'booked', lastStage: 'booked', sessions: 2 },
      { outcome: 'ended_early', lastStage: 'intent_understood', sessions: 1 },
      { outcome: 'ended_early', lastStage: 'slot_held', sessions: 1 },
      { outcome: 'handed_off', lastStage: 'started', sessions: 1 },
      { outcome: 'opted_out', lastStage: 'started', sessions: 1 },
    ]);
  });

  it('no-shows: rate overall and by provider, service, channel, lead time, reminder response, weekday × hour', async () => {
    const { body } = await get(`no-shows?${RANGE}`);
    // A1 A2 A3 A4 A6 A10; A3's no-show was reversed (attended), A5 was moved (only A6 counts).
    expect(body.totals).toEqual({ appointments: 6, noShows: 2, noShowRate: 0.3333 });
    expect(body.tables.byProvider).toEqual([
      { providerId: ids.p1.id, provider: 'Dr. One', appointments: 5, noShows: 2, noShowRate: 0.4 },
      { providerId: ids.p2.id, provider: 'Dr. Two', appointments: 1, noShows: 0, noShowRate: 0 },
    ]);
    expect(body.tables.byService).toEqual([
      { serviceId: ids.s1.id, service: 'Short visit', appointments: 4, noShows: 2, noShowRate: 0.5 },
      { serviceId: ids.s2.id, service: 'Long visit', appointments: 2, noShows: 0, noShowRate: 0 },
    ]);
    expect(body.tables.byChannel).toEqual([
      { channel: 'sms', appointments: 2, noShows: 2, noShowRate: 1 },
      { channel: 'whatsapp', appointments: 2, noShows: 0, noShowRate: 0 },
      { channel: 'console', appointments: 1, noShows: 0, noShowRate: 0 },
      { channel: 'walk_in', appointments: 1, noShows: 0, noShowRate: 0 },
    ]);
    expect(body.tables.byLeadTime).toEqual([
      { leadTime: 'under_24h', appointments: 2, noShows: 1, noShowRate: 0.5 },
      { leadTime: '1_to_7_days', appointments: 3, noShows: 1, noShowRate: 0.3333 },
      { leadTime: 'over_7_days', appointments: 1, noShows: 0, noShowRate: 0 },
    ]);
    // A6's reminder was skipped (never sent): "no reminder", not "no answer".
    expect(body.tables.byReminderResponse).toEqual([
      { reminderResponse: 'confirmed', appointments: 2, noShows: 0, noShowRate: 0 },
      { reminderResponse: 'no_answer', appointments: 2, noShows: 1, noShowRate: 0.5 },
      { reminderResponse: 'no_reminder', appointments: 2, noShows: 1, noShowRate: 0.5 },
    ]);
    expect(body.tables.heatmap.map((r: any) => [r.weekday, r.hour, r.appointments, r.noShows])).toEqual([
      [1, 10, 1, 0], [1, 11, 1, 1], [2, 23, 1, 0], [3, 9, 1, 0], [5, 9, 1, 0], [5, 10, 1, 1],
    ]);
    expect(body.tables.series.map((r: any) => [r.period, r.appointments, r.noShows])).toEqual([
      ['2026-11-09', 2, 1], ['2026-11-10', 1, 0], ['2026-11-11', 1, 0], ['2026-11-13', 2, 1],
    ]);
  });

  it('utilization: booked minutes over the rule-based available minutes, per provider, location and day', async () => {
    const { body } = await get(`utilization?${RANGE}`);
    // P1: 5 × 8 h − 2 h block = 2280 min, booked 30+30+60+30+30; P2: Mon + Wed 4 h = 480, booked 60.
    expect(body.totals).toEqual({ bookedMinutes: 240, availableMinutes: 2760, utilization: 0.087, appointments: 6 });
    expect(body.tables.byProvider).toEqual([
      { providerId: ids.p2.id, provider: 'Dr. Two', appointments: 1, bookedMinutes: 60, availableMinutes: 480, utilization: 0.125 },
      { providerId: ids.p1.id, provider: 'Dr. One', appointments: 5, bookedMinutes: 180, availableMinutes: 2280, utilization: 0.0789 },
    ]);
    expect(body.tables.byLocation).toEqual([
      { locationId: ids.l2.id, location: 'Northside', appointments: 1, bookedMinutes: 60, availableMinutes: 480, utilization: 0.125 },
      { locationId: ids.l1.id, location: 'Downtown', appointments: 5, bookedMinutes: 180, availableMinutes: 2280, utilization: 0.0789 },
    ]);
    expect(body.tables.series.map((r: any) => [r.period, r.bookedMinutes, r.availableMinutes, r.utilization])).toEqual([
      ['2026-11-09', 60, 720, 0.0833], ['2026-11-10', 60, 480, 0.125], ['2026-11-11', 60, 600, 0.1], ['2026-11-12', 0, 480, 0], ['2026-11-13', 60, 480, 0.125],
    ]);
    const week = await get(`utilization?${RANGE}&groupBy=week`);
    expect(week.body.tables.series.map((r: any) => [r.period, r.bookedMinutes, r.availableMinutes])).toEqual([['2026-11-09', 240, 2760]]);
  });

  it('cancellations: count, late share, reasons, who, rebooked share; reschedules', async () => {
    const { body } = await get(`cancellations?${RANGE}`);
    // A7 (late, by the patient, rebooked with A8) and A9 (staff); A13 was cancelled 00:30 on the 14th.
    expect(body.totals).toEqual({ cancellations: 2, late: 1, lateShare: 0.5, rebooked: 1, rebookedShare: 0.5, reschedules: 1 });
    expect(body.tables.byReason).toEqual([
      { reason: 'Clinic rescheduled provider', cancellations: 1, late: 0, lateShare: 0, rebooked: 0, rebookedShare: 0 },
      { reason: 'Work conflict', cancellations: 1, late: 1, lateShare: 1, rebooked: 1, rebookedShare: 1 },
    ]);
    expect(body.tables.byActor.map((r: any) => [r.cancelledBy, r.cancellations])).toEqual([['patient', 1], ['staff', 1]]);
    expect(body.tables.reschedulesByActor).toEqual([{ movedBy: 'patient', reschedules: 1 }]);
    // A7 was cancelled Thu 04:30 UTC = Wed 23:30 local.
    expect(body.tables.series).toEqual([
      { period: '2026-11-10', cancellations: 1, late: 0, reschedules: 1 },
      { period: '2026-11-11', cancellations: 1, late: 1, reschedules: 0 },
    ]);
  });

  it('waitlist: entries, offers, fill rate and median time to fill', async () => {
    const { body } = await get(`waitlist?${RANGE}`);
    expect(body.totals).toEqual({ entries: 2, offers: 3, accepted: 1, slotsOffered: 2, slotsFilled: 1, fillRate: 0.5, medianMinutesToFill: 70 });
    expect(body.tables.entriesByStatus).toEqual([{ status: 'booked', entries: 1 }, { status: 'waiting', entries: 1 }]);
    expect(body.tables.entriesBySource).toEqual([{ source: 'chat', entries: 1 }, { source: 'staff', entries: 1 }]);
    expect(body.tables.offersByOutcome).toEqual([{ outcome: 'accepted', offers: 1 }, { outcome: 'declined', offers: 1 }, { outcome: 'expired', offers: 1 }]);
  });

  it('messaging: sent/delivered/read/failed per channel and opt-outs', async () => {
    const { body } = await get(`messaging?${RANGE}`);
    expect(body.tables.byChannel).toEqual([
      { channel: 'whatsapp', inbound: 3, outbound: 6, sent: 4, delivered: 3, read: 2, failed: 1, pending: 1, deliveryRate: 0.6, failureRate: 0.2, optOuts: 0 },
      { channel: 'sms', inbound: 2, outbound: 3, sent: 2, delivered: 1, read: 0, failed: 1, pending: 0, deliveryRate: 0.3333, failureRate: 0.3333, optOuts: 1 },
    ]);
    expect(body.totals).toEqual({ inbound: 5, outbound: 9, sent: 6, delivered: 4, read: 2, failed: 2, pending: 1, deliveryRate: 0.5, failureRate: 0.25, optOuts: 1 });
  });

  it('bookings: source mix and time to confirmation (a reschedule is not a new booking)', async () => {
    const { body } = await get(`bookings?${RANGE}`);
    // A5 A7 A8 A9 A10 A11 (A11 at 23:30 local on Friday; A12 at 23:30 local the Sunday before).
    expect(body.totals).toEqual({ bookings: 6, confirmed: 2, confirmedShare: 0.3333, medianHoursToConfirm: 4, p90HoursToConfirm: 5.6, chatBookings: 4, staffBookings: 2 });
    expect(body.tables.bySource.map((r: any) => [r.source, r.bookings, r.share])).toEqual([
      ['whatsapp', 2, 0.3333], ['sms', 2, 0.3333], ['console', 1, 0.1667], ['walk_in', 1, 0.1667], ['api', 0, 0],
    ]);
    expect(body.tables.series.map((r: any) => [r.period, r.bookings])).toEqual([['2026-11-09', 3], ['2026-11-13', 3]]);
  });

  it('filters by provider, service and channel', async () => {
    expect((await get(`no-shows?${RANGE}&providerId=${ids.p2.id}`)).body.totals).toEqual({ appointments: 1, noShows: 0, noShowRate: 0 });
    expect((await get(`no-shows?${RANGE}&serviceId=${ids.s1.id}&channel=sms`)).body.totals).toEqual({ appointments: 2, noShows: 2, noShowRate: 1 });
    expect((await get(`funnel?${RANGE}&channel=whatsapp`)).body.totals).toMatchObject({ started: 3, booked: 1, chatBookings: 2, staffBookings: 0 });
    expect((await get(`utilization?${RANGE}&serviceId=${ids.s2.id}`)).body.totals).toMatchObject({ bookedMinutes: 120 });
  });

  it('exports every table as CSV (?format=csv or Accept: text/csv)', async () => {
    const csv = await get(`no-shows?${RANGE}&format=csv&table=byLeadTime`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="no-shows-byLeadTime-2026-11-09-2026-11-13.csv"');
    expect(csv.text).toBe('leadTime,appointments,noShows,noShowRate\r\nunder_24h,2,1,0.5\r\n1_to_7_days,3,1,0.3333\r\nover_7_days,1,0,0\r\n');
    const accepted = await get(`cancellations?${RANGE}&table=byReason`, 'owner', { accept: 'text/csv' });
    expect(accepted.text.split('\r\n')[2]).toBe('Work conflict,1,1,1,1,1');
    const json = await get(`funnel?${RANGE}`);
    for (const table of Object.keys(json.body.tables)) expect((await get(`funnel?${RANGE}&format=csv&table=${table}`)).status).toBe(200);
    expect((await get(`funnel?${RANGE}&format=csv&table=nope`)).status).toBe(400);
  });

  it('answers bad input with 400', async () => {
    expect((await get('no-shows?from=2026-11-13&to=2026-11-09')).body.code).toBe('VALIDATION_FAILED');
    expect((await get('no-shows?from=2025-01-01&to=2026-11-09')).status).toBe(400);
    expect((await get('no-shows?from=nope&to=2026-11-09')).status).toBe(400);
    expect((await get(`no-shows?${RANGE}&groupBy=year`)).status).toBe(400);
    expect((await get(`no-shows?${RANGE}&providerId=not-a-uuid`)).status).toBe(400);
  });

  it('follows reminder status changes made anywhere (a database trigger keeps the appointment\'s flag)', async () => {
    const a2 = await env.prisma.appointment.findFirstOrThrow({ where: { clinicId: ids.clinicId, startsAt: new Date('2026-11-09T16:00:00Z') } });
    const a6 = await env.prisma.appointment.findFirstOrThrow({ where: { clinicId: ids.clinicId, startsAt: new Date('2026-11-13T15:00:00Z') } });
    const reminder = async () => (await get(`no-shows?${RANGE}`)).body.tables.byReminderResponse.map((r: any) => [r.reminderResponse, r.appointments, r.noShows]);
    // A2's sent reminder turns out to have failed: A2 (a no-show) had no reminder after all.
    await env.prisma.notification.updateMany({ where: { appointmentId: a2.id }, data: { status: 'failed' } });
    expect(await reminder()).toEqual([['confirmed', 2, 0], ['no_answer', 1, 0], ['no_reminder', 3, 2]]);
    // A6's skipped reminder is sent after all.
    await env.prisma.notification.updateMany({ where: { appointmentId: a6.id }, data: { status: 'sent' } });
    expect(await reminder()).toEqual([['confirmed', 2, 0], ['no_answer', 2, 1], ['no_reminder', 2, 1]]);
    expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: a2.id } })).reminderSentAt).toBeNull();
    expect((await env.prisma.appointment.findUniqueOrThrow({ where: { id: a6.id } })).reminderSentAt).not.toBeNull();
  });

  it('rolls up closed days hourly on the reports queue (a job the worker runs)', async () => {
    const queue = env.running.app.get<Queue>(getQueueToken(QUEUES.reports));
    const schedulers = async () => (await queue.getJobSchedulers()).map((s) => [s.key, s.pattern]);
    for (let i = 0; i < 50 && (await schedulers()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await schedulers()).toEqual([[ROLL_UP_REPORTS_JOB, '17 * * * *']]);
    const job = await queue.add(ROLL_UP_REPORTS_JOB, {});
    for (let i = 0; i < 100 && !(await job.isCompleted()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await job.getState()).toBe('completed');
  });

  describe('who may read reports', () => {
    it('refuses without a token (401) and refuses providers (403)', async () => {
      expect((await get(`funnel?${RANGE}`, null)).status).toBe(401);
      const provider = await get(`no-shows?${RANGE}`, 'doctor');
      expect(provider.status).toBe(403);
      expect(provider.body.code).toBe('FORBIDDEN');
    });

    it('lets owners and admins see the whole clinic', async () => {
      expect((await get(`no-shows?${RANGE}`, 'admin')).body.totals.appointments).toBe(6);
      expect((await get(`no-shows?${RANGE}&locationId=${ids.l2.id}`, 'owner')).body.totals.appointments).toBe(1);
    });

    it('limits a receptionist to their own locations', async () => {
      const own = await get(`no-shows?${RANGE}`, 'desk');
      expect(own.status).toBe(200);
      expect(own.body.filters.locationIds).toEqual([ids.l1.id]);
      expect(own.body.totals).toEqual({ appointments: 5, noShows: 2, noShowRate: 0.4 });
      expect((await get(`utilization?${RANGE}`, 'desk')).body.totals).toEqual({ bookedMinutes: 180, availableMinutes: 2280, utilization: 0.0789, appointments: 5 });
      expect((await get(`funnel?${RANGE}`, 'desk')).body.totals).toMatchObject({ started: 2, booked: 1 });
      const other = await get(`no-shows?${RANGE}&locationId=${ids.l2.id}`, 'desk');
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('FORBIDDEN');
      // Messages carry no location: the clinic-wide messaging report is not theirs.
      expect((await get(`messaging?${RANGE}`, 'desk')).status).toBe(403);
    });
  });
});
