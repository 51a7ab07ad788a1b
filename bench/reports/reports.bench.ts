// Reports at volume (npm run bench:reports): a year of a 50-provider clinic generated in Postgres
// (generate.sql: ≈ 500,000 appointments, ≈ 1,000,000 reminders, 1,000,000 messages, 300,000 chat
// sessions), then every report over a year, a month and a year at one location, timed in-process
// through the same ReportsService the HTTP route uses (HTTP and sign-in add ~1–3 ms on top).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import type { StaffPrincipal } from '../../src/auth/index.js';
import { Clock } from '../../src/common/clock.js';
import { applyMigrations } from '../../src/database/migrator.js';
import type { PrismaService } from '../../src/database/prisma.service.js';
import { createPgAdapter } from '../../src/database/prisma.service.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { BookingReportRepository } from '../../src/reports/bookings/booking-report.repository.js';
import { BookingReport } from '../../src/reports/bookings/booking.report.js';
import { CancellationReportRepository } from '../../src/reports/cancellations/cancellation-report.repository.js';
import { CancellationReport } from '../../src/reports/cancellations/cancellation.report.js';
import type { ReportQueryDto } from '../../src/reports/dto/report-query.dto.js';
import { FunnelReportRepository } from '../../src/reports/funnel/funnel-report.repository.js';
import { FunnelReport } from '../../src/reports/funnel/funnel.report.js';
import { MessagingReportRepository } from '../../src/reports/messaging/messaging-report.repository.js';
import { MessagingReport } from '../../src/reports/messaging/messaging.report.js';
import { NoShowReportRepository } from '../../src/reports/no-shows/no-show-report.repository.js';
import { NoShowReport } from '../../src/reports/no-shows/no-show.report.js';
import { ReportCatalogRepository } from '../../src/reports/report-catalog.repository.js';
import { REPORT_NAMES } from '../../src/reports/report-result.js';
import { ReportsService } from '../../src/reports/reports.service.js';
import { UtilizationReportRepository } from '../../src/reports/utilization/utilization-report.repository.js';
import { UtilizationReport } from '../../src/reports/utilization/utilization.report.js';
import { WaitlistReportRepository } from '../../src/reports/waitlist/waitlist-report.repository.js';
import { WaitlistReport } from '../../src/reports/waitlist/waitlist.report.js';
import { root } from '../lib/app-process.js';
import { recordResults, summarize } from '../lib/results.js';

const DATABASE = 'clinic_bench_reports';
const YEAR_START = '2025-11-03';
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const CLINIC_ID = '00000000-0000-4000-8000-00000000c11c';

async function main(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic');
  const url = new URL(base);
  url.pathname = `/${DATABASE}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await adminClient.query(`CREATE DATABASE "${DATABASE}"`);
  await adminClient.end();
  await applyMigrations(url.toString(), join(root, 'prisma/migrations'));

  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const generateStarted = performance.now();
  console.log('Generating a year of data…');
  await client.query(readFileSync(join(root, 'bench/reports/generate.sql'), 'utf8').replaceAll(":'year_start'", `'${YEAR_START}'`));
  await client.query('VACUUM ANALYZE');
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  const counts = (await client.query(`SELECT (SELECT count(*) FROM appointments)::int AS appointments, (SELECT count(*) FROM messages)::int AS messages,
    (SELECT count(*) FROM notifications)::int AS notifications, (SELECT count(*) FROM conversation_funnels)::int AS sessions,
    (SELECT count(*) FROM waitlist_offers)::int AS offers`)).rows[0];
  console.log(`Generated in ${generateSeconds.toFixed(0)} s:`, counts);
  await client.end();

  // The reports exactly as the app wires them (explicit constructors: no Nest container needed).
  const prisma = new PrismaClient({ adapter: createPgAdapter(url.toString(), 8) }) as unknown as PrismaService;
  const bookings = new BookingReport(new BookingReportRepository(prisma));
  const service = new ReportsService(
    new ReportCatalogRepository(prisma), new Clock(),
    new FunnelReport(new FunnelReportRepository(prisma), bookings), new NoShowReport(new NoShowReportRepository(prisma)),
    new UtilizationReport(new UtilizationReportRepository(prisma)), new CancellationReport(new CancellationReportRepository(prisma)),
    new WaitlistReport(new WaitlistReportRepository(prisma)), new MessagingReport(new MessagingReportRepository(prisma)), bookings,
  );
  const owner: StaffPrincipal = { id: 'bench', clinicId: CLINIC_ID, role: 'owner', locationIds: [], providerId: null, ip: null };
  const yearEnd = DateTime.fromISO(YEAR_START).plus({ days: 364 }).toISODate()!;
  const monthStart = DateTime.fromISO(yearEnd).minus({ days: 29 }).toISODate()!;
  const cases: { label: string; dto: ReportQueryDto }[] = [
    { label: 'year, by month', dto: { from: YEAR_START, to: yearEnd, groupBy: 'month' } },
    { label: '30 days, by day', dto: { from: monthStart, to: yearEnd, groupBy: 'day' } },
    { label: 'year, one location, by week', dto: { from: YEAR_START, to: yearEnd, groupBy: 'week', locationId: '00000000-0000-4000-8000-000000001001' } },
  ];

  const rows: string[] = [];
  let worst = 0;
  for (const name of REPORT_NAMES) {
    for (const c of cases) {
      if (name === 'messaging' && c.dto.locationId) continue;
      await service.run(name, owner, c.dto); // warm-up
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await service.run(name, owner, c.dto);
        times.push(performance.now() - started);
      }
      const s = summarize(times);
      worst = Math.max(worst, s.p95);
      console.log(`${name.padEnd(14)} ${c.label.padEnd(30)} p50 ${s.p50.toFixed(0)} ms  p95 ${s.p95.toFixed(0)} ms`);
      rows.push(`| ${name} | ${c.label} | ${s.p50.toFixed(0)} | ${s.p95.toFixed(0)} | ${s.max.toFixed(0)} | ${s.p95 <= 1000 ? 'met' : 'MISSED'} |`);
    }
  }
  await (prisma as unknown as PrismaClient).$disconnect();

  recordResults('reports', `## Reports (\`npm run bench:reports\`)

A year (${YEAR_START} … ${yearEnd}) of a 50-provider, 5-location clinic generated in Postgres by bench/reports/generate.sql in ${generateSeconds.toFixed(0)} s:
${counts.appointments.toLocaleString('en')} appointments, ${counts.notifications.toLocaleString('en')} reminder rows, ${counts.messages.toLocaleString('en')} messages, ${counts.sessions.toLocaleString('en')} chat sessions, ${counts.offers.toLocaleString('en')} waitlist offers.
Each report through ReportsService (the HTTP route's code path, without HTTP and sign-in), 1 warm-up + ${RUNS} timed runs, one at a time; indexes only, no rollups.

| report | range | p50 ms | p95 ms | max ms | target p95 ≤ 1000 ms |
|---|---|---:|---:|---:|---|
${rows.join('\n')}

Worst p95: ${worst.toFixed(0)} ms.`);
  const cleanup = new pg.Client({ connectionString: admin.toString() });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await cleanup.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
