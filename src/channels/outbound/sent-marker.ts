import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '../../redis/redis.service.js';

export interface SentRecord { providerMessageId: string; sentAs: string; templateName: string | null }

const KEEP_SECONDS = 7 * 86_400;

/**
 * Remembers, outside Postgres, that a provider accepted a message. Neither Twilio nor Meta take an
 * idempotency key, so a send whose result could not be saved (Postgres unreachable, the worker
 * killed right after) would be sent again by the job's retry. The retry first asks here and only
 * records what was already sent. Best effort: with Redis and Postgres both down at that instant a
 * duplicate remains possible.
 */
@Injectable()
export class SentMarker {
  private readonly logger = new Logger(SentMarker.name);

  constructor(private readonly redis: RedisService) {}

  async remember(messageId: string, record: SentRecord): Promise<void> {
    try {
      await this.redis.client.set(this.redis.key('sent', messageId), JSON.stringify(record), 'EX', KEEP_SECONDS);
    } catch {
      this.logger.warn({ messageId }, 'could not remember a send in Redis');
    }
  }

  async recall(messageId: string): Promise<SentRecord | null> {
    try {
      const raw = await this.redis.client.get(this.redis.key('sent', messageId));
      return raw ? (JSON.parse(raw) as SentRecord) : null;
    } catch {
      return null;
    }
  }
}
