import { localDate, minutesOfDay } from '../../format/local-time.js';
import { formatDate, formatRange, formatTime, shortAddress } from '../../format/time-format.js';
import { parseDateOfBirth } from '../../nlu/dob.js';
import type { Understanding } from '../../nlu/understand.js';
import type { EffectResult, SlotOption } from '../../types.js';
import { CHOICE, idAfter } from '../choice-ids.js';
import {
  type BookingDraft, type DialogContext, emptyDraft, needsPatientDetails, providerById, turnOf,
} from '../context.js';
import { catalog, emit, request, say, withLead } from '../outbox.js';
import { providersFor } from '../prompts.js';
import { criteriaFor, pageOf, PAGE_SIZE, rankSlots, slotChoiceId, windowFor } from '../slots.js';
import { personNameFrom } from '../person-name-from.js';


/** Booking actions: gather service, provider and day; search; hold; collect details; book. */

const withDraft = (ctx: DialogContext, patch: Partial<BookingDraft>): DialogContext => ({ ...ctx, booking: { ...ctx.booking, ...patch } });

/** Drops the current hold on the clinic's side (the patient moved on). */
export function releaseHeldSlot(ctx: DialogContext): DialogContext {
  const hold = ctx.booking.hold;
  if (!hold) return ctx;
  return withDraft(emit(ctx, { kind: 'releaseHold', holdToken: hold.token }), { hold: null });
}

const RESET_SEARCH: Partial<BookingDraft> = {
  search: null, searchPhase: 'primary', found: [], page: 0, offered: [], header: 'day', chosen: null,
  suggestedServiceId: null, suggestedProviderIds: [],
};

/** Applies whatever the message says about service, provider, place and day; the route then asks for the rest. */
export function applyFacts(ctx: DialogContext, u: Understanding): DialogContext {
  const cat = catalog(ctx);
  let next = releaseHeldSlot(ctx);
  const d: BookingDraft = { ...next.booking, ...RESET_SEARCH };
  if (u.serviceId && u.serviceId !== d.serviceId) {
    d.serviceId = u.serviceId;
    d.serviceCandidates = [];
    // A provider the bot picked for the old service may not fit the new one: pick again.
    if (d.providerAuto) {
      d.providerId = null;
      d.providerAuto = false;
    }
  } else if (!u.serviceId && u.serviceCandidates.length > 1) {
    d.serviceId = null;
    d.serviceCandidates = u.serviceCandidates;
  }
  if (u.providerId) {
    d.providerId = u.providerId;
    d.anyProvider = false;
    d.providerAuto = false;
  } else if (u.anyProvider && (u.choice.id === null || u.choice.id === CHOICE.anyProvider)) {
    d.providerId = null;
    d.anyProvider = true;
    d.providerAuto = false;
  } else if (u.unknownProvider) {
    d.providerId = null;
    d.anyProvider = false;
    d.providerAuto = false;
    next = withLead(next, cat.unknownProvider(u.unknownProvider));
  }
  if (u.locationId) d.locationId = u.locationId;
  if (u.when) {
    d.when = u.when;
  } else if (u.invalidDate) {
    d.when = null;
    next = withLead(next, cat.invalidDate);
  }
  return { ...next, booking: d };
}

export function startBooking(ctx: DialogContext, u: Understanding | null): DialogContext {
  const fresh = releaseHeldSlot(ctx);
  const next: DialogContext = { ...fresh, booking: emptyDraft(), target: null };
  return u ? applyFacts(next, u) : next;
}

/** Entering the route: if only one provider offers the chosen service, that is the provider. */
export function autoPickProvider(ctx: DialogContext): DialogContext {
  const d = ctx.booking;
  if (!d.serviceId || d.providerId || d.anyProvider) return ctx;
  const ids = providersFor(ctx, d.serviceId);
  return ids.length === 1 ? withDraft(ctx, { providerId: ids[0]!, providerAuto: true }) : ctx;
}

export function chooseService(ctx: DialogContext, u: Understanding): DialogContext {
  const id = idAfter('svc', u.choice.id);
  return id ? withDraft(ctx, { serviceId: id, serviceCandidates: [], ...RESET_SEARCH }) : ctx;
}

