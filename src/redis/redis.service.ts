import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/**
 * The process's shared Redis connection for short-lived state (holds, dedupe). Commands fail after
 * one retry instead of queueing forever, so a Redis outage surfaces as a clear 503, not a hang.
 */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = config.redis.prefix;
    this.client = new Redis(config.redis.url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, connectionName: 'clinic-booking' });
    // ioredis reports connection errors as events; without a listener Node would treat them as fatal.
    this.client.on('error', () => undefined);
  }

  /** A key under this deployment's prefix. `{…}` hash tags keep related keys on one Cluster slot. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
