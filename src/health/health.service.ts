import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { RedisService } from '../redis/redis.service.js';
import { withTimeout } from '../common/with-timeout.js';

export type Dependency = 'up' | 'down';
export interface HealthReport { status: 'ok' | 'unavailable'; postgres: Dependency; redis: Dependency }

const CHECK_TIMEOUT_MS = 1_500;

@Injectable()
export class HealthService {
  constructor(private readonly prisma: PrismaService, private readonly redis: RedisService) {}

  async check(): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.prisma.$queryRaw`SELECT 1`),
      probe(() => this.redis.client.ping()),
    ]);
    return { status: postgres === 'up' && redis === 'up' ? 'ok' : 'unavailable', postgres, redis };
  }
}

async function probe(check: () => Promise<unknown>): Promise<Dependency> {
  try {
    await withTimeout(check(), CHECK_TIMEOUT_MS, 'timeout');
    return 'up';
  } catch {
    return 'down';
  }
}
