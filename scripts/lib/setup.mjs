// Shared set-up steps of `npm run dev` and `npm test`: install, generate, make sure Postgres and Redis
// answer, create and migrate the database. Plain Node (no dependencies) until `npm ci` has run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { root } from './env.mjs';

export function step(message) {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(existsSync(file) ? readFileSync(file) : '');
  return hash.digest('hex');
}

/** Runs `npm ci` in `dir` when node_modules is missing or the lockfile changed since the last install. */
export function ensureInstalled(dir = root) {
  const stamp = join(dir, 'node_modules/.cache/install-stamp');
  const want = fingerprint([join(dir, 'package-lock.json'), join(dir, 'package.json')]);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  step(`Installing dependencies in ${dir === root ? 'the project' : dir.slice(root.length + 1)} (npm ci)`);
  // npm ci insists that the lockfile lists every platform's optional binaries (darwin, win32, …);
  // a registry mirror that only serves this platform's leaves them out, so fall back to npm install,
  // which installs the same locked versions.
  const ci = spawnSync('npm', ['ci'], { cwd: dir, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (ci.status !== 0) {
    if (!/in sync|Missing: /.test(ci.stderr ?? '')) process.stderr.write(ci.stderr ?? '');
    run('npm', ['install', '--no-audit'], { cwd: dir });
  }
  mkdirSync(join(dir, 'node_modules/.cache'), { recursive: true });
  writeFileSync(stamp, want);
}

/** Generates the Prisma client when it is missing or the schema changed. */
export function ensurePrismaClient() {
  const schema = join(root, 'prisma/schema.prisma');
  const stamp = join(root, 'src/generated/prisma/.schema-stamp');
  const want = fingerprint([schema, join(root, 'package-lock.json')]);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  step('Generating the Prisma client');
  // `prisma generate` does not use the schema engine, but the CLI refuses to start without one and
  // cannot download it here; pointing it at any existing file lets generate run (see ENVIRONMENT.md).
  const engines = join(root, 'node_modules/@prisma/engines');
  const hasEngine = existsSync(engines) && readdirSync(engines).some((f) => f.startsWith('schema-engine'));
  const env = { ...process.env };
  if (!hasEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/true';
  run('npx', ['prisma', 'generate'], { env });
  writeFileSync(stamp, want);
}

function portOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await portOpen(host, port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function dockerEngineRuns() {
  return has('docker') && spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 }).status === 0;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Makes sure Postgres and Redis answer: start local ones, else docker compose, else explain. */
export async function ensureServices(env) {
  const pg = new URL(env.DATABASE_URL);
  const redis = new URL(env.REDIS_URL);
  const services = [
    {
      name: 'PostgreSQL', host: pg.hostname, port: Number(pg.port || 5432), compose: 'postgres',
      start: () => {
        if (!has('pg_ctlcluster')) return false;
        for (const version of readdirSync('/etc/postgresql')) {
          spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
        }
        return true;
      },
      install: 'PostgreSQL 15+ with contrib (Debian: apt-get install -y postgresql), or Docker for `docker compose up -d postgres`',
    },
    {
      name: 'Redis', host: redis.hostname, port: Number(redis.port || 6379), compose: 'redis',
      start: () => {
        if (!has('redis-server')) return false;
        spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(redis.port || 6379), '--save', '', '--appendonly', 'no'], { stdio: 'inherit' });
        return true;
      },
      install: 'Redis 7 (Debian: apt-get install -y redis-server), or Docker for `docker compose up -d redis`',
    },
  ];
  for (const s of services) {
    if (await portOpen(s.host, s.port)) continue;
    const local = LOCAL_HOSTS.has(s.host);
    step(`${s.name} is not answering on ${s.host}:${s.port}; starting it`);
    if (local && s.start() && (await waitForPort(s.host, s.port, 20))) continue;
    if (local && dockerEngineRuns()) {
      run('docker', ['compose', 'up', '-d', s.compose]);
      if (await waitForPort(s.host, s.port, 60)) continue;
    }
    throw new Error(`${s.name} is not reachable at ${s.host}:${s.port} and could not be started here. Install ${s.install}, or point ${s.name === 'Redis' ? 'REDIS_URL' : 'DATABASE_URL'} at a running server.`);
  }
}

/** Creates the database named in `url` when it does not exist. */
export async function ensureDatabase(url) {
  const { default: pg } = await import('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      step(`Creating database ${name}`);
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

/** The browser test drives Debian's Chromium (playwright-core cannot download browsers here). */
export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  step('Installing Chromium for the browser test (apt-get install -y chromium)');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? [] : has('sudo') ? ['sudo', '-n'] : null;
  if (!sudo || !has('apt-get')) {
    throw new Error(`The browser test needs Chromium at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) and run again.`);
  }
  const apt = (...args) => spawnSync(sudo[0] ?? 'apt-get', sudo.length ? [...sudo.slice(1), 'apt-get', ...args] : args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!apt('install', '-y', 'chromium') && !(apt('update') && apt('install', '-y', 'chromium'))) {
    throw new Error('Installing Chromium failed (see above).');
  }
}

function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}

/** Builds the staff console (admin/dist, served by the app at /admin) when its sources changed. */
export function ensureConsoleBuild(env = process.env) {
  const admin = join(root, 'admin');
  const stamp = join(root, 'node_modules/.cache/admin-build-stamp');
  const sources = [...filesUnder(join(admin, 'src')), join(admin, 'index.html'), join(admin, 'vite.config.ts'), join(root, 'package-lock.json')];
  // Contents and names: a renamed or deleted file changes the build too.
  const want = `${fingerprint(sources)}:${createHash('sha256').update(sources.join('\n')).digest('hex')}`;
  if (existsSync(join(admin, 'dist/index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  step('Building the staff console (admin/dist)');
  run('npx', ['vite', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], { env });
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  writeFileSync(stamp, want);
}
