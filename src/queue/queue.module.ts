import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { QUEUES } from './queues.js';

/** BullMQ on the app's Redis, under the deployment's key prefix. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          // Producers fail fast while Redis is down (the outbox keeps the event); workers reconnect.
          connection: {
            url: config.redis.url, enableOfflineQueue: false, maxRetriesPerRequest: 1,
            // BullMQ's default backs off to 20 s between reconnects; the outbox should resume within seconds.
            retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
          },
          prefix: `${config.redis.prefix}:bull`,
          defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: { age: 86_400, count: 10_000 }, removeOnFail: { age: 7 * 86_400 } },
        }),
        queues,
      ],
      exports: [queues],
    };
  }
}
