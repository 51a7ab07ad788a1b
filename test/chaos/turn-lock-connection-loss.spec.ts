import pg from 'pg';
import { TurnLock } from '../../src/conversation/turn-lock.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/databases.js';

/**
 * Found by the chaos test: when Postgres dropped the turn lock's connection in the middle of a turn,
 * the unheard 'error' event of the checked-out pg client killed the whole worker process.
 */
describe('TurnLock when Postgres drops its connection mid-turn', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(); }, 30_000);
  afterAll(() => db?.drop(), 30_000);

  it('fails that turn and keeps the process alive; the next turn gets a fresh connection', async () => {
    const lock = new TurnLock(testConfig(db.url));
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const uncaught: Error[] = [];
    const listener = (error: Error) => uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      const turn = lock.withLock('conversation-1', async () => {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'clinic-turn-lock' AND datname = current_database()`);
        await new Promise((r) => setTimeout(r, 300));
        return 'done';
      });
      await expect(turn).rejects.toThrow();
      expect(uncaught).toEqual([]);
      await expect(lock.withLock('conversation-1', async () => 'next turn')).resolves.toBe('next turn');
    } finally {
      process.off('uncaughtException', listener);
      await admin.end();
      await lock.onModuleDestroy();
    }
  });
});
