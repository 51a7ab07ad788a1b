import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** The browser test runs the built console, served by the app itself at /admin, as in production. */
export function assertConsoleBuilt(): void {
  if (!existsSync(join(root, 'admin/dist/index.html'))) {
    throw new Error('The console is not built (admin/dist): run the tests with `npm test` (it builds it), or `npm run build:admin`.');
  }
}

export const SCREENSHOTS = join(root, 'docs/screenshots');

/**
 * A private copy of the build for this run: another process rebuilding admin/dist meanwhile (a
 * colleague's `npm test`, `npm run build`) would otherwise delete the chunks this page still loads.
 */
export function copyConsoleBuild(): { dir: string; remove(): void } {
  assertConsoleBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'console-build-'));
  cpSync(join(root, 'admin/dist'), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
