import { spawnSync } from 'node:child_process';
import { testConfig } from '../support/databases.js';
import { startApp } from '../support/http-app.js';
import { useTestApp } from '../support/test-app.js';

describe('app skeleton over HTTP', () => {
  const env = useTestApp('empty');

  it('GET /health is 200 when Postgres and Redis answer', async () => {
    const res = await fetch(`${env.running.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('serves the OpenAPI document at /docs', async () => {
    const html = await fetch(`${env.running.url}/docs`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('swagger');
    const doc = (await (await fetch(`${env.running.url}/docs/json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/health');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${env.running.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('GET /health is 503 and names Redis when Redis does not answer', async () => {
    const broken = await startApp(testConfig(env.db.url, { REDIS_URL: 'redis://127.0.0.1:1/0' }));
    try {
      const res = await fetch(`${broken.url}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', postgres: 'up', redis: 'down' });
    } finally {
      await broken.close();
    }
  }, 30_000);

  it('GET /health is 503 and names Postgres when Postgres does not answer', async () => {
    const broken = await startApp(testConfig('postgresql://postgres@127.0.0.1:1/none'));
    try {
      const res = await fetch(`${broken.url}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', postgres: 'down', redis: 'up' });
    } finally {
      await broken.close();
    }
  }, 30_000);

  it('the process refuses to start with a missing variable and names it', () => {
    const env = { ...process.env, DATABASE_URL: '', NODE_OPTIONS: '' };
    const run = spawnSync('npx', ['tsx', 'src/main.ts'], { cwd: new URL('../..', import.meta.url).pathname, env, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('DATABASE_URL is required but not set');
  });
});
