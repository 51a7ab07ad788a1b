// `npm run db:migrate`: apply prisma/migrations. Uses `prisma migrate deploy` when Prisma's schema
// engine is installed; otherwise applies the same files itself, recorded the way Prisma records them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations } from '../src/database/migrator.js';

const root = new URL('..', import.meta.url).pathname;

function schemaEngineAvailable(): boolean {
  const configured = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (configured) return existsSync(configured) && !configured.endsWith('/true');
  const engines = join(root, 'node_modules/@prisma/engines');
  return existsSync(engines) && readdirSync(engines).some((f) => f.startsWith('schema-engine'));
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  if (schemaEngineAvailable()) {
    const run = spawnSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, stdio: 'inherit', env: process.env });
    if (run.status === 0) return;
    console.warn('prisma migrate deploy failed; applying the migrations directly instead');
  }
  const result = await applyMigrations(url, join(root, 'prisma/migrations'));
  const db = new URL(url).pathname.slice(1);
  console.log(result.applied.length
    ? `Applied ${result.applied.length} migration(s) to ${db}: ${result.applied.join(', ')}`
    : `Database ${db} is up to date (${result.alreadyApplied.length} migrations).`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
