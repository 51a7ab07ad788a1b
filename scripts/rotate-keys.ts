// `npm run keys:rotate`: re-encrypts every stored patient value with PHI_ACTIVE_KEY_ID, in batches,
// while the app keeps running (docs/runbook.md, "Rotating the encryption key"). Safe to run again;
// exit code 0 when nothing is left on an old key, 1 when something is (run it again once every
// instance uses the new active key), 2 when it could not run.
import { PhiCipher } from '../src/common/crypto/phi-cipher.js';
import { loadConfig } from '../src/config/app-config.js';
import { PrismaService } from '../src/database/prisma.service.js';
import { KeyRotationRepository } from '../src/patients/key-rotation.repository.js';
import { KeyRotationService } from '../src/patients/key-rotation.service.js';

const batchArg = process.argv.find((a) => a.startsWith('--batch-size='));

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const prisma = new PrismaService(config);
  try {
    const cipher = new PhiCipher(config.phi.keys, config.phi.activeKeyId, config.phi.blindIndexKey);
    const service = new KeyRotationService(new KeyRotationRepository(prisma), cipher);
    console.log(`Re-encrypting patient data with key "${config.phi.activeKeyId}" (keys configured: ${[...config.phi.keys.keys()].join(', ')})`);
    const results = await service.rotate({ batchSize: batchArg ? Number(batchArg.split('=')[1]) : undefined });
    for (const r of results) {
      console.log(`  ${`${r.table}.${r.column}`.padEnd(32)} rotated ${r.rotated}, changed meanwhile ${r.skippedConcurrent}, unreadable ${r.unreadable}, left on an old key ${r.remaining}`);
    }
    const left = results.reduce((n, r) => n + r.remaining, 0);
    console.log(left === 0 ? 'Done: every value uses the active key; old keys can be removed.' : `${left} value(s) still use an old key; see above.`);
    return left === 0 ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`keys:rotate could not run: ${error.message}`);
  process.exit(2);
});