export function chooseProvider(ctx: DialogContext, u: Understanding): DialogContext {
  const id = idAfter('prov', u.choice.id);
  if (id === 'any' || (!id && u.anyProvider)) return withDraft(ctx, { providerId: null, anyProvider: true, providerAuto: false, ...RESET_SEARCH });
  return id ? withDraft(ctx, { providerId: id, anyProvider: false, providerAuto: false, ...RESET_SEARCH }) : ctx;
}

/** For a returning patient asking for a new-patient-only service: the follow-up (or any service they can have). */
export function suggestService(ctx: DialogContext): DialogContext {
  const turn = turnOf(ctx);
  const provider = providerById(ctx, ctx.booking.providerId);
  const allowed = turn.services.filter((s) => !s.newPatientOnly && (!provider || provider.serviceIds.includes(s.id)));
  const pick = allowed.find((s) => s.code === 'follow-up') ?? allowed[0] ?? null;
  return withDraft(ctx, { suggestedServiceId: pick?.id ?? null });
}

export function suggestProviders(ctx: DialogContext): DialogContext {
  return withDraft(ctx, { suggestedProviderIds: providersFor(ctx, ctx.booking.serviceId) });
}

export function takeSuggestion(ctx: DialogContext, u: Understanding): DialogContext {
  const d = ctx.booking;
  const provider = idAfter('prov', u.choice.id);
  if (provider) return withDraft(ctx, { providerId: provider, anyProvider: false, providerAuto: false });
  if (d.suggestedProviderIds.length === 1) return withDraft(ctx, { providerId: d.suggestedProviderIds[0]!, anyProvider: false, providerAuto: false });
  if (d.suggestedServiceId) return withDraft(ctx, { serviceId: d.suggestedServiceId, serviceCandidates: [] });
  return ctx;
}

export function clearService(ctx: DialogContext): DialogContext {
  return withDraft(releaseHeldSlot(ctx), { serviceId: null, serviceCandidates: [], providerAuto: false, ...RESET_SEARCH });
}

export function clearProvider(ctx: DialogContext): DialogContext {
  return withDraft(releaseHeldSlot(ctx), { providerId: null, anyProvider: false, providerAuto: false, ...RESET_SEARCH });
}

export function clearWhen(ctx: DialogContext): DialogContext {
  return withDraft(releaseHeldSlot(ctx), { when: null, ...RESET_SEARCH });
}

// ── search ──────────────────────────────────────────────────────────────────────────────────────

export function requestSearch(ctx: DialogContext): DialogContext {
  const turn = turnOf(ctx);
  const window = windowFor(ctx.booking, ctx.booking.searchPhase, localDate(turn.now, turn.timezone));
  const next = withDraft(ctx, { search: window });
  return request(next, { kind: 'searchSlots', criteria: criteriaFor(next.booking, window) });
}

export function searchAgain(ctx: DialogContext, phase: BookingDraft['searchPhase']): DialogContext {
  return withDraft(ctx, { searchPhase: phase });
}

export function storeSlots(ctx: DialogContext, slots: readonly SlotOption[], header: BookingDraft['header'] | null): DialogContext {
  const d = ctx.booking;
  const found = rankSlots(slots, d.when);
  const phase = d.search?.phase ?? 'primary';
  const kind = header ?? (phase === 'fallback' ? 'fallback' : phase === 'more' ? 'more' : d.when?.singleDay ? 'day' : 'nearest');
  return withDraft(ctx, { found, page: 0, offered: pageOf(found, 0), header: kind, chosen: null });
}

export function searchResultSlots(result: EffectResult | null): SlotOption[] {
  if (!result || !result.ok) return result?.alternatives ?? [];
  return result.kind === 'searchSlots' && Array.isArray(result.slots) ? result.slots : [];
}

export function hasMorePages(ctx: DialogContext): boolean {
  return (ctx.booking.page + 1) * PAGE_SIZE < ctx.booking.found.length;
}

export function nextPage(ctx: DialogContext): DialogContext {
  const page = ctx.booking.page + 1;
  return withDraft(ctx, { page, offered: pageOf(ctx.booking.found, page), header: 'more' });
}

