import { Batcher } from './batcher.js';

/** A run whose batches finish only when the test says so. */
function controlledRun() {
  const batches: { items: number[]; finish: () => void; fail: (e: Error) => void }[] = [];
  const run = (items: number[]) => new Promise<string[]>((resolve, reject) => {
    batches.push({ items, finish: () => resolve(items.map((i) => `done ${i}`)), fail: reject });
  });
  return { batches, run };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Batcher', () => {
  it('sends a lone call at once, alone', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher(run, { maxBatch: 8, maxInFlight: 2 });
    const one = batcher.submit(1);
    expect(batches.map((b) => b.items)).toEqual([[1]]);
    batches[0]!.finish();
    expect(await one).toBe('done 1');
  });

  it('queues calls while the in-flight limit is reached and sends them together when a batch finishes', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher(run, { maxBatch: 3, maxInFlight: 2 });
    const results = [1, 2, 3, 4, 5, 6, 7].map((i) => batcher.submit(i));
    // Two go out at once; the other five wait for a free place, in arrival order, at most three per batch.
    expect(batches.map((b) => b.items)).toEqual([[1], [2]]);
    batches[1]!.finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2], [3, 4, 5]]);
    batches[0]!.finish();
    await tick();
    expect(batches.map((b) => b.items)).toEqual([[1], [2], [3, 4, 5], [6, 7]]);
    batches[2]!.finish();
    batches[3]!.finish();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `done ${i}`));
  });

  it('fails every call of a failed batch, and only those', async () => {
    const { batches, run } = controlledRun();
    const batcher = new Batcher(run, { maxBatch: 4, maxInFlight: 1 });
    const first = batcher.submit(1);
    const queued = [batcher.submit(2), batcher.submit(3)];
    batches[0]!.fail(new Error('deadlock detected'));
    await expect(first).rejects.toThrow('deadlock detected');
    await tick();
    batches[1]!.finish();
    expect(await Promise.all(queued)).toEqual(['done 2', 'done 3']);
  });

  it('fails a batch whose run answers with the wrong number of results instead of mismatching them', async () => {
    const batcher = new Batcher(async (items: number[]) => items.slice(1), { maxBatch: 4, maxInFlight: 1 });
    await expect(batcher.submit(1)).rejects.toThrow('batch of 1 answered with 0 results');
  });
});
