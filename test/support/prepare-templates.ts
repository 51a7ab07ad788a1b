import { loadConfig } from '../../src/config/app-config.js';
import { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import { createPgAdapter } from '../../src/database/prisma.service.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { seedDemoClinic } from '../../prisma/seed.js';
import { createMigratedDatabase, databaseUrl, dropStaleDatabases, templateNames, withAdmin } from './databases.js';

/**
 * Run once per `jest` run by global-setup.mjs (in a child process, because Jest loads global setup
 * files without its ESM transform): migrates the empty template and seeds the demo template from it.
 */
async function prepareTemplates(runId: string): Promise<void> {
  await dropStaleDatabases();
  const names = templateNames(runId);
  await createMigratedDatabase(names.empty);
  await withAdmin((c) => c.query(`CREATE DATABASE "${names.demo}" TEMPLATE "${names.empty}"`));

  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl(names.demo) });
  const prisma = new PrismaClient({ adapter: createPgAdapter(config.database.url, 2) });
  try {
    await seedDemoClinic(prisma, new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey));
  } finally {
    await prisma.$disconnect();
  }
}

prepareTemplates(process.argv[2]!).catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
