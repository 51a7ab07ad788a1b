import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_DEMO_PASSWORD } from '../../../prisma/seed/demo-clinic.js';
import { type BrowserSession, launchChromium } from '../../browser/chromium.js';
import { assertConsoleBuilt, SCREENSHOTS } from '../../browser/console-build.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../../support/databases.js';
import { startApp, type RunningApp } from '../../support/http-app.js';

/**
 * The reports dashboard in Debian's Chromium, over the seeded demo clinic: the owner lands on it,
 * sees figures in the tiles, the charts and the heat map, downloads a table as CSV, and the print
 * layout hides the controls. Leaves docs/screenshots/reports-dashboard.png for the README.
 */
describe('reports dashboard in a browser', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let browser: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    assertConsoleBuilt();
    db = await createTestDatabase('demo');
    running = await startApp(testConfig(db.url));
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await db?.drop();
  }, 30_000);

  it('shows the owner KPI tiles, the funnel, trends, heat map and utilization from the seeded history', async () => {
    await page.goto(`${running.url}/admin/#/reports`);
    await page.getByLabel('Email').fill('owner@riverside.test');
    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Chat funnel' }).first().waitFor();
    // Figures arrive: the conversion tile shows a percentage, not the dash of a missing report.
    const conversion = page.locator('.reports-tile').filter({ hasText: 'Chat → booking' });
    await conversion.getByText(/\d+\.\d %/).waitFor();
    await page.locator('.reports-section').filter({ hasText: 'Chat funnel' }).locator('svg .recharts-bar-rectangle').first().waitFor();
    await page.locator('.reports-section').filter({ hasText: 'Utilization per provider' }).locator('svg .recharts-bar-rectangle').first().waitFor();
    await page.getByRole('table').first().waitFor();
    await page.getByRole('heading', { name: 'No-shows by weekday and hour' }).waitFor();
    await page.waitForLoadState('networkidle');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-dashboard.png'), fullPage: false });
    // The whole page, for looking at (not committed).
    await page.screenshot({ path: join(SCREENSHOTS, '..', '..', 'node_modules', '.cache', 'reports-dashboard-full.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('downloads a table as CSV', async () => {
    const section = page.locator('.reports-section').filter({ has: page.getByRole('heading', { name: 'No-shows', exact: true }) });
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'CSV' }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/^no-shows-series-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(text.split('\r\n')[0]).toBe('period,appointments,noShows,noShowRate');
  }, 30_000);

  it('prints the report without menus or buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Chat funnel' }).first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  }, 30_000);
});
