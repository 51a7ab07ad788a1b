import type { RenderedMessage } from './rendered-message.js';

/**
 * messages.choices keeps a reply's channel rendering (buttons, list rows) so it can be sent again,
 * but never its text: that is the message body, which lives only encrypted in body_enc. A JSON
 * copy of it would put every reply — names, dates of birth, appointment details — in clear in the
 * database and its backups.
 */
export type StoredRendering = Omit<RenderedMessage, 'text'>;

export function renderingForStorage(rendered: RenderedMessage): StoredRendering {
  const { text: _text, ...rest } = rendered;
  return rest;
}

/** The rendering again, with the decrypted body as its text (rows written before this rule kept a text; the body wins). */
export function renderingFromStorage(stored: StoredRendering | RenderedMessage, text: string): RenderedMessage {
  return { ...stored, text } as RenderedMessage;
}
