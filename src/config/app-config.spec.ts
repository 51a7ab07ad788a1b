import { ConfigError, loadConfig } from './app-config.js';
import { DEMO_SECRETS } from './config.schema.js';

const realKey = Buffer.alloc(32, 7).toString('base64');
const valid = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/clinic',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  PHI_ENCRYPTION_KEYS: `k1:${realKey}`,
  PHI_ACTIVE_KEY_ID: 'k1',
  PHI_BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  STAFF_JWT_SECRET: 'x'.repeat(40),
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('builds a typed config with defaults', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.role).toBe('all');
    expect(config.phi.keys.get('k1')).toHaveLength(32);
    expect(config.simulatorEnabled).toBe(true);
    expect(config.http.trustProxy).toBe(false);
  });

  it('reads TRUST_PROXY as Express does: a boolean, a hop count, or addresses and subnets', () => {
    const trust = (value: string) => loadConfig({ ...valid, TRUST_PROXY: value }).http.trustProxy;
    expect([trust('true'), trust('false'), trust('1'), trust('loopback, 10.0.0.0/8')]).toEqual([true, false, 1, 'loopback, 10.0.0.0/8']);
    expect(() => trust('$(rm -rf)')).toThrow(/TRUST_PROXY/);
  });

  it('names a missing required variable', () => {
    const { DATABASE_URL: _omit, ...env } = valid;
    expect(problemsOf(env)).toEqual(['DATABASE_URL is required but not set']);
    expect(() => loadConfig(env)).toThrow(/Invalid configuration:\n {2}- DATABASE_URL is required but not set/);
  });

  it('treats an empty value as missing', () => {
    expect(problemsOf({ ...valid, REDIS_URL: '' })).toEqual(['REDIS_URL is required but not set']);
  });

  it('reports every bad variable at once, by name', () => {
    const problems = problemsOf({ ...valid, PORT: 'eighty', REDIS_URL: 'http://x', APP_ROLE: 'cron', PHI_BLIND_INDEX_KEY: 'short' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['APP_ROLE', 'PHI_BLIND_INDEX_KEY', 'PORT', 'REDIS_URL']);
  });

  it('checks the key ring: 32-byte keys and an active id that exists', () => {
    expect(problemsOf({ ...valid, PHI_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toEqual(expect.arrayContaining([expect.stringMatching(/key "k1" must be 32 bytes/)]));
    expect(problemsOf({ ...valid, PHI_ACTIVE_KEY_ID: 'k9' })).toEqual([expect.stringMatching(/PHI_ACTIVE_KEY_ID "k9" is not one of the ids/)]);
  });

  it('refuses the demo secrets in production but accepts them in development', () => {
    const demo = { ...valid, PHI_ENCRYPTION_KEYS: DEMO_SECRETS.PHI_ENCRYPTION_KEYS, PHI_ACTIVE_KEY_ID: 'demo1', PHI_BLIND_INDEX_KEY: DEMO_SECRETS.PHI_BLIND_INDEX_KEY };
    expect(problemsOf(demo)).toEqual([]);
    expect(problemsOf({ ...demo, NODE_ENV: 'production' })).toEqual([
      'PHI_ENCRYPTION_KEYS holds a demo value; production needs its own secret',
      'PHI_BLIND_INDEX_KEY holds a demo value; production needs its own secret',
    ]);
    // A demo key kept only to decrypt old data is still refused: it would protect nothing.
    expect(problemsOf({ ...valid, NODE_ENV: 'production', PHI_ENCRYPTION_KEYS: `k1:${realKey},${DEMO_SECRETS.PHI_ENCRYPTION_KEYS}` }))
      .toEqual(['PHI_ENCRYPTION_KEYS holds a demo value; production needs its own secret']);
  });

  it('turns the simulator off in production unless asked for', () => {
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).simulatorEnabled).toBe(false);
    expect(loadConfig({ ...valid, NODE_ENV: 'production', SIMULATOR_ENABLED: 'true' }).simulatorEnabled).toBe(true);
  });
});
