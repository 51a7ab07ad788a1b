import { Injectable } from '@nestjs/common';
import { UnavailableError } from '../common/errors.js';
import { RedisService } from '../redis/redis.service.js';

export interface Hold { token: string; providerId: string; start: number; end: number; expiresAt: number; holder: string }

/**
 * Holds live in one Redis hash per provider, `<prefix>:hold:{<providerId>}`; the braces are a hash tag
 * so every key a script touches is in one Redis Cluster slot. The placing script is atomic: it drops
 * expired holds, refuses a hold overlapping anyone else's live hold, and adds the new one. Expiry is
 * judged by the `now` we pass, and the key also expires by itself, so a hold can never outlive its
 * TTL even if the process that placed it dies.
 */
const PLACE = `
local now = tonumber(ARGV[1])
local s = tonumber(ARGV[2])
local f = tonumber(ARGV[3])
local e = tonumber(ARGV[5])
local holder = ARGV[6]
local latest = e
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local h = cjson.decode(entries[i + 1])
  if h.e <= now then
    redis.call('HDEL', KEYS[1], entries[i])
  else
    if h.s < f and s < h.f and h.h ~= holder then
      return 0
    end
    if h.e > latest then latest = h.e end
  end
end
redis.call('HSET', KEYS[1], ARGV[4], cjson.encode({ s = s, f = f, e = e, h = holder }))
redis.call('PEXPIRE', KEYS[1], latest - now + 1000)
return 1
`;

@Injectable()
export class HoldStore {
  constructor(private readonly redis: RedisService) {
    this.redis.client.defineCommand('placeHold', { numberOfKeys: 1, lua: PLACE });
  }

  private key(providerId: string): string {
    return this.redis.key('hold', `{${providerId}}`);
  }

  /** Places the hold, or returns false when another holder's live hold overlaps it. */
  async place(hold: Hold, now: number): Promise<boolean> {
    const placed = await this.call(() =>
      (this.redis.client as unknown as { placeHold: (...args: (string | number)[]) => Promise<number> })
        .placeHold(this.key(hold.providerId), now, hold.start, hold.end, hold.token, hold.expiresAt, hold.holder));
    return placed === 1;
  }

  async get(providerId: string, token: string, now: number): Promise<Hold | null> {
    const raw = await this.call(() => this.redis.client.hget(this.key(providerId), token));
    if (!raw) return null;
    const h = JSON.parse(raw) as { s: number; f: number; e: number; h: string };
    return h.e > now ? { token, providerId, start: h.s, end: h.f, expiresAt: h.e, holder: h.h } : null;
  }

  async release(providerId: string, token: string): Promise<void> {
    await this.call(() => this.redis.client.hdel(this.key(providerId), token));
  }

  /** Live holds of these providers; the reads go out together with any others of the same tick (auto-pipelining). */
  async live(providerIds: string[], now: number): Promise<Hold[]> {
    const entries = await this.call(() => Promise.all(providerIds.map((id) => this.redis.client.hgetall(this.key(id)))));
    const holds: Hold[] = [];
    entries.forEach((hash, i) => {
      for (const [token, raw] of Object.entries(hash)) {
        const h = JSON.parse(raw) as { s: number; f: number; e: number; h: string };
        if (h.e > now) holds.push({ token, providerId: providerIds[i]!, start: h.s, end: h.f, expiresAt: h.e, holder: h.h });
      }
    });
    return holds;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof UnavailableError) throw error;
      throw new UnavailableError('Holding a time is not possible right now (Redis unavailable). Please try again shortly.');
    }
  }
}
