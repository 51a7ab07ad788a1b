import { WHATSAPP_LIMITS } from '../../conversation/render/index.js';
import type { OutboundContent, TemplateContent } from '../channel-adapter.js';
import { fitText } from '../delivery/delivery-policy.js';

/**
 * Request bodies of the Cloud API's POST /{version}/{phone_number_id}/messages, as the official
 * OpenAPI (contracts/meta/business-messaging-api_v23.0.yaml, schema Message) describes them: text,
 * interactive reply buttons (≤ 3, titles ≤ 20), interactive lists (one section, ≤ 10 rows, titles ≤ 24,
 * descriptions ≤ 72, button text ≤ 20) and templates (name, language, body parameters, quick-reply button payloads). Limits are
 * enforced here again, so a body never fails Meta's validation because of a long label.
 */
export type MetaMessageBody = Record<string, unknown> & { messaging_product: 'whatsapp'; recipient_type: 'individual'; to: string; type: string };

/** The Cloud API takes the recipient as digits (a wa_id), without the plus sign. */
export function waRecipient(e164: string): string {
  return e164.replace(/^\+/, '');
}

/** Body parameters, then one quick_reply component per button (index "0", "1"…) carrying the payload Meta returns on a tap. */
function templateComponents(content: TemplateContent): { components?: Record<string, unknown>[] } {
  const components: Record<string, unknown>[] = [];
  if (content.variables.length > 0) components.push({ type: 'body', parameters: content.variables.map((text) => ({ type: 'text', text })) });
  (content.quickReplyPayloads ?? []).forEach((payload, index) => {
    components.push({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] });
  });
  return components.length > 0 ? { components } : {};
}

export function metaMessageBody(to: string, content: OutboundContent): MetaMessageBody {
  const base = { messaging_product: 'whatsapp' as const, recipient_type: 'individual' as const, to: waRecipient(to) };
  if (content.kind === 'template') {
    return {
      ...base, type: 'template',
      template: {
        name: content.name,
        // The spec requires `policy`; "deterministic" is the only value.
        language: { policy: 'deterministic', code: content.language },
        ...templateComponents(content),
      },
    };
  }
  const message = content.message;
  switch (message.kind) {
    case 'text':
      return { ...base, type: 'text', text: { body: fitText(message.text, WHATSAPP_LIMITS.text), preview_url: false } };
    case 'buttons':
      return {
        ...base, type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: fitText(message.text, WHATSAPP_LIMITS.interactiveBody) },
          action: {
            buttons: message.buttons.slice(0, WHATSAPP_LIMITS.buttons).map((b) => ({ type: 'reply', reply: { id: b.id.slice(0, 256), title: fitText(b.title, WHATSAPP_LIMITS.buttonTitle) } })),
          },
        },
      };
    case 'list':
      return {
        ...base, type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: fitText(message.text, WHATSAPP_LIMITS.interactiveBody) },
          action: {
            button: fitText(message.buttonText, WHATSAPP_LIMITS.listButtonText),
            sections: [{
              title: fitText(message.buttonText, WHATSAPP_LIMITS.rowTitle),
              rows: message.rows.slice(0, WHATSAPP_LIMITS.rows).map((r) => ({
                id: r.id.slice(0, 200), title: fitText(r.title, WHATSAPP_LIMITS.rowTitle),
                ...(r.description ? { description: fitText(r.description, WHATSAPP_LIMITS.rowDescription) } : {}),
              })),
            }],
          },
        },
      };
  }
}
