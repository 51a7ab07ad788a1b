import { api, request, buildUrl } from '../api/http';
import { type ConversationRow, type MessageRow, toConversationRow, toMessageRow } from './types';

/** The API's default order: handed-over conversations first (they wait for a person), then latest activity. */
export async function loadInbox(): Promise<ConversationRow[]> {
  const res = await request(buildUrl('/conversations', { sort: JSON.stringify(['priority', 'DESC']), range: JSON.stringify([0, 99]) }));
  return ((res.json as Record<string, unknown>[]) ?? []).map(toConversationRow);
}

/** The whole transcript, oldest first (the API pages at 500 messages). */
export async function loadMessages(id: string): Promise<MessageRow[]> {
  const body = await api<Record<string, unknown>[]>(`/conversations/${id}/messages`, { query: { sort: JSON.stringify(['createdAt', 'ASC']), range: JSON.stringify([0, 499]) } });
  return (body ?? []).map(toMessageRow);
}

export const reply = (id: string, text: string) => api(`/conversations/${id}/reply`, { method: 'POST', body: { text } });
export const handBack = (id: string) => api(`/conversations/${id}/hand-back`, { method: 'POST', body: {} });
