import { localDays, periodOf, ratio, reportRange } from './report-range.js';

describe('reportRange', () => {
  it('turns local dates into the zone\'s instants, the end exclusive', () => {
    const r = reportRange('2026-11-09', '2026-11-13', 'America/New_York');
    expect([r.start.toISOString(), r.end.toISOString()]).toEqual(['2026-11-09T05:00:00.000Z', '2026-11-14T05:00:00.000Z']);
  });

  it('spans the DST change correctly (Nov 1 2026 has 25 hours in New York)', () => {
    const r = reportRange('2026-10-31', '2026-11-01', 'America/New_York');
    expect([r.start.toISOString(), r.end.toISOString()]).toEqual(['2026-10-31T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(localDays(r).map((d) => [d.date, (d.end - d.start) / 3_600_000])).toEqual([['2026-10-31', 24], ['2026-11-01', 25]]);
  });

  it('refuses bad dates, reversed ranges and more than 400 days', () => {
    expect(() => reportRange('2026-02-30', '2026-03-01', 'UTC')).toThrow(/dates like/);
    expect(() => reportRange('2026-03-02', '2026-03-01', 'UTC')).toThrow(/not be after/);
    expect(() => reportRange('2025-01-01', '2026-03-01', 'UTC')).toThrow(/at most 400 days/);
  });

  it('names periods by their first local date (weeks start on Monday)', () => {
    const at = Date.parse('2026-11-12T04:30:00Z'); // Wed 11 Nov, 23:30 in New York
    expect(periodOf(at, { timezone: 'America/New_York', groupBy: 'day' })).toBe('2026-11-11');
    expect(periodOf(at, { timezone: 'America/New_York', groupBy: 'week' })).toBe('2026-11-09');
    expect(periodOf(at, { timezone: 'America/New_York', groupBy: 'month' })).toBe('2026-11-01');
  });

  it('ratio: 4 decimals, null without a denominator', () => {
    expect([ratio(1, 3), ratio(2, 3), ratio(0, 5), ratio(1, 0)]).toEqual([0.3333, 0.6667, 0, null]);
  });
});
