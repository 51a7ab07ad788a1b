import { normalizePhone } from '../../common/phone.js';
import type { InboundMessage } from '../channel.types.js';
import type { WwebMessage } from './whatsapp-web.client.js';

/**
 * whatsapp-web.js messages as InboundMessages. Types are the library's MessageTypes
 * (contracts/whatsapp-web.js): `chat` is text; `buttons_response` / `list_response` /
 * `template_button_reply` are taps; protocol and notification types are not from the patient and are
 * ignored; everything else (media, voice, stickers, locations, contact cards, polls, reactions…) is
 * answered with "I can only read text".
 */
const IGNORED = new Set([
  'revoked', 'e2e_notification', 'notification', 'notification_template', 'gp2', 'group_notification', 'call_log', 'protocol',
  'ciphertext', 'broadcast_notification', 'debug', 'unknown',
]);
const TAPS = new Set(['buttons_response', 'list_response', 'template_button_reply']);

export type ParsedWwebMessage = { ok: true; message: Omit<InboundMessage, 'from' | 'to'>; chatId: string } | { ok: false; reason: string };

export function parseWhatsAppWebMessage(m: WwebMessage, now: Date): ParsedWwebMessage {
  if (m.fromMe) return { ok: false, reason: 'sent by the clinic' };
  if (m.isStatus || m.from === 'status@broadcast') return { ok: false, reason: 'status update' };
  if (m.from.endsWith('@g.us')) return { ok: false, reason: 'group message' };
  if (!m.from.endsWith('@c.us') && !m.from.endsWith('@lid')) return { ok: false, reason: 'not a person' };
  if (IGNORED.has(m.type)) return { ok: false, reason: `${m.type} is not a patient message` };
  const seconds = Number(m.timestamp);
  const receivedAt = Number.isFinite(seconds) && seconds > 0 && seconds * 1000 <= now.getTime() ? new Date(seconds * 1000) : now;
  const base = { provider: 'whatsapp_web' as const, channel: 'whatsapp' as const, providerMessageId: m.id._serialized, profileName: m._data?.notifyName ?? null, receivedAt };
  if (m.type === 'chat' && !m.hasMedia && m.body.trim()) return { ok: true, chatId: m.from, message: { ...base, text: m.body, choiceId: null, unsupported: false } };
  if (TAPS.has(m.type)) {
    const choiceId = m.selectedButtonId ?? m.selectedRowId ?? null;
    return { ok: true, chatId: m.from, message: { ...base, text: m.body || choiceId || '', choiceId, unsupported: !choiceId && !m.body } };
  }
  return { ok: true, chatId: m.from, message: { ...base, text: '', choiceId: null, unsupported: true } };
}

/** `15551234567@c.us` → +15551234567. */
export function phoneOfChatId(chatId: string): string | null {
  const match = /^(\d{6,15})@c\.us$/.exec(chatId);
  return match ? normalizePhone(`+${match[1]}`) : null;
}

export function chatIdOf(e164: string): string {
  return `${e164.replace(/^\+/, '')}@c.us`;
}
