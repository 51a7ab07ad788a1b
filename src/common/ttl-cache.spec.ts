import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('loads once within the ttl and again after it', async () => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<number>(1000, 10, () => now);
    const load = async () => ++loads;
    expect(await cache.getOrLoad('k', load)).toBe(1);
    now = 999;
    expect(await cache.getOrLoad('k', load)).toBe(1);
    now = 1000;
    expect(await cache.getOrLoad('k', load)).toBe(2);
  });

  it('shares one load between concurrent misses and forgets failures', async () => {
    let loads = 0;
    const cache = new TtlCache<number>(1000);
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++loads), 5));
    expect(await Promise.all([cache.getOrLoad('k', slow), cache.getOrLoad('k', slow)])).toEqual([1, 1]);
    await expect(cache.getOrLoad('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.getOrLoad('bad', async () => 7)).toBe(7);
  });

  it('stays within its size bound', async () => {
    const cache = new TtlCache<number>(10_000, 3);
    for (let i = 0; i < 10; i++) await cache.getOrLoad(`k${i}`, async () => i);
    let reloaded = 0;
    await cache.getOrLoad('k0', async () => ++reloaded);
    expect(reloaded).toBe(1);
  });
});
