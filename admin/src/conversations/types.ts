/** A conversation row and a message as the inbox uses them (normalised from the staff API). */
export interface ConversationRow {
  id: string;
  status: 'active' | 'handoff' | 'closed' | string;
  channel: string;
  title: string;
  subtitle: string;
  lastAt: string | null;
  preview: string;
}

export interface MessageRow { id: string; direction: 'inbound' | 'outbound'; text: string; at: string; status: string; by: string | null }

type Raw = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function toConversationRow(c: Raw): ConversationRow {
  const phone = s(c.patientPhone ?? c.address ?? c.phone);
  const name = s(c.patientName);
  return {
    id: s(c.id),
    status: s(c.status),
    channel: s(c.channel),
    title: name || phone,
    subtitle: name ? phone : '',
    lastAt: (c.lastMessageAt ?? c.updatedAt ?? c.lastInboundAt ?? null) as string | null,
    preview: s(c.lastMessage ?? c.lastMessageText ?? c.preview),
  };
}

export function toMessageRow(m: Raw): MessageRow {
  return {
    id: s(m.id),
    direction: m.direction === 'outbound' ? 'outbound' : 'inbound',
    text: s(m.text ?? m.body),
    at: s(m.at ?? m.createdAt),
    status: s(m.status),
    by: (m.sentByName ?? m.staffName ?? m.sentBy ?? null) as string | null,
  };
}
