import { exceptionHoursAdded, type ExceptionShape, ruleHoursAdded, type RuleShape } from './hours-added.js';

const rule: RuleShape = {
  providerId: 'dr-a', locationId: 'main', weekday: 2, startTime: '09:00', endTime: '12:00',
  validFrom: null, validTo: null, serviceIds: [], slotStepMinutes: 15,
};
const extra: ExceptionShape = {
  kind: 'extra_hours', providerId: 'dr-a', locationId: 'main', startsOn: '2027-03-20', endsOn: '2027-03-20',
  startTime: '09:00', endTime: '11:00', serviceIds: [], slotStepMinutes: 15,
};
const block: ExceptionShape = { ...extra, kind: 'staff_block', startTime: '13:00', endTime: '15:00' };
const holiday: ExceptionShape = { ...extra, kind: 'holiday', providerId: null, locationId: null, startTime: null, endTime: null, startsOn: '2027-12-24', endsOn: '2027-12-26' };

describe('ruleHoursAdded', () => {
  const adds = { providerId: 'dr-a', locationId: 'main', serviceIds: [], from: null, to: null };
  it.each<[string, RuleShape | null, RuleShape | null, object | null]>([
    ['a new rule adds its hours', null, rule, adds],
    ['a deleted rule adds nothing', rule, null, null],
    ['an earlier start adds', rule, { ...rule, startTime: '08:00' }, adds],
    ['a later end adds', rule, { ...rule, endTime: '13:00' }, adds],
    ['a narrower rule adds nothing', rule, { ...rule, startTime: '10:00', endTime: '11:00' }, null],
    ['another weekday adds', rule, { ...rule, weekday: 3 }, adds],
    ['another location adds', rule, { ...rule, locationId: 'north' }, { ...adds, locationId: 'north' }],
    ['a shorter validity adds nothing', rule, { ...rule, validFrom: '2027-04-01', validTo: '2027-06-30' }, null],
    ['a longer validity adds, within the new dates', { ...rule, validTo: '2027-04-30' }, { ...rule, validTo: '2027-06-30' }, { ...adds, to: '2027-06-30' }],
    ['an earlier validFrom adds', { ...rule, validFrom: '2027-04-01' }, { ...rule, validFrom: '2027-03-15' }, { ...adds, from: '2027-03-15' }],
    ['opening a service-limited rule to every service adds', { ...rule, serviceIds: ['physio'] }, rule, adds],
    ['limiting it to fewer services adds nothing', { ...rule, serviceIds: ['physio', 'follow-up'] }, { ...rule, serviceIds: ['physio'] }, null],
    ['a finer grid of start times adds', { ...rule, slotStepMinutes: 30 }, { ...rule, slotStepMinutes: 15 }, adds],
    ['a coarser grid adds nothing', rule, { ...rule, slotStepMinutes: 30 }, null],
    ['an unchanged rule adds nothing', rule, { ...rule }, null],
  ])('%s', (_, before, after, expected) => {
    expect(ruleHoursAdded(before, after)).toEqual(expected);
  });
});

describe('exceptionHoursAdded', () => {
  const extraAdds = { providerId: 'dr-a', locationId: 'main', serviceIds: [], from: '2027-03-20', to: '2027-03-20' };
  const blockGone = { providerId: 'dr-a', locationId: 'main', serviceIds: [], from: '2027-03-20', to: '2027-03-20' };
  const holidayGone = { providerId: null, locationId: null, serviceIds: [], from: '2027-12-24', to: '2027-12-26' };
  it.each<[string, ExceptionShape | null, ExceptionShape | null, object[]]>([
    ['new extra hours add', null, extra, [extraAdds]],
    ['deleted extra hours add nothing', extra, null, []],
    ['widened extra hours add', extra, { ...extra, endTime: '12:00' }, [extraAdds]],
    ['extra hours on more dates add, over the new dates', extra, { ...extra, endsOn: '2027-03-21' }, [{ ...extraAdds, to: '2027-03-21' }]],
    ['narrowed extra hours add nothing', extra, { ...extra, startTime: '10:00' }, []],
    ['extra hours limited to a service add nothing', extra, { ...extra, serviceIds: ['physio'] }, []],
    ['a new staff block adds nothing', null, block, []],
    ['a new holiday adds nothing', null, holiday, []],
    ['a deleted staff block gives its time back', block, null, [blockGone]],
    ['a deleted clinic-wide holiday gives time back to every provider', holiday, null, [holidayGone]],
    ['a shortened staff block gives time back', block, { ...block, endTime: '14:00' }, [blockGone]],
    ['a longer staff block adds nothing', block, { ...block, startTime: '12:00' }, []],
    ['a holiday turned into a whole-day closure of the same days adds nothing', holiday, { ...holiday, kind: 'closed' }, []],
    ['a clinic-wide holiday narrowed to one location gives time back', holiday, { ...holiday, locationId: 'main' }, [holidayGone]],
    ['a staff block turned into a clinic-wide closure gives back the extra hours it cancelled', block, { ...block, kind: 'closed', providerId: null, startTime: null, endTime: null }, [blockGone]],
    ['only the reason changed: nothing', block, { ...block }, []],
    ['a block turned into extra hours: both', block, { ...block, kind: 'extra_hours' }, [blockGone, { ...extraAdds }]],
  ])('%s', (_, before, after, expected) => {
    expect(exceptionHoursAdded(before, after)).toEqual(expected);
  });
});
