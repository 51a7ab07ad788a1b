import { normalizePhone } from '../../common/phone.js';
import type { InboundMessage } from '../channel.types.js';
import { type OutboundStatus, fromMetaStatus } from '../delivery/message-status.js';

/**
 * Meta WhatsApp Cloud API webhook payloads (object `whatsapp_business_account`) as plain data: the
 * messages patients sent, the statuses of ours, and what was declined and why. No Nest, no database.
 * Reference: contracts/meta/webhooks (the spec's examples and pywa's captured payloads).
 */

/** An inbound message before routing: `to` is filled in once the clinic number is known. */
export interface ParsedMetaMessage {
  phoneNumberId: string | null;
  displayPhoneNumber: string | null;
  message: Omit<InboundMessage, 'to'>;
}

export interface ParsedMetaStatus {
  phoneNumberId: string | null;
  providerMessageId: string;
  status: OutboundStatus;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface ParsedMetaWebhook {
  messages: ParsedMetaMessage[];
  statuses: ParsedMetaStatus[];
  /** Things deliberately not processed (not a message, a group, an unusable sender…), by id. */
  declined: { id: string | null; reason: string }[];
}

/** Types the bot reads; everything else (media, location, reactions, contacts, orders, system…) is politely declined. */
const READABLE = new Set(['text', 'interactive', 'button']);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untrusted webhook JSON, checked field by field below
type Json = Record<string, any>;

export function parseMetaWebhook(payload: unknown, now: Date): ParsedMetaWebhook {
  const out: ParsedMetaWebhook = { messages: [], statuses: [], declined: [] };
  const body = payload as Json;
  if (!body || typeof body !== 'object' || body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) {
    out.declined.push({ id: null, reason: 'not a WhatsApp Business Account webhook' });
    return out;
  }
  for (const entry of body.entry as Json[]) {
    for (const change of (entry?.changes ?? []) as Json[]) {
      const value = (change?.value ?? {}) as Json;
      if (change?.field !== 'messages') {
        out.declined.push({ id: entry?.id ?? null, reason: `field ${String(change?.field)} is not about messages` });
        continue;
      }
      const phoneNumberId = typeof value.metadata?.phone_number_id === 'string' ? value.metadata.phone_number_id : null;
      const displayPhoneNumber = typeof value.metadata?.display_phone_number === 'string' ? value.metadata.display_phone_number : null;
      const contacts = Array.isArray(value.contacts) ? (value.contacts as Json[]) : [];
      for (const m of (Array.isArray(value.messages) ? value.messages : []) as Json[]) {
        const parsed = parseMessage(m, contacts, now);
        if ('reason' in parsed) out.declined.push({ id: typeof m?.id === 'string' ? m.id : null, reason: parsed.reason });
        else out.messages.push({ phoneNumberId, displayPhoneNumber, message: parsed });
      }
      for (const s of (Array.isArray(value.statuses) ? value.statuses : []) as Json[]) {
        const status = typeof s?.status === 'string' ? fromMetaStatus(s.status) : null;
        if (typeof s?.id !== 'string' || !status) {
          out.declined.push({ id: typeof s?.id === 'string' ? s.id : null, reason: `status ${String(s?.status)} says nothing about delivery` });
          continue;
        }
        if (s.recipient_type === 'group') {
          out.declined.push({ id: s.id, reason: 'group message status' });
          continue;
        }
        const error = Array.isArray(s.errors) ? (s.errors[0] as Json | undefined) : undefined;
        out.statuses.push({
          phoneNumberId, providerMessageId: s.id, status,
          errorCode: error?.code !== undefined ? String(error.code) : null,
          errorMessage: error ? String(error.title ?? error.message ?? 'WhatsApp error') : null,
        });
      }
    }
  }
  return out;
}

function parseMessage(m: Json, contacts: Json[], now: Date): Omit<InboundMessage, 'to'> | { reason: string } {
  if (!m || typeof m !== 'object' || typeof m.id !== 'string') return { reason: 'message without an id' };
  // wa_id may be absent (newer payloads identify users by BSUID); `from` is the sender's number.
  const from = typeof m.from === 'string' ? normalizePhone(m.from) : null;
  if (!from) return { reason: 'sender is not a phone number' };
  const contact = contacts.find((c) => c?.wa_id === m.from) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const profileName = typeof contact?.profile?.name === 'string' ? contact.profile.name : null;
  const seconds = Number(m.timestamp);
  // The window and ordering count from when the patient wrote; a late redelivery must not reopen the window.
  const receivedAt = Number.isFinite(seconds) && seconds > 0 && seconds * 1000 <= now.getTime() ? new Date(seconds * 1000) : now;
  const base = { provider: 'meta' as const, channel: 'whatsapp' as const, from, providerMessageId: m.id as string, profileName, receivedAt };

  const type = typeof m.type === 'string' ? m.type : 'unknown';
  const unsupported = { ...base, text: '', choiceId: null, unsupported: true };
  if (!READABLE.has(type)) return unsupported;
  if (type === 'text') {
    const text = typeof m.text?.body === 'string' ? m.text.body : '';
    return text.trim() ? { ...base, text, choiceId: null, unsupported: false } : unsupported;
  }
  if (type === 'button') {
    // A quick-reply button of a template message.
    const payload = typeof m.button?.payload === 'string' ? m.button.payload : null;
    const text = typeof m.button?.text === 'string' ? m.button.text : '';
    return payload || text ? { ...base, text: text || payload!, choiceId: payload, unsupported: false } : unsupported;
  }
  const reply = m.interactive?.type === 'button_reply' ? m.interactive.button_reply : m.interactive?.type === 'list_reply' ? m.interactive.list_reply : null;
  if (!reply || typeof reply.id !== 'string') return unsupported; // flows (nfm_reply) and malformed interactive messages
  return { ...base, text: typeof reply.title === 'string' ? reply.title : reply.id, choiceId: reply.id, unsupported: false };
}
