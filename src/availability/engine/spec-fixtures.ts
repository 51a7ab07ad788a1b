import type { ServiceSpec, WeeklyRule } from './types.js';

// Builders shared by the engine's spec files: a plain 30-minute service and a weekly rule, with
// only what a test is about given explicitly.

export function serviceSpec(over: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    id: 'consult', durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, roomKind: null,
    minNoticeMinutes: 0, maxAdvanceDays: 365, newPatientOnly: false, ...over,
  };
}

export function weeklyRule(rule: Pick<WeeklyRule, 'providerId' | 'timezone' | 'weekday' | 'startTime' | 'endTime'> & Partial<WeeklyRule>): WeeklyRule {
  return { locationId: 'main', validFrom: null, validTo: null, serviceIds: [], stepMinutes: 15, ...rule };
}
