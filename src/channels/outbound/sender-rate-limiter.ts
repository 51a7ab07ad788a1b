import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Channel } from '../../generated/prisma/enums.js';
import { RedisService } from '../../redis/redis.service.js';

/**
 * A token bucket per sending number, in Redis so every worker shares it: `rate` tokens a second,
 * bursts up to one second's worth. Returns 0 when a token was taken, else how many milliseconds to
 * wait. Time comes from Redis itself (TIME), so workers with skewed clocks agree.
 */
const TAKE = `
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + (now - ts) * rate / 1000)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return wait
`;

@Injectable()
export class SenderRateLimiter {
  constructor(private readonly redis: RedisService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async take(channel: Channel, senderAddress: string): Promise<number> {
    const rate = channel === 'sms' ? this.config.channels.outbound.smsRatePerSecond : this.config.channels.outbound.whatsappRatePerSecond;
    const capacity = Math.max(1, rate);
    // One hash-tagged key per number (cluster-safe); the number is the clinic's own, not a patient's.
    const key = this.redis.key('rate', `{${channel}${senderAddress}}`);
    return Number(await this.redis.client.eval(TAKE, 1, key, String(rate), String(capacity)));
  }
}
