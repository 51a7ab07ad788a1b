import { DateTime } from 'luxon';
import { LocalClockFormat } from './local-clock-format.js';

describe('LocalClockFormat', () => {
  it.each(['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'UTC'])(
    'agrees with luxon every 37 minutes across a whole year in %s, DST changes included',
    (zone) => {
      const format = new LocalClockFormat(zone);
      const start = Date.parse('2026-01-01T00:00:00Z');
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 37 * 60_000) {
        const expected = DateTime.fromMillis(ms, { zone });
        const parts = format.parts(ms);
        const parsed = DateTime.fromISO(parts.iso, { setZone: true });
        const same = parsed.toMillis() === ms && parsed.offset === expected.offset && parts.iso.slice(0, 23) === expected.toISO()!.slice(0, 23);
        if (!same || parts.time !== expected.toFormat('HH:mm') || parts.date !== expected.toISODate()) {
          throw new Error(`${zone} at ${new Date(ms).toISOString()}: ${JSON.stringify(parts)} vs ${expected.toISO()}`);
        }
      }
    },
  );

  it('refuses an unknown zone', () => {
    expect(() => new LocalClockFormat('Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});
