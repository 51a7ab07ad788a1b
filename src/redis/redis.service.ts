import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/**
 * The process's shared Redis connection for short-lived state (holds, dedupe). While disconnected,
 * commands fail at once instead of queueing, so a Redis outage surfaces as a clear 503 (or, for
 * availability, an answer from Postgres alone) rather than a request that hangs; ioredis keeps
 * reconnecting in the background (at most every 2 s). Commands issued in the same tick leave in one
 * write (auto-pipelining): concurrent bookings each read their provider's holds, and on a busy
 * instance those reads share a socket write instead of a system call each (bench/booking).
 */
@Injectable()
export class RedisService implements OnModuleInit, OnModuleDestroy {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = config.redis.prefix;
    this.client = new Redis(config.redis.url, {
      maxRetriesPerRequest: 1, enableOfflineQueue: false, enableAutoPipelining: true, connectTimeout: 2_000, connectionName: 'clinic-booking',
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    });
    // ioredis reports connection errors as events; without a listener Node would treat them as fatal.
    this.client.on('error', () => undefined);
  }

  /** A key under this deployment's prefix. `{…}` hash tags keep related keys on one Cluster slot. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** Waits briefly for the first connection so the first requests do not fail; never blocks start-up for long. */
  async onModuleInit(): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3_000);
      this.client.once('ready', () => { clearTimeout(timer); resolve(); });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
