import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Runs report SQL. Each statement runs in its own read-only transaction with settings suited to one
 * large aggregate: enough work_mem to sort and hash a year of rows in memory, and no JIT (compiling
 * costs ~100 ms, more than it saves on a query of a second or less).
 */
@Injectable()
export class ReportSqlRepository {
  constructor(private readonly prisma: PrismaService) {}

  async rows<T>(sql: Prisma.Sql): Promise<T[]> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      await tx.$executeRawUnsafe('SET LOCAL jit = off');
      await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
      return tx.$queryRaw<T[]>(sql);
    }, { timeout: 60_000, maxWait: 15_000 });
  }
}
