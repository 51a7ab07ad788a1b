// Environment for the developer scripts (dev, test, migrate, seed): the real environment wins, then
// .env, then the demo defaults in .env.example. The app itself never reads these files; it validates
// whatever environment it is given (src/config).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

export function parseDotenv(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2];
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    out[m[1]] = value;
  }
  return out;
}

function read(file) {
  const path = join(root, file);
  return existsSync(path) ? parseDotenv(readFileSync(path, 'utf8')) : {};
}

/** Twilio's and Meta's API addresses for tests and benchmarks: a closed port on this machine, so nothing leaves it. */
export const NO_PROVIDER_APIS = { TWILIO_API_BASE_URL: 'http://127.0.0.1:9', META_GRAPH_BASE_URL: 'http://127.0.0.1:9' };

export function devEnv(overrides = {}) {
  const fromFiles = { ...read('.env.example'), ...read('.env') };
  const env = { ...fromFiles, ...process.env, ...overrides };
  return env;
}
