import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { RedisService } from '../redis/redis.service.js';
import { AUTH_POLICY } from './auth-policy.js';

/**
 * Failed sign-in counters in Redis, per IP and per email address (known or not, so the answer never
 * tells whether an account exists), in fixed windows numbered by the injected clock (so tests can
 * move past a window). Shared by every API instance. When Redis is down the counters are skipped
 * (logged): the account lock in Postgres still stops password guessing.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly windowMs = AUTH_POLICY.failureWindowSeconds * 1000;

  constructor(private readonly redis: RedisService, private readonly clock: Clock) {}

  /** Seconds to wait when either counter is at its limit in the current window, else 0. */
  async blockedFor(ip: string, email: string): Promise<number> {
    const { keys, retryAfter } = this.window(ip, email);
    try {
      const [ipCount, accountCount] = await this.redis.client.mget(keys.ip, keys.account);
      const blocked = Number(ipCount ?? 0) >= AUTH_POLICY.ipFailureLimit || Number(accountCount ?? 0) >= AUTH_POLICY.accountFailureLimit;
      return blocked ? retryAfter : 0;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'login throttle unavailable; relying on the account lock');
      return 0;
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    const { keys } = this.window(ip, email);
    // Kept a little past the window; the window number in the key is what ends the count.
    const ttl = AUTH_POLICY.failureWindowSeconds * 2;
    try {
      await this.redis.client.multi().incr(keys.ip).expire(keys.ip, ttl).incr(keys.account).expire(keys.account, ttl).exec();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not count a failed login');
    }
  }

  /** A correct password clears the account's counter (not the IP's: one success must not reset a spray). */
  async clearAccount(email: string): Promise<void> {
    await this.redis.client.del(this.window('', email).keys.account).catch(() => undefined);
  }

  private window(ip: string, email: string) {
    const now = +this.clock.now();
    const index = Math.floor(now / this.windowMs);
    // Hashed, so email addresses do not sit in Redis in clear.
    const account = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return {
      keys: { ip: this.redis.key('auth', 'fail', 'ip', ip, String(index)), account: this.redis.key('auth', 'fail', 'acct', account, String(index)) },
      retryAfter: Math.max(1, Math.ceil(((index + 1) * this.windowMs - now) / 1000)),
    };
  }
}
