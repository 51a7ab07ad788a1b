import { createTestDatabase, testConfig } from '../support/databases.js';
import { startApp } from '../support/http-app.js';
it('debug', async () => {
  const db = await createTestDatabase('empty');
  const t0 = Date.now();
  const broken = await startApp(testConfig(db.url, { REDIS_URL: 'redis://127.0.0.1:1/0' }));
  console.log('started', Date.now() - t0);
  const res = await fetch(`${broken.url}/health`);
  console.log('health', res.status, Date.now() - t0);
  await broken.close();
  console.log('closed', Date.now() - t0);
  await db.drop();
}, 60_000);