/** The offered slot a message picks: by tapped/numbered choice, or by the time typed ("2:30 pm"). */
export function pickedSlot(ctx: DialogContext, u: Understanding): SlotOption | null {
  const offered = ctx.booking.offered;
  if (u.choice.id?.startsWith('slot:')) return offered.find((s) => slotChoiceId(s) === u.choice.id) ?? null;
  if (u.choice.id === null && u.clock !== null && !u.when?.singleDay) {
    return offered.find((s) => minutesOfDay(s.start, s.timezone) === u.clock) ?? null;
  }
  return null;
}

export function chooseSlot(ctx: DialogContext, u: Understanding): DialogContext {
  return withDraft(ctx, { chosen: pickedSlot(ctx, u) });
}

// ── hold ────────────────────────────────────────────────────────────────────────────────────────

/** Holds the chosen slot, dropping the previous hold in the same call. */
export function requestHold(ctx: DialogContext): DialogContext {
  const d = ctx.booking;
  const next = withDraft(ctx, { hold: null, holdLapsed: false });
  return request(next, { kind: 'placeHold', slot: d.chosen!, releaseToken: d.hold?.token ?? null });
}

export function storeHold(ctx: DialogContext, result: EffectResult | null, announce: boolean): DialogContext {
  if (!result || !result.ok || result.kind !== 'placeHold') return ctx;
  const next = withDraft(ctx, { hold: { token: result.holdToken, expiresAt: result.expiresAt }, holdLapsed: false });
  if (!announce || !needsPatientDetails(ctx) || ctx.booking.fullName) return next;
  const slot = ctx.booking.chosen!;
  const turn = turnOf(ctx);
  const minutes = Math.round((result.expiresAt - turn.now) / 60_000);
  const time = formatTime(slot.start, slot.timezone, catalog(ctx));
  return withLead(next, catalog(ctx).holding(time, minutes > 0 && minutes <= 60 ? minutes : null));
}

/** The chosen time went: offer what the clinic suggested instead. */
export function offerAlternatives(ctx: DialogContext, result: EffectResult | null): DialogContext {
  const alternatives = result && !result.ok ? (result.alternatives ?? []) : [];
  const next = withDraft(ctx, { hold: null, bookingHold: null, chosen: null });
  return storeSlots(next, alternatives, 'taken');
}

export function slotTakenResearch(ctx: DialogContext): DialogContext {
  const next = withDraft(ctx, { hold: null, bookingHold: null, chosen: null, searchPhase: 'primary' });
  return withLead(next, catalog(ctx).slotTaken);
}

export function noteHoldLapsed(ctx: DialogContext, tell: boolean): DialogContext {
  const next = withDraft(ctx, { hold: null, holdLapsed: true });
  const slot = ctx.booking.chosen;
  if (!tell || !slot) return next;
  return say(next, catalog(ctx).holdLapsed(formatTime(slot.start, slot.timezone, catalog(ctx))));
}

// ── patient details ─────────────────────────────────────────────────────────────────────────────

export function storeName(ctx: DialogContext, u: Understanding): DialogContext {
  return withDraft(ctx, { fullName: personNameFrom(u), fieldRetries: 0 });
}

export function rejectName(ctx: DialogContext): DialogContext {
  const next = withDraft(ctx, { fieldRetries: ctx.booking.fieldRetries + 1 });
  return { ...say(next, catalog(ctx).badName), prompt: 'name', choices: [] };
}

export function dobOf(ctx: DialogContext, u: Understanding) {
  const turn = turnOf(ctx);
  return parseDateOfBirth(u.text, ctx.lang, turn.now, turn.timezone);
}

export function storeDob(ctx: DialogContext, u: Understanding): DialogContext {
  const dob = dobOf(ctx, u);
  return dob.ok ? withDraft(ctx, { dateOfBirth: dob.date, fieldRetries: 0 }) : ctx;
}

export function rejectDob(ctx: DialogContext, u: Understanding): DialogContext {
  const dob = dobOf(ctx, u);
  const next = withDraft(ctx, { fieldRetries: ctx.booking.fieldRetries + 1 });
  return { ...say(next, catalog(ctx).badDob(dob.ok ? 'unreadable' : dob.problem)), prompt: 'dob', choices: [] };
}

