// `npm run audit:verify`: recomputes every clinic's audit-log hash chain and reports the first broken
// link. Exit code 0 = intact, 1 = broken (tampering or lost rows), 2 = could not check.
import { AuditChainRepository } from '../src/audit/audit-chain.repository.js';
import { describeVerification, verifyAuditLog } from '../src/audit/audit-verifier.js';
import { loadConfig } from '../src/config/app-config.js';
import { PrismaService } from '../src/database/prisma.service.js';

async function main(): Promise<number> {
  const prisma = new PrismaService(loadConfig(process.env));
  try {
    const result = await verifyAuditLog(new AuditChainRepository(prisma));
    console.log(describeVerification(result));
    return result.brokenCount === 0 ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`audit:verify could not run: ${error.message}`);
  process.exit(2);
});
