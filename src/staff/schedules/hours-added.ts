import type { HoursAdded } from '../../outbox/hours-added.event.js';

/** A weekly rule as staff see it (local 'HH:mm' times, 'YYYY-MM-DD' dates). */
export interface RuleShape {
  providerId: string; locationId: string | null; weekday: number; startTime: string; endTime: string;
  validFrom: string | null; validTo: string | null; serviceIds: string[]; slotStepMinutes: number;
}

/** A dated exception as staff see it; null times = the whole day. */
export interface ExceptionShape {
  kind: string; providerId: string | null; locationId: string | null; startsOn: string; endsOn: string;
  startTime: string | null; endTime: string | null; serviceIds: string[]; slotStepMinutes: number;
}

/**
 * Whether an edit of a weekly rule (null before = created, null after = deleted) may have added
 * bookable time, and where. A new rule adds its hours; an edit adds time only when it widens the
 * rule (earlier start, later end, longer validity, more services, a finer grid of start times) or
 * moves it elsewhere. Deleting or narrowing adds nothing.
 */
export function ruleHoursAdded(before: RuleShape | null, after: RuleShape | null): HoursAdded | null {
  if (!after || (before && !ruleWidens(before, after))) return null;
  return { providerId: after.providerId, locationId: after.locationId, serviceIds: after.serviceIds, from: after.validFrom, to: after.validTo };
}

/**
 * The same for a dated exception. closed/holiday/staff_block take time away, so deleting one, or
 * editing it so it no longer covers what it did, gives that time back (for every provider when it
 * named none); extra_hours add time, so creating one, or widening it, adds it. One edit can do both
 * (a closure turned into extra hours).
 */
export function exceptionHoursAdded(before: ExceptionShape | null, after: ExceptionShape | null): HoursAdded[] {
  const added: HoursAdded[] = [];
  if (before && removes(before) && !(after && removes(after) && removalCovers(after, before))) {
    added.push({ providerId: before.providerId, locationId: before.locationId, serviceIds: [], from: before.startsOn, to: before.endsOn });
  }
  if (after && !removes(after) && !(before && !removes(before) && extraHoursCover(before, after))) {
    added.push({ providerId: after.providerId, locationId: after.locationId, serviceIds: after.serviceIds, from: after.startsOn, to: after.endsOn });
  }
  return added;
}

function ruleWidens(before: RuleShape, after: RuleShape): boolean {
  if (before.providerId !== after.providerId || before.locationId !== after.locationId || before.weekday !== after.weekday) return true;
  return after.startTime < before.startTime || after.endTime > before.endTime
    || (after.validFrom ?? '') < (before.validFrom ?? '') || (after.validTo ?? '9999-12-31') > (before.validTo ?? '9999-12-31')
    || !servicesCover(before.serviceIds, after.serviceIds) || !gridCovers(before.slotStepMinutes, after.slotStepMinutes);
}

const removes = (e: ExceptionShape): boolean => e.kind !== 'extra_hours';

/**
 * Does removal `outer` take away at least everything `inner` did? Same reach (provider, location),
 * dates and times; and if `inner` also cancelled extra hours, so must `outer` (the slot engine's
 * removesExtraHours: a staff block, or a removal naming the provider).
 */
function removalCovers(outer: ExceptionShape, inner: ExceptionShape): boolean {
  const cancelsExtraHours = (e: ExceptionShape) => e.kind === 'staff_block' || e.providerId !== null;
  return (outer.providerId === null || outer.providerId === inner.providerId)
    && (outer.locationId === null || outer.locationId === inner.locationId)
    && (!cancelsExtraHours(inner) || cancelsExtraHours(outer))
    && datesCover(outer, inner) && timesCover(outer, inner);
}

/** Do the extra hours `outer` already include everything `inner` adds? */
function extraHoursCover(outer: ExceptionShape, inner: ExceptionShape): boolean {
  return outer.providerId === inner.providerId && outer.locationId === inner.locationId
    && datesCover(outer, inner) && timesCover(outer, inner)
    && servicesCover(outer.serviceIds, inner.serviceIds) && gridCovers(outer.slotStepMinutes, inner.slotStepMinutes);
}

function datesCover(outer: ExceptionShape, inner: ExceptionShape): boolean {
  return outer.startsOn <= inner.startsOn && outer.endsOn >= inner.endsOn;
}

function timesCover(outer: ExceptionShape, inner: ExceptionShape): boolean {
  if (outer.startTime === null || outer.endTime === null) return true;
  if (inner.startTime === null || inner.endTime === null) return false;
  return outer.startTime <= inner.startTime && outer.endTime >= inner.endTime;
}

/** Empty = every service. */
function servicesCover(outer: string[], inner: string[]): boolean {
  if (outer.length === 0) return true;
  return inner.length > 0 && inner.every((s) => outer.includes(s));
}

/** Every start time on the inner grid is on the outer one when the inner step is a multiple of the outer (same anchor). */
function gridCovers(outerStep: number, innerStep: number): boolean {
  return innerStep % outerStep === 0;
}
