import { formatRange } from '../../format/time-format.js';
import type { EffectResult, SlotOption } from '../../types.js';
import { type DialogContext, emptyDraft, needsPatientDetails, turnOf } from '../context.js';
import { catalog, request, say, withLead } from '../outbox.js';
import { placeOf } from '../prompts.js';
import { withDraft } from './draft.js';

/** Booking the held slot and reporting the outcome. */

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

export function booked(ctx: DialogContext, result: EffectResult | null): DialogContext {
  if (!result || !result.ok || result.kind !== 'book') return ctx;
  const cat = catalog(ctx);
  const a = result.appointment ?? ctx.booking.chosen;
  const slot = a && typeof a.start === 'number' ? a : ctx.booking.chosen!;
  const place = placeOf(slot);
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
