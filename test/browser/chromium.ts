import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (npm test installs it when missing; playwright cannot download browsers here). */
export const CHROMIUM = '/usr/bin/chromium';

export interface BrowserSession { context: BrowserContext; close(): Promise<void> }

/**
 * A headless Chromium with a fresh profile, talking to 127.0.0.1 only: no sync, no component
 * updates, no background traffic. Fails loudly (never skips) when Chromium is missing.
 */
export async function launchChromium(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run the tests with \`npm test\`, which installs it (apt-get install -y chromium).`);
  const profile = mkdtempSync(join(tmpdir(), 'console-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'Europe/Madrid',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
