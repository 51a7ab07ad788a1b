/**
 * The rules a send job applies when it runs, as pure functions of facts it loaded (no I/O, no clock).
 */

/** WhatsApp lets a business send free-form messages for 24 hours after the patient's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A turn (receive → dialog → save) never takes longer than this (the turn lock times out at 30 s);
 * the opt-out confirmation must have been created within it before the opt-out was recorded.
 */
export const MAX_TURN_MS = 2 * 60 * 1000;

export function insideCustomerServiceWindow(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < CUSTOMER_SERVICE_WINDOW_MS;
}

export interface OptOutFacts {
  /** When the address opted out on this channel (conversation or patient), or null. */
  optedOutAt: Date | null;
  message: { createdAt: Date; replyToId: string | null };
  /** Whether any inbound message of the conversation was processed after this message was created and up to optedOutAt. */
  laterTurnBeforeOptOut: boolean;
}

/**
 * Nothing is sent to an opted-out address, except the one confirmation of the STOP itself. That
 * confirmation is recognised without reading any text: the runtime saves a turn's replies with the
 * turn's start time and `reply_to_id` = the inbound message, and the opt-out effect records
 * `opted_out_at` during that same turn, a moment later. So the confirmation is a reply created at
 * most one turn's length before the opt-out, with no other turn processed in between. A reply of an
 * earlier turn (still queued), anything created after the opt-out, and unsolicited messages
 * (reminders, no reply_to_id) are all blocked.
 */
export function mayReachAddress(facts: OptOutFacts): { allowed: true; confirmation: boolean } | { allowed: false } {
  if (facts.optedOutAt === null) return { allowed: true, confirmation: false };
  const created = facts.message.createdAt.getTime();
  const optedOut = facts.optedOutAt.getTime();
  const confirmation = facts.message.replyToId !== null && created <= optedOut && optedOut - created <= MAX_TURN_MS && !facts.laterTurnBeforeOptOut;
  return confirmation ? { allowed: true, confirmation: true } : { allowed: false };
}

/** Exponential backoff BullMQ applies between attempts (kept here so docs and tests name one number). */
export const SEND_BACKOFF = { type: 'exponential' as const, delay: 2_000 };

/** Cuts text to the channel's limit, ending with an ellipsis when cut. */
export function fitText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
