import { detectLanguage } from '../dialog/nlu/language.js';
import { normalize } from '../dialog/nlu/normalize.js';
import type { Choice, Reply } from '../dialog/types.js';
import { type RenderedMessage, WHATSAPP_LIMITS as WA } from './rendered-message.js';
import { RENDER_LABELS } from './render-labels.js';
import { length, truncate } from './truncate.js';

/**
 * Renders a channel-neutral reply. WhatsApp: up to three short choices as buttons, otherwise a list
 * (long labels shortened in the title and given in full in the description; past ten choices, the
 * first nine plus a "More" row). SMS: one text with numbered options, compact enough to stay within
 * a couple of segments.
 */

export const MORE_ROW_ID = 'render:more';
/** Beyond this an SMS gets no "Reply with a number:" hint: the numbers speak for themselves. */
export const SMS_TARGET_LENGTH = 320;

/**
 * `language` picks the words the renderer adds itself ("Choose", "Reply with a number:"); when it is
 * not given, it is read from the reply's own text.
 */
export function renderForChannel(reply: Reply, channel: 'whatsapp' | 'sms', language?: 'en' | 'es'): RenderedMessage {
  const text = typeof reply?.text === 'string' ? reply.text : '';
  const lang = language ?? (detectLanguage(normalize(text), text) === 'es' ? 'es' : 'en');
  const choices = (reply?.choices ?? []).filter((c) => c && typeof c.id === 'string' && typeof c.label === 'string');
  if (channel === 'sms') return { kind: 'text', text: renderSms(text, choices, lang) };
  return renderWhatsApp(text, choices, lang);
}

function renderWhatsApp(text: string, choices: Choice[], language: 'en' | 'es'): RenderedMessage {
  if (choices.length === 0) return { kind: 'text', text: truncate(text, WA.text) };
  const body = truncate(text, WA.interactiveBody);
  const titles = choices.map((c) => c.label.trim());
  const fitsButtons = choices.length <= WA.buttons && titles.every((t) => t.length > 0 && length(t) <= WA.buttonTitle) &&
    new Set(titles).size === titles.length;
  if (fitsButtons) return { kind: 'buttons', text: body, buttons: choices.map((c, i) => ({ id: c.id, title: titles[i]! })) };

  const labels = RENDER_LABELS[language];
  const visible = choices.length > WA.rows ? choices.slice(0, WA.rows - 1) : choices;
  const rows: { id: string; title: string; description?: string }[] = visible.map((c) => {
    const label = c.label.trim() || '…';
    if (length(label) <= WA.rowTitle) return { id: c.id, title: label };
    return { id: c.id, title: truncate(label, WA.rowTitle), description: truncate(label, WA.rowDescription) };
  });
  if (choices.length > WA.rows) {
    const rest = choices.slice(WA.rows - 1).map((c) => c.label.trim()).join(', ');
    rows.push({ id: MORE_ROW_ID, title: labels.more, description: truncate(rest, WA.rowDescription) });
  }
  return { kind: 'list', text: body, buttonText: truncate(labels.listButton, WA.listButtonText), rows };
}

function renderSms(text: string, choices: Choice[], language: 'en' | 'es'): string {
  if (choices.length === 0) return text;
  const options = choices.map((c, i) => `${i + 1} ${c.label.trim()}`).join('  ');
  const hinted = `${text} ${RENDER_LABELS[language].replyWithNumber}\n${options}`;
  return length(hinted) <= SMS_TARGET_LENGTH ? hinted : `${text}\n${options}`;
}
