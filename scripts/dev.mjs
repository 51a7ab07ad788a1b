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
  const hasConsole = existsSync(join(admin, 'package.json'));
  if (hasConsole) ensureInstalled(admin);

  step(`Starting the API and workers on http://${env.HOST}:${env.PORT} (OpenAPI at /docs)`);
  start('api', 'npx', ['nest', 'start', '--watch', '--preserveWatchOutput']);
  if (hasConsole) {
    step('Starting the staff console (Vite)');
    start('console', 'npm', ['run', 'dev'], { cwd: admin });
  }
  console.log(`\n  API + workers   http://${env.HOST}:${env.PORT}   (health: /health, API docs: /docs)\n`);
} catch (error) {
  console.error(`\n${error.message}`);
  stop(1);
}
