import { ConfigError, loadConfig } from '../../src/config/app-config.js';
import { DEMO_SECRETS } from '../../src/config/config.schema.js';

const base = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/clinic',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  PHI_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  PHI_ACTIVE_KEY_ID: 'k1',
  PHI_BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  STAFF_JWT_SECRET: 's'.repeat(48),
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('channel configuration', () => {
  it('defaults: providers off, official base URLs, WhatsApp Web off', () => {
    const { channels } = loadConfig(base);
    expect(channels.twilio).toEqual({ accountSid: null, authToken: null, apiBaseUrl: 'https://api.twilio.com', edge: null });
    expect(channels.meta).toMatchObject({ accessToken: null, graphBaseUrl: 'https://graph.facebook.com', apiVersion: 'v23.0' });
    expect(channels.whatsappWeb).toEqual({ enabled: false, number: null, sessionDir: '.wwebjs_auth', chromiumPath: '/usr/bin/chromium' });
  });

  it('refuses every demo channel secret in production', () => {
    const demo = {
      ...base, NODE_ENV: 'production', TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: DEMO_SECRETS.TWILIO_AUTH_TOKEN,
      META_WHATSAPP_TOKEN: DEMO_SECRETS.META_WHATSAPP_TOKEN, META_APP_SECRET: DEMO_SECRETS.META_APP_SECRET, META_VERIFY_TOKEN: DEMO_SECRETS.META_VERIFY_TOKEN,
    };
    expect(problems(demo)).toEqual([
      'TWILIO_AUTH_TOKEN holds a demo value; production needs its own secret',
      'META_WHATSAPP_TOKEN holds a demo value; production needs its own secret',
      'META_APP_SECRET holds a demo value; production needs its own secret',
      'META_VERIFY_TOKEN holds a demo value; production needs its own secret',
    ]);
    expect(problems({ ...demo, NODE_ENV: 'development' })).toEqual([]);
  });

  it('checks channel settings that only make sense together', () => {
    expect(problems({ ...base, WHATSAPP_WEB_ENABLED: 'true' })).toEqual(['WHATSAPP_WEB_NUMBER is required when WHATSAPP_WEB_ENABLED=true']);
    expect(problems({ ...base, TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}` })).toEqual(['TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together']);
    expect(problems({ ...base, TWILIO_ACCOUNT_SID: 'nope', TWILIO_AUTH_TOKEN: 'x'.repeat(20) })[0]).toMatch(/TWILIO_ACCOUNT_SID/);
  });
});
