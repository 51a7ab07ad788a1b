import type { AppOptions } from '../../src/app.module.js';
import { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import type { AppConfig } from '../../src/config/app-config.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { apiClient } from './api-client.js';
import { createTestDatabase, testConfig, type TestDatabase } from './databases.js';
import { demoIds } from './demo-ids.js';
import { prismaFor } from './fixtures.js';
import { startApp, type RunningApp } from './http-app.js';

type Kind = 'empty' | 'demo';

/** Filled in by the beforeAll hook; `running` and `api` may be replaced by a test that restarts the app. */
export interface TestApp<K extends Kind = Kind> {
  db: TestDatabase;
  prisma: PrismaClient;
  config: AppConfig;
  cipher: PhiCipher;
  running: RunningApp;
  /** Signs in as the demo clinic's admin on first use. */
  api: ReturnType<typeof apiClient>;
  ids: K extends 'demo' ? Awaited<ReturnType<typeof demoIds>> : undefined;
}

export interface TestAppOptions<K extends Kind = Kind> {
  /** Config overrides; a function when they depend on something `beforeStart` started (a fake's URL). */
  overrides?: Record<string, string> | (() => Record<string, string>);
  app?: AppOptions;
  /** Runs once the database exists and before the app starts: rows or fakes the app needs from its start. */
  beforeStart?: (env: TestApp<K>) => Promise<unknown>;
}

// Every e2e/integration file set up (and tore down) its own database, Prisma client and app by hand.
export function useTestApp<K extends Kind>(kind: K, options: TestAppOptions<K> = {}): TestApp<K> {
  const env = {} as TestApp<K>;
  beforeAll(async () => {
    env.db = await createTestDatabase(kind);
    env.prisma = prismaFor(env.db.url);
    if (kind === 'demo') (env as TestApp<'demo'>).ids = await demoIds(env.prisma);
    await options.beforeStart?.(env);
    env.config = testConfig(env.db.url, typeof options.overrides === 'function' ? options.overrides() : options.overrides);
    env.cipher = new PhiCipher(env.config.phi.keys, env.config.phi.activeKeyId, env.config.phi.blindIndexKey);
    env.running = await startApp(env.config, options.app);
    env.api = apiClient(env.running.url);
  }, 60_000);
  // Closing the app waits for its BullMQ workers and outbox relay: more than Jest's default 5 s on a loaded machine.
  afterAll(async () => {
    await env.running?.close();
    await env.prisma?.$disconnect();
    await env.db?.drop();
  }, 30_000);
  return env;
}
