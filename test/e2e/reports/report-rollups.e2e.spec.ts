import { DateTime } from 'luxon';
import type { StaffPrincipal } from '../../../src/auth/index.js';
import { Clock } from '../../../src/common/clock.js';
import type { PrismaService } from '../../../src/database/prisma.service.js';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { BookingReportRepository } from '../../../src/reports/bookings/booking-report.repository.js';
import { BookingReport } from '../../../src/reports/bookings/booking.report.js';
import { CancellationReportRepository } from '../../../src/reports/cancellations/cancellation-report.repository.js';
import { CancellationReport } from '../../../src/reports/cancellations/cancellation.report.js';
import { FunnelReportRepository } from '../../../src/reports/funnel/funnel-report.repository.js';
import { FunnelReport } from '../../../src/reports/funnel/funnel.report.js';
import { MessagingReportRepository } from '../../../src/reports/messaging/messaging-report.repository.js';
import { MessagingReport } from '../../../src/reports/messaging/messaging.report.js';
import { NoShowReport } from '../../../src/reports/no-shows/no-show.report.js';
import { ReportCatalogRepository } from '../../../src/reports/report-catalog.repository.js';
import { ReportSqlRepository } from '../../../src/reports/report-sql.repository.js';
import { ReportsService } from '../../../src/reports/reports.service.js';
import { ReportRollupRepository } from '../../../src/reports/rollups/report-rollup.repository.js';
import { ReportRollups } from '../../../src/reports/rollups/report-rollups.js';
import { UtilizationReportRepository } from '../../../src/reports/utilization/utilization-report.repository.js';
import { UtilizationReport } from '../../../src/reports/utilization/utilization.report.js';
import { WaitlistReportRepository } from '../../../src/reports/waitlist/waitlist-report.repository.js';
import { WaitlistReport } from '../../../src/reports/waitlist/waitlist.report.js';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';
import { prismaFor, testCipher } from '../../support/fixtures.js';

/**
 * Daily rollups never make a report stale: days of last week are rolled up (by the database's own
 * clock, which the dirty-marking triggers use too), then changed the way staff and providers change
 * them — a reversed no-show, a late delivery callback, a cancellation, a deleted conversation — and
 * every report answers the new figures at once, and again after the next rollup. The reports run
 * through ReportsService as the HTTP route does (the route itself is covered by reports.e2e.spec.ts).
 */
const ZONE = 'America/New_York';

