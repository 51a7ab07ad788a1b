import { z } from 'zod';

/**
 * Every environment variable the app reads, validated once at boot. Nothing else reads process.env.
 * Documented for operators in .env.example (keep the two in step).
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A 32-byte key given as base64 (what `openssl rand -base64 32` prints). */
const key32 = z.string().refine((v) => Buffer.from(v, 'base64').length === 32, {
  message: 'must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)',
});

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  APP_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The URL the providers call us on; webhook signatures are computed over it. */
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.url().refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url().refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// URL'),
  /** Prefix of every Redis key and BullMQ queue, so several deployments (or tests) can share a Redis. */
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]+$/).default('clinic'),

  /** Comma-separated `keyId:base64key` pairs; the active key encrypts, all of them decrypt. */
  PHI_ENCRYPTION_KEYS: z.string().min(1),
  PHI_ACTIVE_KEY_ID: z.string().regex(/^[a-zA-Z0-9_-]+$/),
  /** Key of the HMAC blind index used to find patients by phone without storing it in clear. */
  PHI_BLIND_INDEX_KEY: key32,

  SIMULATOR_ENABLED: bool.optional(),
  /** Key for the booking API (X-Api-Key) until staff logins exist; unset = those endpoints are closed. */
  STAFF_API_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Values that appear in .env.example and the dev scripts. Production refuses to start with any of
 * them, so a demo secret can never protect real patient data.
 */
export const DEMO_SECRETS = {
  PHI_ENCRYPTION_KEYS: 'demo1:ZGVtby1waGkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=',
  PHI_BLIND_INDEX_KEY: 'ZGVtby1ibGluZC1pbmRleC1rZXktbm90LTQtcHJvZCE=',
  STAFF_API_KEY: 'demo-api-key-not-for-production',
} as const;
