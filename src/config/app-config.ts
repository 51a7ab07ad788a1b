import { DEMO_SECRETS, type Env, envSchema } from './config.schema.js';

export interface AppConfig {
  env: Env['NODE_ENV'];
  role: Env['APP_ROLE'];
  http: { port: number; host: string; publicBaseUrl: string };
  logLevel: Env['LOG_LEVEL'];
  database: { url: string; poolSize: number };
  redis: { url: string; prefix: string };
  phi: { keys: ReadonlyMap<string, Buffer>; activeKeyId: string; blindIndexKey: Buffer };
  simulatorEnabled: boolean;
  staffApiKey: string | null;
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
    if (env.STAFF_API_KEY === DEMO_SECRETS.STAFF_API_KEY) problems.push('STAFF_API_KEY holds a demo value; production needs its own secret');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    role: env.APP_ROLE,
    http: { port: env.PORT, host: env.HOST, publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/$/, '') },
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    phi: { keys, activeKeyId: env.PHI_ACTIVE_KEY_ID, blindIndexKey: Buffer.from(env.PHI_BLIND_INDEX_KEY, 'base64') },
    simulatorEnabled: env.SIMULATOR_ENABLED ?? env.NODE_ENV !== 'production',
    staffApiKey: env.STAFF_API_KEY ?? null,
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
