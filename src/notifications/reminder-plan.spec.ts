import { noShowCheckAt, notificationJobId, planNotifications } from './reminder-plan.js';

const offsets = [4320, 1440, 120];

describe('planNotifications', () => {
  it('4 days ahead: a confirmation now and reminders 72 h, 24 h and 2 h before', () => {
    const now = new Date('2026-11-21T15:00:00Z');
    const start = new Date('2026-11-25T19:30:00Z');
    expect(planNotifications(start, offsets, now, 'confirmation')).toEqual([
      { kind: 'confirmation', offsetMinutes: null, sendAt: now },
      { kind: 'reminder', offsetMinutes: 4320, sendAt: new Date('2026-11-22T19:30:00Z') },
      { kind: 'reminder', offsetMinutes: 1440, sendAt: new Date('2026-11-24T19:30:00Z') },
      { kind: 'reminder', offsetMinutes: 120, sendAt: new Date('2026-11-25T17:30:00Z') },
    ]);
  });

  it('3 hours ahead: only the 2-hour reminder is still in the future', () => {
    const now = new Date('2026-11-21T15:00:00Z');
    const plan = planNotifications(new Date('2026-11-21T18:00:00Z'), offsets, now, 'confirmation');
    expect(plan.map((p) => [p.kind, p.offsetMinutes])).toEqual([['confirmation', null], ['reminder', 120]]);
  });

  it('counts offsets in elapsed time across a DST change (24 h before is 23 wall-clock hours earlier)', () => {
    // Clocks went back on 1 Nov 2026 in New York. 24 h before Mon 2 Nov 10:00 EST (15:00Z) is exactly
    // 1 Nov 15:00Z — the same instant arithmetic, whatever the wall clock did in between.
    const start = new Date('2026-11-02T15:00:00Z');
    const plan = planNotifications(start, [1440], new Date('2026-10-30T12:00:00Z'), 'confirmation');
    expect(plan[1]!.sendAt.toISOString()).toBe('2026-11-01T15:00:00.000Z');
  });

  it('ignores duplicate and non-positive offsets', () => {
    const plan = planNotifications(new Date('2026-12-01T00:00:00Z'), [120, 120, 0, -5], new Date('2026-11-21T00:00:00Z'), 'reschedule_confirmation');
    expect(plan.map((p) => p.offsetMinutes)).toEqual([null, 120]);
    expect(plan[0]!.kind).toBe('reschedule_confirmation');
  });

  it('derives stable job ids and the no-show check time', () => {
    expect(notificationJobId('a1', 'reminder', 120)).toBe('notify-reminder-a1-120');
    expect(notificationJobId('a1', 'confirmation', null)).toBe('notify-confirmation-a1');
    expect(noShowCheckAt(new Date('2026-11-25T19:30:00Z')).toISOString()).toBe('2026-11-25T19:45:00.000Z');
  });
});
