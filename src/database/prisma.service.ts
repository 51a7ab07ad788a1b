import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { withTimeout } from '../common/with-timeout.js';
import { PrismaClient } from '../generated/prisma/client.js';

/** A Prisma transaction client; repositories accept one so callers can compose a transaction. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The one Prisma 7 client of the process, over node-postgres (no query engine binary). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Under a burst (hundreds of patients racing for one slot) transactions queue for a pooled
    // connection; waiting a few seconds is better than failing with a 500.
    super({ adapter: createPgAdapter(config.database.url, config.database.poolSize), transactionOptions: { maxWait: 15_000, timeout: 15_000 } });
  }

  /**
   * Opens the first connection (and readies Prisma's query compiler) before the app takes requests,
   * so the first request, often a readiness probe with a short timeout, does not pay for both. Never
   * blocks start-up for long, and an unreachable database is left to /health to report.
   */
  async onModuleInit(): Promise<void> {
    await withTimeout(this.$queryRaw`SELECT 1`, 3_000, 'database did not answer').catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

export function createPgAdapter(url: string, max: number): PrismaPg {
  return new PrismaPg({ connectionString: url, max, application_name: 'clinic-booking' });
}
