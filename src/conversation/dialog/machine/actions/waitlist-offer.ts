import { formatRange } from '../../format/time-format.js';
import type { EffectResult, Language, WaitlistOfferSummary } from '../../types.js';
import { type DialogContext, turnOf } from '../context.js';
import { catalog, request, say, withLead } from '../outbox.js';
import { ask, placeOf } from '../prompts.js';
import { releaseHeldSlot } from './draft.js';

/**
 * A slot freed by a cancellation, offered from the waitlist: "yes" books it through the held slot,
 * "no" passes it to the next patient. Silence is handled outside the dialog (the offer's expiry job).
 */

/** The offer arrives: words it, remembers it, and makes yes/no (1/2, buttons) answer it. */
export function rememberOffer(ctx: DialogContext, offer: WaitlistOfferSummary, language: Language): DialogContext {
  const lang = ctx.languageKnown ? ctx.lang : language;
  const next: DialogContext = { ...releaseHeldSlot({ ...ctx, lang }), offer, target: null, greetPending: false, lead: null };
  return ask(next, 'waitlistOffer');
}

export function requestAcceptOffer(ctx: DialogContext): DialogContext {
  return request(ctx, { kind: 'acceptWaitlistOffer', offerId: ctx.offer!.offerId });
}

export function requestDeclineOffer(ctx: DialogContext): DialogContext {
  return request(ctx, { kind: 'declineWaitlistOffer', offerId: ctx.offer!.offerId });
}

export function offerBooked(ctx: DialogContext, result: EffectResult | null): DialogContext {
  const cat = catalog(ctx);
  const booked = result && result.ok && result.kind === 'acceptWaitlistOffer' ? result.appointment : null;
  const slot = booked ?? ctx.offer!;
  const text = cat.booked({
    range: formatRange(slot.start, slot.end, slot.timezone, cat),
    provider: cat.provider(slot.providerShortName),
    place: placeOf(slot),
    videoLink: null,
    calendarLink: null,
    rescheduled: false,
  });
  return say(closed({ ...ctx, bookings: ctx.bookings + 1 }), text);
}

/** Booking failed on our side: say so and ask again (the hold is still there). */
export function offerRetryable(ctx: DialogContext): DialogContext {
  return ask(withLead(ctx, catalog(ctx).somethingWrong(turnOf(ctx).clinic.phone)), 'waitlistOffer');
}

export function offerDeclined(ctx: DialogContext): DialogContext {
  return say(closed(ctx), catalog(ctx).offerDeclined);
}

export function offerGone(ctx: DialogContext): DialogContext {
  return say(closed(ctx), catalog(ctx).offerGone);
}

function closed(ctx: DialogContext): DialogContext {
  return { ...ctx, offer: null, prompt: 'none', choices: [] };
}
