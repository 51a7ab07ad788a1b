#!/usr/bin/env node
// Runs a command with the developer environment (real env > .env > .env.example), e.g.
// `node scripts/with-env.mjs npx tsx scripts/db-migrate.ts`.
import { spawnSync } from 'node:child_process';
import { devEnv, root } from './lib/env.mjs';

const [command, ...args] = process.argv.slice(2);
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: devEnv() });
process.exit(result.status ?? 1);
