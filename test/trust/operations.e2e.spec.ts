import pg from 'pg';
import { QUEUES } from '../../src/queue/queues.js';
import { patientChat } from '../support/chat.js';
import { testConfig } from '../support/databases.js';
import { startApp } from '../support/http-app.js';
import { useTestApp } from '../support/test-app.js';

/** /ready says whether an instance should get traffic; /metrics gives Prometheus what operators watch. */
describe('operations endpoints', () => {
  const env = useTestApp('demo');

  const get = async (url: string) => { const res = await fetch(url); return { status: res.status, type: res.headers.get('content-type'), text: await res.text() }; };

  it('GET /ready is 200 with Postgres and Redis up, every migration applied and a worker on every queue', async () => {
    const res = await get(`${env.running.url}/ready`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ status: 'ready', postgres: 'up', redis: 'up', pendingMigrations: [], queuesWithoutWorkers: [] });
  });

  it('GET /ready is 503 and names what is missing: no workers (an API-only instance alone), an unapplied migration, Redis', async () => {
    const apiOnly = await startApp(testConfig(env.db.url, { APP_ROLE: 'api' }));
    try {
      const res = await get(`${apiOnly.url}/ready`);
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text)).toMatchObject({ status: 'not_ready', queuesWithoutWorkers: expect.arrayContaining(Object.values(QUEUES)) });
      // /health (liveness) stays 200: restarting this instance would not help.
      expect((await get(`${apiOnly.url}/health`)).status).toBe(200);
    } finally {
      await apiOnly.close();
    }

    const client = new pg.Client({ connectionString: env.db.url });
    await client.connect();
    const { rows } = await client.query(`DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations) RETURNING migration_name`);
    await client.end();
    const missing = await get(`${env.running.url}/ready`);
    expect(missing.status).toBe(503);
    expect(JSON.parse(missing.text)).toMatchObject({ status: 'not_ready', pendingMigrations: [rows[0].migration_name] });

    const noRedis = await startApp(testConfig(env.db.url, { REDIS_URL: 'redis://127.0.0.1:1/0' }));
    try {
      const res = await get(`${noRedis.url}/ready`);
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text)).toMatchObject({ status: 'not_ready', redis: 'down', queuesWithoutWorkers: 'unknown' });
    } finally {
      await noRedis.close();
    }
  }, 60_000);

  it('GET /metrics serves Prometheus text: requests and latency per route, signature failures, queues, outbox, bookings, turns', async () => {
    const phone = '+16465550321';
    const chat = patientChat(env.running.url, phone, 'sms');
    await chat.send('hello');
    await chat.send('my appointments');
    await fetch(`${env.running.url}/api/v1/simulator/conversations/${encodeURIComponent(phone)}`);
    const forged = await fetch(`${env.running.url}/webhooks/twilio/messages`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' }, body: 'From=%2B16465550321&Body=hi&MessageSid=SM1',
    });
    expect(forged.status).toBe(403);

    const res = await get(`${env.running.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const lines = res.text.split('\n');
    const value = (series: string) => {
      const line = lines.find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(value('http_requests_total{method="POST",route="/api/v1/simulator/messages",status="200"}')).toBe(2);
    expect(value('http_request_duration_seconds_count{method="POST",route="/api/v1/simulator/messages"}')).toBe(2);
    expect(value('http_request_duration_seconds_bucket{method="POST",route="/api/v1/simulator/messages",le="+Inf"}')).toBe(2);
    expect(value('http_requests_total{method="GET",route="/api/v1/simulator/conversations/:phone",status="200"}')).toBe(1);
    expect(value('webhook_signature_failures_total{provider="twilio"}')).toBe(1);
    for (const queue of Object.values(QUEUES)) {
      expect(value(`queue_jobs{queue="${queue}",state="waiting"}`)).toEqual(expect.any(Number));
      expect(value(`queue_workers{queue="${queue}"}`)).toBeGreaterThanOrEqual(1);
    }
    expect(value('outbox_backlog')).toEqual(expect.any(Number));
    expect(value('outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(value('appointments{status="completed",source="whatsapp"}')).toBeGreaterThan(0);
    expect(value('conversation_turns_recent')).toBeGreaterThanOrEqual(2);
    expect(value('conversation_turn_latency_seconds{quantile="0.95"}')).toBeGreaterThan(0);
    expect(value('metrics_source_up{source="postgres"}')).toBe(1);
    expect(value('metrics_source_up{source="redis"}')).toBe(1);
    // Route templates only: the phone number in the path never becomes a label.
    expect(res.text).not.toContain('6465550321');
  }, 60_000);
});
