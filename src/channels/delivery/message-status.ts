/**
 * Delivery statuses of outbound messages and the one rule for changing them: a status only ever moves
 * forward. Providers deliver callbacks out of order (a `delivered` can arrive before its `sent`), so
 * every update is conditional on the stored status ranking lower than the new one.
 *
 * The order is total:
 *
 *   queued < sending < sent < failed = undelivered < delivered < read
 *
 * - `read` never goes back to `delivered` or `sent`, `delivered` never back to `sent`.
 * - `failed`/`undelivered` end a message that was only queued or sent, and never replace
 *   `delivered`/`read` (a late failure report for a message the handset already acknowledged is noise).
 * - A `delivered`/`read` that arrives after a failure wins: it is the handset's own receipt, positive
 *   proof the patient got the message. The provider's error code stays on the row for staff.
 * - `skipped` (we decided not to send: opt-out, closed window) is ours and final; providers never
 *   report on a message we did not send.
 */
export const OUTBOUND_STATUSES = ['queued', 'sending', 'sent', 'failed', 'undelivered', 'delivered', 'read', 'skipped'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

const RANK: Record<OutboundStatus, number> = {
  queued: 0, sending: 1, sent: 2, failed: 3, undelivered: 3, delivered: 4, read: 5, skipped: 9,
};

export function statusRank(status: string): number {
  return RANK[status as OutboundStatus] ?? -1;
}

/** The stored statuses a message may move from to reach `next` (for a conditional UPDATE). */
export function statusesBelow(next: OutboundStatus): OutboundStatus[] {
  const rank = RANK[next];
  return OUTBOUND_STATUSES.filter((s) => RANK[s] < rank);
}

export function canMoveTo(current: string, next: OutboundStatus): boolean {
  return statusRank(current) < RANK[next];
}

export function isFailure(status: string): boolean {
  return status === 'failed' || status === 'undelivered';
}

/** Twilio's MessageStatus values (message_enum_status in the v2010 spec) in our vocabulary; null = not about delivery. */
export function fromTwilioStatus(status: string): OutboundStatus | null {
  switch (status) {
    case 'accepted': case 'scheduled': case 'queued': return 'queued';
    case 'sending': return 'sending';
    case 'sent': return 'sent';
    case 'delivered': case 'partially_delivered': return 'delivered';
    case 'read': return 'read';
    case 'undelivered': return 'undelivered';
    case 'failed': case 'canceled': return 'failed';
    default: return null; // receiving/received: inbound
  }
}

/** Meta statuses[].status; `played` (voice) counts as read; `deleted`/`warning` say nothing about delivery. */
export function fromMetaStatus(status: string): OutboundStatus | null {
  switch (status) {
    case 'sent': return 'sent';
    case 'delivered': return 'delivered';
    case 'read': case 'played': return 'read';
    case 'failed': return 'failed';
    default: return null;
  }
}

/** whatsapp-web.js message_ack values (ACK_ERROR -1, PENDING 0, SERVER 1, DEVICE 2, READ 3, PLAYED 4). */
export function fromWhatsAppWebAck(ack: number): OutboundStatus | null {
  if (ack === -1) return 'failed';
  if (ack === 1) return 'sent';
  if (ack === 2) return 'delivered';
  if (ack === 3 || ack === 4) return 'read';
  return null;
}
