import { localDateRange } from './index.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('localDateRange', () => {
  it('runs from the start of the first date to the end of the last, in the zone', () => {
    const r = localDateRange('2026-06-08', '2026-06-12', 'America/New_York');
    expect(iso(r.start)).toBe('2026-06-08T04:00:00.000Z');
    expect(iso(r.end)).toBe('2026-06-13T04:00:00.000Z');
  });

  it('is 23 h and 25 h long on DST change days', () => {
    const spring = localDateRange('2026-03-08', '2026-03-08', 'America/New_York');
    const autumn = localDateRange('2026-11-01', '2026-11-01', 'America/New_York');
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
  });

  it('handles half-hour offsets', () => {
    const r = localDateRange('2026-03-10', '2026-03-10', 'Asia/Kolkata');
    expect(iso(r.start)).toBe('2026-03-09T18:30:00.000Z');
    expect(iso(r.end)).toBe('2026-03-10T18:30:00.000Z');
  });

  it('starts after the gap when midnight does not exist (Santiago, 2026-09-06)', () => {
    expect(iso(localDateRange('2026-09-06', '2026-09-06', 'America/Santiago').start)).toBe('2026-09-06T04:00:00.000Z');
  });

  it.each([
    ['2026-06-10', '2026-06-09', 'UTC'],
    ['2026-13-01', '2026-13-02', 'UTC'],
    ['2026-06-10', '2026-06-10', 'Nowhere/Land'],
  ])('throws RangeError for %s … %s in %s', (from, to, zone) => {
    expect(() => localDateRange(from, to, zone)).toThrow(RangeError);
  });
});
