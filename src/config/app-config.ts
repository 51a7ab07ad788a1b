import { DEMO_SECRETS, type Env, envSchema } from './config.schema.js';

export interface AppConfig {
  env: Env['NODE_ENV'];
  role: Env['APP_ROLE'];
  http: { port: number; host: string; publicBaseUrl: string; trustProxy: boolean | number | string };
  logLevel: Env['LOG_LEVEL'];
  database: { url: string; poolSize: number };
  redis: { url: string; prefix: string };
  phi: { keys: ReadonlyMap<string, Buffer>; activeKeyId: string; blindIndexKey: Buffer };
  simulatorEnabled: boolean;
  /** Secret of staff access tokens (src/auth). */
  staffJwtSecret: string;
  telehealthUrlTemplate: string | null;
  channels: ChannelsConfig;
}

export interface ChannelsConfig {
  twilio: { accountSid: string | null; authToken: string | null; apiBaseUrl: string; edge: string | null };
  meta: { accessToken: string | null; appSecret: string | null; verifyToken: string | null; graphBaseUrl: string; apiVersion: string };
  whatsappWeb: { enabled: boolean; number: string | null; sessionDir: string; chromiumPath: string };
  outbound: { smsRatePerSecond: number; whatsappRatePerSecond: number; maxAttempts: number };
}

/** Raised at boot; its message names every bad variable so an operator can fix them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: Record<string, string | undefined>): AppConfig {
  // Treat empty strings as unset, as shells and .env files commonly leave them.
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.');
        return raw[name] === undefined ? `${name} is required but not set` : `${name} ${i.message}`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];

  const keys = parseKeyring(env.PHI_ENCRYPTION_KEYS, problems);
  if (!keys.has(env.PHI_ACTIVE_KEY_ID)) {
    problems.push(`PHI_ACTIVE_KEY_ID "${env.PHI_ACTIVE_KEY_ID}" is not one of the ids in PHI_ENCRYPTION_KEYS`);
  }
  if (env.NODE_ENV === 'production') {
    const demoKeys = [...parseKeyring(DEMO_SECRETS.PHI_ENCRYPTION_KEYS, []).values(), Buffer.from(DEMO_SECRETS.PHI_BLIND_INDEX_KEY, 'base64')];
    const inUse = { PHI_ENCRYPTION_KEYS: [...keys.values()], PHI_BLIND_INDEX_KEY: [Buffer.from(env.PHI_BLIND_INDEX_KEY, 'base64')] };
    for (const [name, values] of Object.entries(inUse)) {
      if (values.some((k) => demoKeys.some((d) => d.equals(k)))) {
        problems.push(`${name} holds a demo value; production needs its own secret`);
      }
    }
    for (const name of ['STAFF_JWT_SECRET', 'TWILIO_AUTH_TOKEN', 'META_WHATSAPP_TOKEN', 'META_APP_SECRET', 'META_VERIFY_TOKEN'] as const) {
      if (env[name] !== undefined && env[name] === DEMO_SECRETS[name]) problems.push(`${name} holds a demo value; production needs its own secret`);
    }
  }
  if (env.WHATSAPP_WEB_ENABLED && !env.WHATSAPP_WEB_NUMBER) problems.push('WHATSAPP_WEB_NUMBER is required when WHATSAPP_WEB_ENABLED=true');
  if ((env.TWILIO_ACCOUNT_SID === undefined) !== (env.TWILIO_AUTH_TOKEN === undefined)) problems.push('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    role: env.APP_ROLE,
    http: { port: env.PORT, host: env.HOST, publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/$/, ''), trustProxy: trustProxySetting(env.TRUST_PROXY) },
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    phi: { keys, activeKeyId: env.PHI_ACTIVE_KEY_ID, blindIndexKey: Buffer.from(env.PHI_BLIND_INDEX_KEY, 'base64') },
    simulatorEnabled: env.SIMULATOR_ENABLED ?? env.NODE_ENV !== 'production',
    staffJwtSecret: env.STAFF_JWT_SECRET,
    telehealthUrlTemplate: env.TELEHEALTH_URL_TEMPLATE ?? null,
    channels: {
      twilio: { accountSid: env.TWILIO_ACCOUNT_SID ?? null, authToken: env.TWILIO_AUTH_TOKEN ?? null, apiBaseUrl: env.TWILIO_API_BASE_URL.replace(/\/$/, ''), edge: env.TWILIO_EDGE ?? null },
      meta: {
        accessToken: env.META_WHATSAPP_TOKEN ?? null, appSecret: env.META_APP_SECRET ?? null, verifyToken: env.META_VERIFY_TOKEN ?? null,
        graphBaseUrl: env.META_GRAPH_BASE_URL.replace(/\/$/, ''), apiVersion: env.META_GRAPH_API_VERSION,
      },
      whatsappWeb: { enabled: env.WHATSAPP_WEB_ENABLED, number: env.WHATSAPP_WEB_NUMBER ?? null, sessionDir: env.WHATSAPP_WEB_SESSION_DIR, chromiumPath: env.WHATSAPP_WEB_CHROMIUM_PATH },
      outbound: { smsRatePerSecond: env.OUTBOUND_SMS_RATE_PER_SECOND, whatsappRatePerSecond: env.OUTBOUND_WHATSAPP_RATE_PER_SECOND, maxAttempts: env.OUTBOUND_MAX_ATTEMPTS },
    },
  };
}

function parseKeyring(spec: string, problems: string[]): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const sep = entry.indexOf(':');
    const id = entry.slice(0, sep);
    const key = Buffer.from(entry.slice(sep + 1), 'base64');
    if (sep <= 0 || !/^[a-zA-Z0-9_-]+$/.test(id)) {
      problems.push('PHI_ENCRYPTION_KEYS entries must look like keyId:base64key');
    } else if (key.length !== 32) {
      problems.push(`PHI_ENCRYPTION_KEYS key "${id}" must be 32 bytes, base64-encoded`);
    } else {
      keys.set(id, key);
    }
  }
  return keys;
}

/** TRUST_PROXY as Express takes it: a boolean, a hop count, or a list of addresses and subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
