import { DateTime, IANAZone } from 'luxon';
import { installLuxonOffsetCache } from './luxon-offset-cache.js';

describe('installLuxonOffsetCache', () => {
  // Luxon's own answers before the cache is installed, for instants around DST changes and in odd zones.
  const zones = ['America/New_York', 'Europe/Madrid', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Europe/Dublin'];
  const instants: number[] = [];
  for (const year of [1883, 1950, 2026, 2027]) {
    const start = Date.UTC(year, 0, 1);
    for (let i = 0; i < 2_000; i++) instants.push(start + i * 4 * 3_600_000 + (i % 7) * 60_001);
  }
  // Both sides of the 2026 US and EU changes, to the millisecond.
  for (const edge of [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) instants.push(edge - 1, edge, edge + 1);
  const expected = zones.map((zone) => instants.map((ts) => IANAZone.create(zone).offset(ts)));

  it('gives exactly the offsets luxon computes, also at transitions and in zones with odd offsets', () => {
    installLuxonOffsetCache();
    for (const [z, zone] of zones.entries()) {
      // Twice: the first pass fills the cache, the second answers from it.
      for (let pass = 0; pass < 2; pass++) expect(instants.map((ts) => IANAZone.create(zone).offset(ts))).toEqual(expected[z]);
    }
    expect(DateTime.fromMillis(Date.UTC(2026, 10, 1, 5, 59), { zone: 'America/New_York' }).toISO()).toBe('2026-11-01T01:59:00.000-04:00');
    expect(DateTime.fromMillis(Date.UTC(2026, 10, 1, 6, 0), { zone: 'America/New_York' }).toISO()).toBe('2026-11-01T01:00:00.000-05:00');
  });
});
