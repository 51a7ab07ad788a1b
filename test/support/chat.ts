import { apiClient } from './api-client.js';

export interface SimReply { text: string; choices: { id: string; label: string }[]; rendered: { kind: string; [key: string]: unknown } }

/** A patient chatting through the simulator over real HTTP; keeps the last offered choices. */
export function patientChat(baseUrl: string, phone: string, channel: 'whatsapp' | 'sms' = 'whatsapp') {
  const api = apiClient(baseUrl, '');
  let lastChoices: SimReply['choices'] = [];
  const transcript: string[] = [];
  const send = async (text: string, choiceId?: string): Promise<SimReply[]> => {
    const res = await api('POST', '/api/v1/simulator/messages', { from: phone, text, channel, ...(choiceId ? { choiceId } : {}) });
    if (res.status !== 200) throw new Error(`simulator answered ${res.status}: ${JSON.stringify(res.body)}`);
    const replies = res.body.replies as SimReply[];
    transcript.push(`you> ${text}`, ...replies.map((r) => `bot> ${r.text}`));
    const withChoices = replies.filter((r) => r.choices.length > 0).at(-1);
    if (withChoices) lastChoices = withChoices.choices;
    return replies;
  };
  return {
    phone,
    send,
    /** Taps the offered choice whose label matches (WhatsApp) — or answers with its number (SMS). */
    async choose(match: RegExp | number): Promise<SimReply[]> {
      const index = typeof match === 'number' ? match : lastChoices.findIndex((c) => match.test(c.label));
      const choice = lastChoices[index];
      if (!choice) throw new Error(`no choice ${match} among ${JSON.stringify(lastChoices)}\n${transcript.join('\n')}`);
      return channel === 'sms' ? send(String(index + 1)) : send(choice.label, choice.id);
    },
    get choices() { return lastChoices; },
    transcript: () => transcript.join('\n'),
    text: (replies: SimReply[]) => replies.map((r) => r.text).join('\n'),
  };
}
