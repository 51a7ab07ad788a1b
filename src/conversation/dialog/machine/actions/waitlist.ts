import { localDate } from '../../format/local-time.js';
import { formatDate } from '../../format/time-format.js';
import { type DialogContext, emptyDraft, turnOf } from '../context.js';
import { catalog, request, say } from '../outbox.js';

/** Joining the waitlist when nothing fits. */

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
