import type { Understanding } from '../../nlu/understand.js';
import { CHOICE, idAfter } from '../choice-ids.js';
import { type BookingDraft, type DialogContext, emptyDraft, providerById, turnOf } from '../context.js';
import { catalog, emit, withLead } from '../outbox.js';
import { providersFor } from '../prompts.js';

/** The booking draft: what the patient wants (service, provider, place, day), filled in from any message. */

export const withDraft = (ctx: DialogContext, patch: Partial<BookingDraft>): DialogContext => ({ ...ctx, booking: { ...ctx.booking, ...patch } });

/** Drops the current hold on the clinic's side (the patient moved on). */
export function releaseHeldSlot(ctx: DialogContext): DialogContext {
  const hold = ctx.booking.hold;
  if (!hold) return ctx;
  return withDraft(emit(ctx, { kind: 'releaseHold', holdToken: hold.token }), { hold: null });
}

export const RESET_SEARCH: Partial<BookingDraft> = {
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
  // "Yes" to "Dr. Patel and Dr. García do": ask which of them (or the first available).
  if (d.suggestedProviderIds.length > 1) return withDraft(ctx, { providerId: null, anyProvider: false, providerAuto: false });
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
