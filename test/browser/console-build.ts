import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** The browser test runs the built console, served by the app itself at /admin, as in production. */
export function assertConsoleBuilt(): void {
  if (!existsSync(join(root, 'admin/dist/index.html'))) {
    throw new Error('The console is not built (admin/dist): run the tests with `npm test` (it builds it), or `npm run build:admin`.');
  }
}

export const SCREENSHOTS = join(root, 'docs/screenshots');
