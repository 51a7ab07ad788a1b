import { formatTime } from '../../format/time-format.js';
import type { EffectResult } from '../../types.js';
import { type DialogContext, needsPatientDetails, turnOf } from '../context.js';
import { catalog, request, say, withLead } from '../outbox.js';
import { withDraft } from './draft.js';
import { storeSlots } from './search.js';

/** Holding the chosen slot while the patient confirms, and what happens when a hold fails or lapses. */

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

export function requestRehold(ctx: DialogContext): DialogContext {
  return request(withDraft(ctx, { hold: null, bookingHold: null }), { kind: 'placeHold', slot: ctx.booking.chosen!, releaseToken: null });
}
