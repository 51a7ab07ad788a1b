import { dateColumnToLocal, timeColumnToLocal } from '../common/local-time.js';
import type { ProviderSchedule, ScheduleException, ServiceSpec } from './engine/index.js';

/** Maps database rows to the slot engine's plain inputs (no Prisma types cross into the engine). */
export interface RuleRow {
  providerId: string; locationId: string | null; weekday: number; startTime: Date; endTime: Date;
  validFrom: Date | null; validTo: Date | null; serviceIds: string[]; slotStepMinutes: number; location: { timezone: string } | null;
}
export interface ExceptionRow {
  kind: ScheduleException['kind']; providerId: string | null; locationId: string | null; startsOn: Date; endsOn: Date;
  startTime: Date | null; endTime: Date | null; serviceIds: string[]; slotStepMinutes: number; location: { timezone: string } | null;
}
export interface ServiceRow {
  id: string; durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number; roomKind: string | null;
  minNoticeMinutes: number | null; maxAdvanceDays: number | null; newPatientOnly: boolean;
}
export interface ClinicLimits { timezone: string; minNoticeMinutes: number; maxAdvanceDays: number }

export function toProviderSchedules(providers: { id: string; availabilityRules: RuleRow[] }[], clinicTimezone: string): ProviderSchedule[] {
  return providers.map((p) => ({ providerId: p.id, rules: p.availabilityRules.map((r) => toRule(p.id, r, clinicTimezone)) }));
}

type Rule = ProviderSchedule['rules'][number];

/**
 * Converted rules, by row: a cached schedule's rows are checked again and again (every booking and
 * search of a busy clinic), and converting their time columns was a few per cent of a booking's CPU.
 * Rows are never changed after loading; the engine only reads rules.
 */
const converted = new WeakMap<RuleRow, { clinicTimezone: string; rule: Rule }>();

function toRule(providerId: string, r: RuleRow, clinicTimezone: string): Rule {
  const known = converted.get(r);
  if (known?.clinicTimezone === clinicTimezone && known.rule.providerId === providerId) return known.rule;
  const rule: Rule = {
    providerId,
    locationId: r.locationId,
    timezone: r.location?.timezone ?? clinicTimezone,
    weekday: r.weekday,
    startTime: timeColumnToLocal(r.startTime),
    endTime: timeColumnToLocal(r.endTime),
    validFrom: r.validFrom ? dateColumnToLocal(r.validFrom) : null,
    validTo: r.validTo ? dateColumnToLocal(r.validTo) : null,
    serviceIds: r.serviceIds,
    stepMinutes: r.slotStepMinutes,
  };
  converted.set(r, { clinicTimezone, rule: Object.freeze(rule) });
  return rule;
}

export function toExceptions(rows: ExceptionRow[], clinicTimezone: string): ScheduleException[] {
  return rows.map((e) => ({
    kind: e.kind,
    providerId: e.providerId,
    locationId: e.locationId,
    timezone: e.location?.timezone ?? clinicTimezone,
    startsOn: dateColumnToLocal(e.startsOn),
    endsOn: dateColumnToLocal(e.endsOn),
    startTime: e.startTime ? timeColumnToLocal(e.startTime) : null,
    endTime: e.endTime ? timeColumnToLocal(e.endTime) : null,
    serviceIds: e.serviceIds,
    stepMinutes: e.slotStepMinutes,
  }));
}

/** The service's own limits override the clinic's. */
export function toServiceSpec(service: ServiceRow, clinic: ClinicLimits): ServiceSpec {
  return {
    id: service.id,
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    roomKind: service.roomKind,
    minNoticeMinutes: service.minNoticeMinutes ?? clinic.minNoticeMinutes,
    maxAdvanceDays: service.maxAdvanceDays ?? clinic.maxAdvanceDays,
    newPatientOnly: service.newPatientOnly,
  };
}
