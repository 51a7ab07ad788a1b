import type { ScheduleException, WeeklyRule } from '../../availability/engine/index.js';
import { localDays, reportRange } from '../report-range.js';
import { availableMinutes } from './available-minutes.js';

const rule = (weekday: number, startTime: string, endTime: string, extra: Partial<WeeklyRule> = {}): WeeklyRule => ({
  providerId: 'p1', locationId: 'l1', timezone: 'America/New_York', weekday, startTime, endTime, validFrom: null, validTo: null, serviceIds: [], stepMinutes: 15, ...extra,
});

describe('availableMinutes (from the slot engine\'s working time)', () => {
  const days = localDays(reportRange('2026-10-26', '2026-11-08', 'America/New_York')); // two weeks, DST ends Sun 1 Nov

  it('counts weekly hours per local day, the same length on both sides of the DST change', () => {
    const rows = availableMinutes({ providers: [{ providerId: 'p1', rules: [rule(1, '09:00', '17:00')] }], exceptions: [], days, serviceId: null });
    expect(rows).toEqual([
      { providerId: 'p1', locationId: 'l1', date: '2026-10-26', minutes: 480 },
      { providerId: 'p1', locationId: 'l1', date: '2026-11-02', minutes: 480 },
    ]);
  });

  it('removes closures and staff blocks, adds extra hours', () => {
    const exceptions: ScheduleException[] = [
      { kind: 'staff_block', providerId: 'p1', locationId: 'l1', timezone: 'America/New_York', startsOn: '2026-10-26', endsOn: '2026-10-26', startTime: '12:00', endTime: '13:30', serviceIds: [], stepMinutes: 15 },
      { kind: 'holiday', providerId: null, locationId: null, timezone: 'America/New_York', startsOn: '2026-11-02', endsOn: '2026-11-02', startTime: null, endTime: null, serviceIds: [], stepMinutes: 15 },
      { kind: 'extra_hours', providerId: 'p1', locationId: 'l1', timezone: 'America/New_York', startsOn: '2026-10-31', endsOn: '2026-10-31', startTime: '10:00', endTime: '12:00', serviceIds: [], stepMinutes: 15 },
    ];
    const rows = availableMinutes({ providers: [{ providerId: 'p1', rules: [rule(1, '09:00', '17:00')] }], exceptions, days, serviceId: null });
    expect(rows.map((r) => [r.date, r.minutes]).sort()).toEqual([['2026-10-26', 390], ['2026-10-31', 120]]);
  });

  it('without a service filter counts hours limited to some services; with one, only the hours that allow it', () => {
    const rules = [rule(2, '09:00', '12:00', { serviceIds: ['physio'] }), rule(2, '13:00', '15:00')];
    const all = availableMinutes({ providers: [{ providerId: 'p1', rules }], exceptions: [], days, serviceId: null });
    const other = availableMinutes({ providers: [{ providerId: 'p1', rules }], exceptions: [], days, serviceId: 'checkup' });
    expect(all.map((r) => r.minutes)).toEqual([300, 300]);
    expect(other.map((r) => r.minutes)).toEqual([120, 120]);
  });
});
