#!/usr/bin/env node
// `npm run dev`: everything a fresh machine needs, then the API with its workers, the staff console
// and the chat simulator, restarting on changes. Ctrl-C stops them all.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { devEnv, root } from './lib/env.mjs';
import { ensureDatabase, ensureInstalled, ensurePrismaClient, ensureServices, run, step } from './lib/setup.mjs';

const env = devEnv();
const children = [];

function start(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited (${code}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  ensureInstalled();
  ensurePrismaClient();
  await ensureServices(env);
  await ensureDatabase(env.DATABASE_URL);
  step('Migrating the database');
  run('npx', ['tsx', 'scripts/db-migrate.ts'], { env });
  step('Seeding the demo clinic');
  run('npx', ['tsx', 'prisma/seed.ts'], { env });
  const admin = join(root, 'admin');
  // The console shares the root node_modules; Vite serves it and proxies /api to the API.
  const hasConsole = existsSync(join(admin, 'index.html'));

  step(`Starting the API and workers on http://${env.HOST}:${env.PORT} (OpenAPI at /docs)`);
  start('api', 'npx', ['nest', 'start', '--watch', '--preserveWatchOutput']);
  if (hasConsole) {
    step('Starting the staff console (Vite)');
    start('console', 'npx', ['vite', '--config', 'admin/vite.config.ts']);
  }
  console.log(`\n  API + workers   http://${env.HOST}:${env.PORT}   (health: /health, API docs: /docs)`);
  if (hasConsole) console.log(`  Staff console   http://127.0.0.1:${env.CONSOLE_PORT ?? 5173}/admin/   (e.g. frontdesk@riverside.test / demo-password)`);
  console.log('');
} catch (error) {
  console.error(`\n${error.message}`);
  stop(1);
}
