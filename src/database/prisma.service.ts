import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PrismaClient } from '../generated/prisma/client.js';

/** A Prisma transaction client; repositories accept one so callers can compose a transaction. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The one Prisma 7 client of the process, over node-postgres (no query engine binary). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({ adapter: createPgAdapter(config.database.url, config.database.poolSize) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

export function createPgAdapter(url: string, max: number): PrismaPg {
  return new PrismaPg({ connectionString: url, max, application_name: 'clinic-booking' });
}