describe('report rollups stay exact when past days change', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let rollups: ReportRollups;
  let reports: ReportsService;
  let owner: StaffPrincipal;
  let from: string;
  let to: string;
  let dayOne: string;
  let ids: { noShow: string; completed: string; delivered: string; conversation: string };

  const run = (name: 'no-shows' | 'utilization' | 'messaging' | 'funnel') => reports.run(name, owner, { from, to, groupBy: 'week' });
  const dayState = async (day: string) => (await prisma.$queryRaw<{ rolled: boolean; dirty: boolean }[]>`
    SELECT rolled_at IS NOT NULL AS rolled, dirty FROM report_rollup_days WHERE day = ${day}::date`)[0] ?? null;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    prisma = prismaFor(db.url);
    const sql = new ReportSqlRepository(prisma as unknown as PrismaService);
    rollups = new ReportRollups(new ReportRollupRepository(prisma as unknown as PrismaService), sql);
    reports = new ReportsService(
      new ReportCatalogRepository(prisma as unknown as PrismaService), new Clock(),
      new FunnelReport(new FunnelReportRepository(sql), rollups), new NoShowReport(rollups),
      new UtilizationReport(new UtilizationReportRepository(prisma as unknown as PrismaService), rollups),
      new CancellationReport(new CancellationReportRepository(sql)), new WaitlistReport(new WaitlistReportRepository(sql)),
      new MessagingReport(new MessagingReportRepository(sql), rollups), new BookingReport(new BookingReportRepository(sql)),
    );

    // Days relative to the database's clock: day one is six days ago, day two five days ago (both
    // closed long enough to be rolled up), and one appointment is from the last hour (never rolled).
    const [{ now }] = await prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
    const at = (daysAgo: number, hour: number) => today.minus({ days: daysAgo }).set({ hour }).toJSDate();
    dayOne = today.minus({ days: 6 }).toISODate()!;
    from = dayOne;
    to = today.toISODate()!;

    const clinic = await prisma.clinic.create({ data: { slug: 'rollups-test', name: 'Rollups Test Clinic', timezone: ZONE } });
    const clinicId = clinic.id;
    owner = { id: 'owner', clinicId, role: 'owner', locationIds: [], providerId: null, ip: null };
    const location = await prisma.location.create({ data: { clinicId, name: 'Downtown', timezone: ZONE, address: '1 Main St' } });
    const provider = await prisma.provider.create({ data: { clinicId, name: 'Dr. One', shortName: 'Dr. One', specialty: 'GP' } });
    const service = await prisma.service.create({ data: { clinicId, code: 'visit', name: 'Visit', durationMinutes: 30 } });
    const patient = await prisma.patient.create({ data: { clinicId, phoneHash: testCipher.blindIndex('+12125559001'), phoneEnc: testCipher.encrypt('+12125559001') } });
    const appointment = (startsAt: Date, status: 'completed' | 'no_show') => prisma.appointment.create({
      data: {
        clinicId, providerId: provider.id, locationId: location.id, serviceId: service.id, patientId: patient.id, startsAt,
        endsAt: new Date(+startsAt + 30 * 60_000), blockStart: startsAt, blockEnd: new Date(+startsAt + 30 * 60_000),
        status, source: 'sms', createdAt: new Date(+startsAt - 3 * 86_400_000), createdBy: 'patient', updatedBy: 'patient',
      },
    });
    // Day one: completed, no-show, completed. Day two: a no-show. The last hour: completed.
    const completed = await appointment(at(6, 9), 'completed');
    const noShow = await appointment(at(6, 10), 'no_show');
    await appointment(at(6, 11), 'completed');
    await appointment(at(5, 9), 'no_show');
    await appointment(new Date(+now - 3_600_000), 'completed');

    const conversation = await prisma.conversation.create({
      data: { clinicId, channel: 'sms', clinicAddress: '+12125550100', addressHash: testCipher.blindIndex('+12125559001'), addressEnc: testCipher.encrypt('+12125559001') },
    });
    const message = (direction: 'inbound' | 'outbound', status: string, createdAt: Date) => prisma.message.create({
      data: { clinicId, conversationId: conversation.id, direction, channel: 'sms', provider: 'simulator', bodyEnc: testCipher.encrypt('x'), status, createdAt },
    });
    await message('inbound', 'received', at(6, 12));
    const delivered = await message('outbound', 'delivered', at(6, 12));
    await message('outbound', 'delivered', at(6, 13));
    await prisma.conversationFunnel.create({
      data: { clinicId, conversationId: conversation.id, channel: 'sms', language: 'en', intent: 'book', startedAt: at(6, 12), lastActivityAt: at(6, 13), intentAt: at(6, 12), bookedAt: at(6, 13), bookings: 1 },
    });
    ids = { noShow: noShow.id, completed: completed.id, delivered: delivered.id, conversation: conversation.id };
  }, 60_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  }, 30_000);

  it('answers the same from rollups as from the raw rows, and follows changes to rolled-up days', async () => {
    const before = { noShows: await run('no-shows'), utilization: await run('utilization'), messaging: await run('messaging'), funnel: await run('funnel') };
    expect(before.noShows.totals).toEqual({ appointments: 5, noShows: 2, noShowRate: 0.4 });
    expect(before.utilization.totals).toMatchObject({ bookedMinutes: 150, appointments: 5 });
    expect(before.messaging.totals).toMatchObject({ inbound: 1, outbound: 2, sent: 2, delivered: 2, failed: 0 });
    expect(before.funnel.totals).toMatchObject({ started: 1, booked: 1 });

    // Days from six days ago up to two days ago are closed for 25 hours or more: rolled up.
    expect(await rollups.refresh()).toBeGreaterThanOrEqual(4);
    expect(await dayState(dayOne)).toEqual({ rolled: true, dirty: false });
    expect(await dayState(to)).toBeNull();
    for (const name of ['no-shows', 'utilization', 'messaging', 'funnel'] as const) {
      expect(await run(name)).toEqual(before[name === 'no-shows' ? 'noShows' : name]);
    }

    // A booking for next week does not touch the rollups (the trigger's WHEN skips it).
    const days = await prisma.reportRollupDay.count();
    const future = await prisma.appointment.findUniqueOrThrow({ where: { id: ids.completed } });
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    await prisma.appointment.create({
      data: { ...future, id: undefined, startsAt: nextWeek, endsAt: new Date(+nextWeek + 1_800_000), blockStart: nextWeek, blockEnd: new Date(+nextWeek + 1_800_000), status: 'confirmed', createdAt: new Date() },
    });
    expect(await prisma.reportRollupDay.count()).toBe(days);
    expect(await dayState(dayOne)).toEqual({ rolled: true, dirty: false });

    // Staff reverse day one's no-show: the day is dirty and read from the raw rows at once.
    await prisma.appointment.update({ where: { id: ids.noShow }, data: { status: 'completed' } });
    expect(await dayState(dayOne)).toEqual({ rolled: true, dirty: true });
    expect((await run('no-shows')).totals).toEqual({ appointments: 5, noShows: 1, noShowRate: 0.2 });
    // A cancellation of a day-one appointment: its booked time and its outcome leave the reports.
    await prisma.appointment.update({ where: { id: ids.completed }, data: { status: 'cancelled', cancelledAt: new Date() } });
    expect((await run('no-shows')).totals).toEqual({ appointments: 4, noShows: 1, noShowRate: 0.25 });
    expect((await run('utilization')).totals).toMatchObject({ bookedMinutes: 120, appointments: 4 });
    // A late delivery callback: a day-one message failed after all.
    await prisma.message.update({ where: { id: ids.delivered }, data: { status: 'failed' } });
    expect((await run('messaging')).totals).toMatchObject({ outbound: 2, sent: 1, delivered: 1, failed: 1, deliveryRate: 0.5 });

    // The next rollup stores the new figures; the answers stay the same.
    const after = { noShows: await run('no-shows'), utilization: await run('utilization'), messaging: await run('messaging'), funnel: await run('funnel') };
    expect(await rollups.refresh()).toBeGreaterThanOrEqual(1);
    expect(await dayState(dayOne)).toEqual({ rolled: true, dirty: false });
    for (const name of ['no-shows', 'utilization', 'messaging', 'funnel'] as const) {
      expect(await run(name)).toEqual(after[name === 'no-shows' ? 'noShows' : name]);
    }

    // A new time zone for the clinic shifts every local day: the stored days are dropped.
    await prisma.clinic.update({ where: { id: owner.clinicId }, data: { timezone: 'America/Chicago' } });
    expect(await prisma.reportRollupDay.count()).toBe(0);
    await prisma.clinic.update({ where: { id: owner.clinicId }, data: { timezone: ZONE } });

    // The patient's conversation is erased (its messages, then the thread with its chat sessions).
    await prisma.message.deleteMany({ where: { conversationId: ids.conversation } });
    await prisma.conversation.delete({ where: { id: ids.conversation } });
    expect((await run('messaging')).totals).toMatchObject({ inbound: 0, outbound: 0 });
    expect((await run('funnel')).totals).toMatchObject({ started: 0, booked: 0 });
  }, 60_000);
});
