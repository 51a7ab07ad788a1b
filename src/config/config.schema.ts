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
  /**
   * Which proxies in front of the app may say who the client is (X-Forwarded-For), as Express's
   * "trust proxy": `false` (default: the TCP peer is the client), a hop count (`1` behind one load
   * balancer), or addresses/subnets (`loopback`, `10.0.0.0/8`). Client IPs go into the audit log
   * and the sign-in throttle, which behind an untrusted proxy would see one address for everyone.
   */
  TRUST_PROXY: z.string().regex(/^(true|false|\d+|[\w.:/, -]+)$/).default('false'),
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
  /** Video room for telehealth visits; `{room}` becomes an unguessable per-appointment name. Unset = no link. */
  TELEHEALTH_URL_TEMPLATE: z.string().regex(/^https:\/\/\S+\{room\}/, 'must be an https URL containing {room}').optional(),

  // Channels (docs/channels.md). Secrets come only from here; non-secret per-number settings
  // (template names, ContentSids) live in clinic_channels.settings.
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex digits').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
  /** Twilio's REST API; tests point it at a local fake. */
  TWILIO_API_BASE_URL: z.url().default('https://api.twilio.com'),
  /** Twilio edge location (e.g. dublin) when TWILIO_API_BASE_URL is Twilio's own. */
  TWILIO_EDGE: z.string().regex(/^[a-z0-9-]+$/).optional(),
  META_WHATSAPP_TOKEN: z.string().min(8).optional(),
  META_APP_SECRET: z.string().min(8).optional(),
  META_VERIFY_TOKEN: z.string().min(8).optional(),
  META_GRAPH_BASE_URL: z.url().default('https://graph.facebook.com'),
  META_GRAPH_API_VERSION: z.string().regex(/^v\d+\.\d+$/).default('v23.0'),
  WHATSAPP_WEB_ENABLED: bool.default(false),
  /** The clinic WhatsApp number (E.164) the WhatsApp Web session serves; a clinic_channels row with provider whatsapp_web. */
  WHATSAPP_WEB_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +12125550101').optional(),
  WHATSAPP_WEB_SESSION_DIR: z.string().default('.wwebjs_auth'),
  WHATSAPP_WEB_CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Sends per second per sending number (the per-number token bucket in front of each provider). */
  OUTBOUND_SMS_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),
  OUTBOUND_WHATSAPP_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(20),
  /** Attempts per outbound message before it is marked failed (exponential backoff from 2 s). */
  OUTBOUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** HMAC key (HS256) of staff access tokens; every API instance needs the same one. */
  STAFF_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Values that appear in .env.example and the dev scripts. Production refuses to start with any of
 * them, so a demo secret can never protect real patient data.
 */
export const DEMO_SECRETS = {
  PHI_ENCRYPTION_KEYS: 'demo1:ZGVtby1waGkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=',
  PHI_BLIND_INDEX_KEY: 'ZGVtby1ibGluZC1pbmRleC1rZXktbm90LTQtcHJvZCE=',
  STAFF_JWT_SECRET: 'demo-staff-jwt-secret-not-for-production-use',
  TWILIO_AUTH_TOKEN: 'demo-twilio-auth-token-not-for-production',
  META_WHATSAPP_TOKEN: 'demo-meta-access-token-not-for-production',
  META_APP_SECRET: 'demo-meta-app-secret-not-for-production',
  META_VERIFY_TOKEN: 'demo-meta-verify-token-not-for-production',
} as const;
