import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { DEFAULT_DEMO_PASSWORD } from '../../prisma/seed/demo-clinic.js';
import { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';
import { demoIds } from '../support/demo-ids.js';
import { prismaFor } from '../support/fixtures.js';
import { startApp, type RunningApp } from '../support/http-app.js';
import { type BrowserSession, launchChromium } from './chromium.js';
import { copyConsoleBuild, SCREENSHOTS } from './console-build.js';

/**
 * The staff console end to end: the built console served by the app at /admin, in Debian's Chromium,
 * against a fresh copy of the demo clinic. The Downtown receptionist signs in with the keyboard,
 * finds a patient by phone, force-books outside the rules with a reason, sees the booking on the
 * calendar, is refused a Northside patient; the override is in the appointment's history (the
 * receptionist's view of the audit log) and in the clinic's audit log (read as the owner). Screenshots for the README
 * are taken on the way.
 */
// Generous: the machine is shared, and a step waits for real API answers and a 5 s poll.
const STEP_TIMEOUT = 30_000;
const ZONE = 'America/New_York';
const REASON = 'Urgent: post-op check requested by Dr. Patel';

interface DemoPatient { id: string; name: string; phone: string }

describe('staff console in a browser', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let running: RunningApp;
  let browser: BrowserSession;
  let page: Page;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let downtownPatient: DemoPatient;
  let northsidePatient: DemoPatient;
  const pageErrors: string[] = [];
  // Saturday of next week: Dr. Patel never works Saturdays, so booking her then overrides the hours.
  const saturday = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1, days: 5 });

  let build: ReturnType<typeof copyConsoleBuild>;

  beforeAll(async () => {
    build = copyConsoleBuild();
    db = await createTestDatabase('demo');
    prisma = prismaFor(db.url);
    ids = await demoIds(prisma);
    const config = testConfig(db.url);
    const cipher = new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey);
    const onlyAt = async (here: string, notThere: string): Promise<DemoPatient> => {
      const p = await prisma.patient.findFirstOrThrow({
        where: { appointments: { some: { locationId: here }, none: { locationId: notThere } }, waitlistEntries: { none: {} }, nameEnc: { not: null } },
        orderBy: { createdAt: 'asc' },
      });
      return { id: p.id, name: cipher.decrypt(p.nameEnc!), phone: cipher.decrypt(p.phoneEnc) };
    };
    downtownPatient = await onlyAt(ids.downtown, ids.northside);
    northsidePatient = await onlyAt(ids.northside, ids.downtown);
    running = await startApp(config, { consoleDir: build.dir });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Only the app under test: anything else the page tries to reach is blocked.
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  }, 120_000);

  afterEach(async () => {
    // A failing step leaves a picture of the page behind (not committed: node_modules/.cache).
    await page?.screenshot({ path: join(SCREENSHOTS, '..', '..', 'node_modules', '.cache', 'browser-test-last.png') }).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('signs in with the keyboard and opens on the Downtown calendar with the seeded history', async () => {
    await page.goto(`${running.url}/admin/`);
    await page.getByLabel('Email').fill('frontdesk@riverside.test');
    await page.getByLabel('Password').fill('not the password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();

    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expectSelected(page, 'Location', 'Downtown');
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    // This week at Downtown has the seeded appointments (the grid shows them in the clinic's zone).
    await page.locator('[data-appointment]').first().waitFor();
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('finds a patient by phone and force-books outside the hours with a reason; the calendar shows it', async () => {
    await page.getByRole('button', { name: 'By provider' }).click();
    await choose(page, 'Provider', 'Dr. Maya Patel');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: new RegExp(saturday.plus({ days: 1 }).setLocale('en').toFormat('d LLL yyyy')) }).waitFor();

    await page.locator(`[data-column="${saturday.toISODate()}"] [data-time="10:00"]`).click();
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await dialog.getByLabel('Find patient by phone or name').fill(downtownPatient.phone);
    await page.getByRole('option', { name: new RegExp(escape(downtownPatient.name)) }).click();
    await choose(dialog, 'Service', /Follow-up visit/);
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();

    // The API refuses (outside the hours); the dialog names the rule and asks why.
    await dialog.getByRole('alert').filter({ hasText: 'outside the provider’s working hours' }).waitFor();
    await dialog.getByLabel('Reason for the override').fill(REASON);
    await dialog.getByRole('button', { name: 'Book anyway' }).click();
    await dialog.waitFor({ state: 'detached' });

    const block = page.locator(`[data-column="${saturday.toISODate()}"] [data-appointment]`).filter({ hasText: downtownPatient.name });
    await block.waitFor();
    // 10:00 in the clinic's zone, although this browser runs in Europe/Madrid.
    expect(await block.getAttribute('aria-label')).toMatch(/^10:00\sAM, /);
    const booked = await prisma.appointment.findFirstOrThrow({ where: { patientId: downtownPatient.id, startsAt: saturday.set({ hour: 10 }).toJSDate() } });
    expect({ status: booked.status, source: booked.source, locationId: booked.locationId }).toEqual({ status: 'confirmed', source: 'console', locationId: ids.downtown });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('is refused a Northside patient, with a clear message', async () => {
    await page.locator(`[data-column="${saturday.toISODate()}"] [data-time="12:00"]`).click();
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    // Out of scope: the search does not even list them.
    await dialog.getByLabel('Find patient by phone or name').fill(northsidePatient.phone);
    await page.getByText('No patient found.').waitFor();
    // Typed in as a "new" patient, the API answers 403 and the console says why.
    await dialog.getByLabel('New patient').check();
    await dialog.getByLabel('Phone (E.164, e.g. +12125550123)').fill(northsidePatient.phone);
    await choose(dialog, 'Service', /Follow-up visit/);
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'You are not allowed to do this' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('another location');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await prisma.appointment.count({ where: { patientId: northsidePatient.id, startsAt: saturday.set({ hour: 12 }).toJSDate() } })).toBe(0);
  }, 90_000);

  it('shows the calendar and the inbox (screenshots for the README)', async () => {
    await page.getByRole('menuitem', { name: 'Calendar' }).click();
    await page.getByRole('button', { name: 'By location' }).click();
    await choose(page, 'Location', 'Downtown');
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByRole('button', { name: 'Today' }).click();
    await stepToDay(page, calendarPictureDay());
    await page.locator('[data-appointment]').first().waitFor();
    await page.mouse.move(5, 880);
    await page.screenshot({ path: join(SCREENSHOTS, 'calendar.png') });

    await page.getByRole('menuitem', { name: 'Inbox' }).click();
    await page.locator('[data-conversation]').first().click();
    await page.getByRole('log').locator('[data-direction]').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox.png') });
  }, 90_000);

  it('switches the whole interface to Spanish and back', async () => {
    await page.getByRole('button', { name: /English/i }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    await page.getByRole('menuitem', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: 'Semana', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Por sede' }).waitFor();
    await page.getByRole('button', { name: /Español/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Calendar' }).waitFor();
  }, 90_000);

  it('chats with the bot on "Try the bot"', async () => {
    await page.getByRole('menuitem', { name: 'Try the bot' }).click();
    const box = page.getByLabel('Message');
    await box.fill('Hi, I would like to book a follow-up');
    await box.press('Enter');
    const log = page.getByRole('log');
    await log.getByText('Hi, I would like to book a follow-up').waitFor();
    await log.locator('[data-from="bot"]').first().waitFor();
    // Tap the bot's last offered choice (a provider), as a patient would, and get the next answer.
    const replies = await log.locator('[data-from="bot"]').count();
    await log.getByRole('button').last().click();
    await log.locator('[data-from="bot"]').nth(replies).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'try-the-bot.png') });
  }, 90_000);

  it('shows the force-booking with its reason in the appointment’s history (receptionist) and in the audit log (owner), and the reports', async () => {
    const booked = await prisma.appointment.findFirstOrThrow({ where: { patientId: downtownPatient.id, startsAt: saturday.set({ hour: 10 }).toJSDate() } });
    await page.goto(`${running.url}/admin/#/appointments/${booked.id}/show`);
    await page.locator('[data-audit-action="appointment.force_booked"]').filter({ hasText: REASON }).waitFor();

    await page.getByRole('button', { name: /Profile|Jordan Blake/ }).first().click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByLabel('Email').fill('owner@riverside.test');
    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByLabel('Action').fill('appointment.force_booked');
    const row = page.getByRole('row').filter({ hasText: 'appointment.force_booked' }).filter({ hasText: REASON });
    await row.waitFor();

    await page.getByRole('menuitem', { name: 'Reports' }).click();
    await page.waitForLoadState('networkidle');
    await page.locator('[role="progressbar"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    // Past the filters, to the figures and charts.
    await page.mouse.move(700, 600);
    await page.mouse.wheel(0, 470);
    await page.waitForTimeout(800);
    await page.mouse.move(5, 880);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports.png') });
    expect(pageErrors).toEqual([]);
  }, 90_000);
});

async function expectSelected(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).filter({ hasText: value }).waitFor();
}

/**
 * Picks an option of a select. The calendar re-renders on its 5 s poll, which can replace an open
 * menu under the pointer on a busy machine: then the menu is closed and opened again.
 */
async function choose(scope: Page | ReturnType<Page['getByRole']>, label: string, option: string | RegExp): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  for (let attempt = 1; ; attempt++) {
    await scope.getByRole('combobox', { name: label }).click();
    try {
      await page.getByRole('option', { name: option }).click({ timeout: 8_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Today when the clinic is open (a mix of completed, checked-in and upcoming visits), else next Monday. */
function calendarPictureDay(): DateTime {
  const today = DateTime.now().setZone(ZONE).startOf('day');
  return today.weekday <= 5 ? today : today.startOf('week').plus({ weeks: 1 });
}

async function stepToDay(page: Page, day: DateTime): Promise<void> {
  const today = DateTime.now().setZone(ZONE).startOf('day');
  const diff = Math.round(day.diff(today, 'days').days);
  for (let i = 0; i < Math.abs(diff); i++) await page.getByRole('button', { name: diff > 0 ? 'Next' : 'Previous' }).click();
  await page.getByRole('heading', { name: new RegExp(day.setLocale('en').toFormat('LLLL d, yyyy')) }).waitFor();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
