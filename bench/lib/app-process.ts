import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations } from '../../src/database/migrator.js';
import { loadConfig } from '../../src/config/app-config.js';
import { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import { createPgAdapter } from '../../src/database/prisma.service.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { seedDemoClinic } from '../../prisma/seed.js';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

export function benchEnv(database: string, extra: Record<string, string> = {}): Record<string, string> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/clinic');
  url.pathname = `/${database}`;
  // NODE_ENV=development only so the demo encryption keys are accepted for throwaway data.
  // Provider APIs at a closed local port (benchmarks talk only to this machine); bench/channels passes its fake's address.
  return {
    ...(process.env as Record<string, string>), NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: url.toString(), REDIS_PREFIX: `bench-${database}`,
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9', META_GRAPH_BASE_URL: 'http://127.0.0.1:9', ...extra,
  };
}

/** A fresh database with the demo clinic, for one benchmark. */
export async function freshDemoDatabase(env: Record<string, string>): Promise<PrismaClient> {
  const url = new URL(env.DATABASE_URL!);
  const name = url.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  await applyMigrations(url.toString(), join(root, 'prisma/migrations'));
  const config = loadConfig(env);
  const prisma = new PrismaClient({ adapter: createPgAdapter(url.toString(), 8) });
  await seedDemoClinic(prisma, new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey));
  return prisma;
}

/** Builds the app once (nest build) and runs the compiled app as its own process, like production. */
/** `alreadyBuilt`: a further instance of an app just started (no second build). */
export async function startAppProcess(env: Record<string, string>, port: number, alreadyBuilt = false): Promise<{ url: string; stop(): Promise<void>; child: ChildProcess }> {
  if (!alreadyBuilt && (!existsSync(join(root, 'dist/src/main.js')) || process.env.BENCH_REBUILD !== '0')) {
    const build = spawnSync('npx', ['nest', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('nest build failed');
  }
  // BENCH_APP_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the app under load.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn('node', [...nodeArgs, 'dist/src/main.js'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 250));
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) {
      return { url, child, stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
    }
  }
  child.kill('SIGKILL');
  throw new Error('the app did not become healthy within 30 s');
}
