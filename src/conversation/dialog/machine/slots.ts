import { addDays, daysBetween, localDate, minutesOfDay } from '../format/local-time.js';
import { dayPhraseFor, formatClock, formatDate, formatTime } from '../format/time-format.js';
import type { SlotsHeader } from '../messages/catalog.js';
import type { WhenPreference } from '../nlu/dates.js';
import type { PartOfDay, SearchCriteria, SlotOption } from '../types.js';
import { type BookingDraft, type DialogContext, type SearchWindow, serviceById, serviceName, turnOf } from './context.js';
import { catalog } from './outbox.js';

/**
 * Which slots to ask for, which to show first, and how to label them. A wish ("Thursday after 2")
 * is searched as asked; if nothing fits, the following week without the time limits, shown
 * nearest-first; if that is empty too, the waitlist is offered.
 */

export const PAGE_SIZE = 5;
export const SEARCH_LIMIT = 20;
const WIDEN_DAYS = 7;

const PARTS: Record<PartOfDay, [number, number]> = { morning: [0, 12 * 60], afternoon: [12 * 60, 17 * 60], evening: [17 * 60, 24 * 60] };

export function windowFor(draft: BookingDraft, phase: SearchWindow['phase'], today: string): SearchWindow {
  const when = draft.when!;
  const from = when.fromDate < today ? today : when.fromDate;
  const to = when.toDate < from ? from : when.toDate;
  if (phase === 'fallback') return { phase, fromDate: from, toDate: addDays(to, WIDEN_DAYS) };
  if (phase === 'more') {
    const after = draft.search ? addDays(draft.search.toDate, 1) : addDays(to, 1);
    return { phase, fromDate: after, toDate: addDays(after, WIDEN_DAYS - 1) };
  }
  return { phase, fromDate: from, toDate: to };
}

export function criteriaFor(draft: BookingDraft, window: SearchWindow): SearchCriteria {
  const keepTime = window.phase !== 'fallback';
  return {
    serviceId: draft.serviceId!,
    providerId: draft.anyProvider ? null : draft.providerId,
    locationId: draft.locationId,
    fromDate: window.fromDate,
    toDate: window.toDate,
    partOfDay: keepTime ? (draft.when?.partOfDay ?? null) : null,
    notBeforeMinutes: keepTime ? (draft.when?.notBeforeMinutes ?? null) : null,
    limit: SEARCH_LIMIT,
  };
}

/** Minutes away from the wish: whole days count as a day of minutes, so the asked day comes first. */
function distance(slot: SlotOption, when: WhenPreference | null): number {
  if (!when) return 0;
  const date = localDate(slot.start, slot.timezone);
  const dayGap = date < when.fromDate ? daysBetween(date, when.fromDate) : date > when.toDate ? daysBetween(when.toDate, date) : 0;
  const minutes = minutesOfDay(slot.start, slot.timezone);
  let timeGap = 0;
  if (when.partOfDay) {
    const [lo, hi] = PARTS[when.partOfDay];
    timeGap = minutes < lo ? lo - minutes : minutes >= hi ? minutes - hi + 1 : 0;
  }
  if (when.notBeforeMinutes !== null && minutes < when.notBeforeMinutes) timeGap = Math.max(timeGap, when.notBeforeMinutes - minutes);
  return dayGap * 24 * 60 + timeGap;
}

/** Valid, de-duplicated slots, nearest to the wish first (then earliest). */
export function rankSlots(slots: readonly SlotOption[], when: WhenPreference | null): SlotOption[] {
  const seen = new Set<string>();
  const valid = slots.filter((s) => {
    if (!s || typeof s.start !== 'number' || typeof s.end !== 'number' || !Number.isFinite(s.start) || typeof s.providerId !== 'string') return false;
    const key = `${s.start}|${s.providerId}|${s.locationId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return valid
    .map((slot) => ({ slot, score: distance(slot, when) }))
    .sort((a, b) => a.score - b.score || a.slot.start - b.slot.start)
    .slice(0, SEARCH_LIMIT)
    .map((entry) => entry.slot);
}

/** One page of offered slots, shown in time order. */
export function pageOf(found: readonly SlotOption[], page: number): SlotOption[] {
  return found.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE).sort((a, b) => a.start - b.start);
}

export function slotChoiceId(slot: SlotOption): string {
  return `slot:${slot.start.toString(36)}:${slot.providerId}`;
}

interface Sameness {
  day: boolean;
  provider: boolean;
  location: boolean;
}

function sameness(slots: readonly SlotOption[]): Sameness {
  const first = slots[0];
  if (!first) return { day: true, provider: true, location: true };
  const day = localDate(first.start, first.timezone);
  return {
    day: slots.every((s) => localDate(s.start, s.timezone) === day),
    provider: slots.every((s) => s.providerId === first.providerId),
    location: slots.every((s) => s.locationId === first.locationId),
  };
}

/** "2:30 pm", "Thu 26 Nov, 2:30 pm", "9:00 am Dr. Patel (Northside)": only what differs between the offered slots. */
export function slotLabels(ctx: DialogContext, slots: readonly SlotOption[]): string[] {
  const cat = catalog(ctx);
  const same = sameness(slots);
  return slots.map((s) => {
    const time = formatTime(s.start, s.timezone, cat);
    let label = same.day ? time : `${formatDate(localDate(s.start, s.timezone), cat)}, ${time}`;
    if (!same.provider) label += ` ${s.providerShortName}`;
    if (!same.location) label += ` (${s.locationName ?? cat.video})`;
    return label;
  });
}

/** What could not be met, for "Nothing free on Thu 26 Nov after 2:00 pm". */
function wish(ctx: DialogContext, when: WhenPreference | null): string | null {
  if (!when) return null;
  const cat = catalog(ctx);
  const turn = turnOf(ctx);
  const parts = [
    when.singleDay ? cat.dayPhrase(dayPhraseFor(when.fromDate, turn.now, turn.timezone, cat)) : null,
    when.partOfDay ? cat.partOfDay(when.partOfDay) : null,
    when.notBeforeMinutes !== null ? cat.after(formatClock(when.notBeforeMinutes, cat)) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

export function slotsHeader(ctx: DialogContext): SlotsHeader {
  const draft = ctx.booking;
  const slots = draft.offered;
  const same = sameness(slots);
  const first = slots[0];
  const cat = catalog(ctx);
  const turn = turnOf(ctx);
  const service = serviceById(ctx, draft.serviceId);
  let kind = draft.header;
  if (kind === 'day' && !same.day) kind = 'nearest';
  return {
    kind,
    provider: same.provider && first ? cat.provider(first.providerShortName) : null,
    service: service ? serviceName(ctx, service) : (first?.serviceName ?? ''),
    day: same.day && first ? dayPhraseFor(localDate(first.start, first.timezone), turn.now, turn.timezone, cat) : null,
    place: same.location && first ? first.locationName : null,
    video: same.location && !!first && first.locationName === null,
    wish: wish(ctx, draft.when),
  };
}