// ── booking ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Stable for the same hold (a retried effect is the same booking), different for any other hold,
 * slot or booking in this conversation.
 */
export function idempotencyKey(ctx: DialogContext, slot: SlotOption, holdToken: string): string {
  return `bk-${ctx.epoch || 'c0'}-${ctx.bookings}-${slot.start.toString(36)}-${slot.providerId}-${holdToken}`;
}

export function requestBook(ctx: DialogContext): DialogContext {
  const d = ctx.booking;
  const hold = d.hold!;
  const details = needsPatientDetails(ctx);
  const next = withDraft(ctx, { hold: null, bookingHold: hold.token });
  return request(next, {
    kind: 'book',
    slot: d.chosen!,
    holdToken: hold.token,
    idempotencyKey: idempotencyKey(ctx, d.chosen!, hold.token),
    patient: { fullName: details ? d.fullName : null, dateOfBirth: details ? d.dateOfBirth : null },
    rescheduleOf: d.rescheduleOf?.appointmentId ?? null,
  });
}

export function requestRehold(ctx: DialogContext): DialogContext {
  return request(withDraft(ctx, { hold: null, bookingHold: null }), { kind: 'placeHold', slot: ctx.booking.chosen!, releaseToken: null });
}

export function booked(ctx: DialogContext, result: EffectResult | null): DialogContext {
  if (!result || !result.ok || result.kind !== 'book') return ctx;
  const cat = catalog(ctx);
  const a = result.appointment ?? ctx.booking.chosen;
  const slot = a && typeof a.start === 'number' ? a : ctx.booking.chosen!;
  const place = slot.locationName ? [slot.locationName, shortAddress(slot.locationAddress)].filter(Boolean).join(', ') : null;
  const text = cat.booked({
    range: formatRange(slot.start, slot.end, slot.timezone, cat),
    provider: cat.provider(slot.providerShortName),
    place,
    videoLink: result.videoLink ?? null,
    calendarLink: result.calendarLink ?? null,
    rescheduled: ctx.booking.rescheduleOf !== null,
  });
  const next: DialogContext = { ...ctx, bookings: ctx.bookings + 1, booking: emptyDraft(), target: null, prompt: 'none', choices: [] };
  return say(next, text);
}

/** A `book` that failed on our side keeps the hold, so "yes" can retry with the same key. */
export function bookRetryable(ctx: DialogContext): DialogContext {
  const d = ctx.booking;
  const hold = d.bookingHold ? { token: d.bookingHold, expiresAt: 0 } : null;
  return withLead(withDraft(ctx, { hold, bookingHold: null }), catalog(ctx).somethingWrong(turnOf(ctx).clinic.phone));
}

export function bookNotAllowed(ctx: DialogContext): DialogContext {
  const next = { ...withDraft(ctx, { bookingHold: null }), prompt: 'none' as const, choices: [] };
  return say(next, catalog(ctx).notAllowed(turnOf(ctx).clinic.phone));
}

// ── waitlist ────────────────────────────────────────────────────────────────────────────────────

/** The days the waitlist entry covers: from the wished day (not before today) to the end of the last search. */
export function waitlistWindow(ctx: DialogContext): { fromDate: string; toDate: string } {
  const d = ctx.booking;
  const turn = turnOf(ctx);
  const today = localDate(turn.now, turn.timezone);
  const fromDate = d.when?.fromDate && d.when.fromDate > today ? d.when.fromDate : today;
  const toDate = d.search?.toDate && d.search.toDate >= fromDate ? d.search.toDate : (d.when?.toDate ?? fromDate);
  return { fromDate, toDate };
}

export function requestWaitlist(ctx: DialogContext): DialogContext {
  const d = ctx.booking;
  return request(ctx, { kind: 'joinWaitlist', serviceId: d.serviceId!, providerId: d.anyProvider ? null : d.providerId, ...waitlistWindow(ctx) });
}

export function waitlisted(ctx: DialogContext): DialogContext {
  const cat = catalog(ctx);
  const { fromDate, toDate } = waitlistWindow(ctx);
  const next: DialogContext = { ...ctx, booking: emptyDraft(), prompt: 'none', choices: [] };
  return say(next, cat.waitlistJoined(formatDate(fromDate, cat), formatDate(toDate, cat)));
}
