import { api } from '../api/http';

/** The simulator channel (src/channels/simulator): the real conversation pipeline, no external account. */
export interface Choice { id: string; label: string }
export interface BotReply { text: string; choices: Choice[] }
export interface ChatLine { id: string; from: 'patient' | 'bot'; text: string; choices: Choice[]; at: string }

export async function sendToBot(from: string, text: string, channel: 'whatsapp' | 'sms', choiceId?: string): Promise<BotReply[]> {
  const body = await api<{ replies: BotReply[] }>('/simulator/messages', {
    method: 'POST',
    body: { from, text, channel, ...(choiceId ? { choiceId } : {}), profileName: 'Console demo' },
  });
  return body.replies;
}

interface TranscriptConversation { channel: string; messages: { direction: 'inbound' | 'outbound'; text: string; at: string }[] }

/** Earlier lines of this number on this channel (after a reload); empty when it never wrote. */
export async function loadTranscript(phone: string, channel: string): Promise<ChatLine[]> {
  try {
    const conversations = await api<TranscriptConversation[]>(`/simulator/conversations/${encodeURIComponent(phone)}`);
    return conversations.filter((c) => c.channel === channel).flatMap((c) => c.messages).map((m, i) => ({
      id: `t${i}`, from: m.direction === 'inbound' ? 'patient' : 'bot', text: m.text, choices: [], at: m.at,
    }));
  } catch {
    return [];
  }
}

/** A fresh demo number clear of the seeded patients (+1212555 2000–2259, and 9100 for the Northside demo patient). */
export function randomDemoPhone(): string {
  return `+1212555${7000 + Math.floor(Math.random() * 2000)}`;
}
