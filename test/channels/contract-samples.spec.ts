import { readdirSync, readFileSync } from 'node:fs';
import twilio from 'twilio';
import { verifyMetaSignature } from '../../src/channels/meta-whatsapp/meta-signature.guard.js';
import { parseMetaWebhook } from '../../src/channels/meta-whatsapp/meta-webhook.parser.js';
import { parseTwilioInbound, parseTwilioStatus } from '../../src/channels/twilio/twilio-webhook.parser.js';
import { parseWhatsAppWebMessage } from '../../src/channels/whatsapp-web/whatsapp-web-message.parser.js';
import { contract } from '../support/fakes/contracts-dir.js';
import { FakeWhatsAppWebClient, WWEB } from '../support/fakes/fake-whatsapp-web-client.js';

/**
 * Every inbound sample in the shared contracts is either parsed into what the bot reads, or declined
 * with a reason — never an exception, never a silently dropped message.
 */
const now = new Date('2026-11-21T12:00:00Z');

/** Meta samples: single payloads, or (pywa) files holding several named payloads. */
function metaSamples(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const dir of ['meta/webhooks', 'meta/webhooks/pywa']) {
    for (const file of readdirSync(contract(...dir.split('/'))).filter((f) => f.endsWith('.json')).sort()) {
      const data = JSON.parse(readFileSync(contract(...dir.split('/'), file), 'utf8')) as Record<string, unknown>;
      if ('object' in data) out.push([`${dir}/${file}`, data]);
      else for (const [key, payload] of Object.entries(data)) out.push([`${dir}/${file}#${key}`, payload]);
    }
  }
  return out;
}

function rawMessages(payload: any): any[] {
  return (payload.entry ?? []).flatMap((e: any) => (e.changes ?? []).flatMap((c: any) => (c.field === 'messages' ? c.value?.messages ?? [] : [])));
}
function rawStatuses(payload: any): any[] {
  return (payload.entry ?? []).flatMap((e: any) => (e.changes ?? []).flatMap((c: any) => c.value?.statuses ?? []));
}

describe('Meta webhook samples (contracts/meta/webhooks, spec examples and pywa)', () => {
  const samples = metaSamples();

  it('covers the folder', () => {
    expect(samples.length).toBeGreaterThanOrEqual(50);
  });

  it.each(samples)('%s is parsed or politely declined', (_name, payload) => {
    const parsed = parseMetaWebhook(payload, now);
    const messages = rawMessages(payload);
    const statuses = rawStatuses(payload);
    // Every message and status is accounted for: parsed, or declined with a reason.
    expect(parsed.messages.length + parsed.declined.filter((d) => messages.some((m) => m.id === d.id)).length).toBe(messages.length);
    for (const { message } of parsed.messages) {
      const raw = messages.find((m) => m.id === message.providerMessageId)!;
      expect(message.from).toBe(`+${raw.from}`);
      expect(message.channel).toBe('whatsapp');
      if (message.unsupported) {
        expect(['text', 'interactive', 'button'].includes(raw.type) ? raw.type === 'interactive' && !raw.interactive?.button_reply && !raw.interactive?.list_reply : true).toBe(true);
      } else if (raw.type === 'text') {
        expect(message.text).toBe(raw.text.body);
        expect(message.choiceId).toBeNull();
      } else if (raw.type === 'button') {
        expect(message.choiceId).toBe(raw.button.payload);
        expect(message.text).toBe(raw.button.text);
      } else {
        const reply = raw.interactive.button_reply ?? raw.interactive.list_reply;
        expect(message.choiceId).toBe(reply.id);
        expect(message.text).toBe(reply.title);
      }
    }
    for (const s of statuses) {
      const found = parsed.statuses.find((p) => p.providerMessageId === s.id) ?? parsed.declined.find((d) => d.id === s.id);
      expect(found).toBeDefined();
    }
    if (messages.length === 0 && statuses.length === 0) expect(parsed.declined.length).toBeGreaterThan(0);
  });

  it('reads text, button replies, list replies and template quick replies; declines the rest as unsupported', () => {
    const one = (file: string) => parseMetaWebhook(JSON.parse(readFileSync(contract('meta', 'webhooks', file), 'utf8')), now).messages[0]!.message;
    expect(one('openapi_text_message.json')).toMatchObject({ text: 'Does it come in another color?', choiceId: null, unsupported: false, profileName: 'Sheena Nelson', from: '+16505551234' });
    expect(one('openapi_interactive_button_reply_message.json')).toMatchObject({ text: 'Cancel', choiceId: 'cancel-button', unsupported: false });
    expect(one('openapi_interactive_list_reply_message.json')).toMatchObject({ text: 'Priority Mail Express', choiceId: 'priority_express', unsupported: false });
    expect(one('openapi_button_message.json')).toMatchObject({ text: 'Unsubscribe', choiceId: 'Unsubscribe', unsupported: false });
    for (const file of ['openapi_image_message.json', 'openapi_location_message.json', 'openapi_reaction_message.json', 'openapi_contact_sharing_message.json', 'openapi_unsupported_message.json', 'openapi_order_message.json', 'openapi_system_message.json']) {
      expect({ file, unsupported: one(file).unsupported }).toEqual({ file, unsupported: true });
    }
  });

  it('uses `from` when a contact has no wa_id, and the message timestamp as arrival time', () => {
    const payload = JSON.parse(readFileSync(contract('meta', 'webhooks', 'openapi_text_message.json'), 'utf8'));
    delete payload.entry[0].changes[0].value.contacts[0].wa_id;
    const { message } = parseMetaWebhook(payload, now).messages[0]!;
    expect(message.from).toBe('+16505551234');
    expect(message.receivedAt.toISOString()).toBe(new Date(1749416383 * 1000).toISOString());
  });

  it('reads statuses sent/delivered/read/failed with the error code; ignores group statuses', () => {
    const data = JSON.parse(readFileSync(contract('meta', 'webhooks', 'pywa', 'message_status.json'), 'utf8'));
    const status = (key: string) => parseMetaWebhook(data[key], now).statuses[0];
    expect(status('sent')).toMatchObject({ status: 'sent', errorCode: null });
    expect(status('delivered')).toMatchObject({ status: 'delivered' });
    expect(status('read')).toMatchObject({ status: 'read' });
    expect(status('played')).toMatchObject({ status: 'read' });
    expect(status('failed')).toMatchObject({ status: 'failed', errorCode: '130472', errorMessage: "User's number is part of an experiment" });
    expect(status('group')).toBeUndefined();
  });
});

describe('Twilio webhook samples (contracts/twilio/webhooks)', () => {
  const dir = contract('twilio', 'webhooks');
  const files = readdirSync(dir).sort();

  it.each(files)('%s is parsed', (file) => {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const params: Record<string, string> = file.endsWith('.json') ? (JSON.parse(text) as { body: Record<string, string> }).body : Object.fromEntries(new URLSearchParams(text));
    const parsed = parseTwilioInbound(params, now);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const whatsapp = file.includes('whatsapp');
    expect(parsed.message).toMatchObject({
      provider: 'twilio', channel: whatsapp ? 'whatsapp' : 'sms', from: '+15017122661', to: '+15558675310',
      text: whatsapp ? 'Test whatsapp msg' : 'Ahoy', providerMessageId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', unsupported: false,
      profileName: whatsapp ? 'PNaaaaa' : null, choiceId: null,
    });
  });

  it('reads quick-reply buttons, and declines media and empty messages as unsupported', () => {
    const base = { From: 'whatsapp:+15017122661', To: 'whatsapp:+15558675310', MessageSid: 'SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', NumMedia: '0' };
    expect(parseTwilioInbound({ ...base, Body: 'Confirm', ButtonPayload: 'appt:confirm', ButtonText: 'Confirm' }, now)).toMatchObject({ ok: true, message: { choiceId: 'appt:confirm', text: 'Confirm', unsupported: false } });
    expect(parseTwilioInbound({ ...base, NumMedia: '1', Body: 'look', MediaUrl0: 'https://api.twilio.com/x' }, now)).toMatchObject({ ok: true, message: { unsupported: true, text: '' } });
    expect(parseTwilioInbound({ ...base, Body: '' }, now)).toMatchObject({ ok: true, message: { unsupported: true } });
    expect(parseTwilioInbound({ ...base, Body: '', Latitude: '1.2', Longitude: '3.4' }, now)).toMatchObject({ ok: true, message: { unsupported: true } });
    expect(parseTwilioInbound({ ...base, From: 'CLINICINFO', Body: 'x' }, now)).toMatchObject({ ok: false });
  });

  it('reads status callbacks with their error code', () => {
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30007' })).toEqual({ providerMessageId: 'SM1', status: 'undelivered', errorCode: '30007', errorMessage: 'Twilio error 30007' });
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'read' })).toMatchObject({ status: 'read', errorCode: null });
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'received' })).toBeNull();
  });
});

describe('whatsapp-web.js message types (contracts/whatsapp-web.js)', () => {
  const client = new FakeWhatsAppWebClient();
  const types = Object.values(WWEB.MessageTypes);

  it.each(types)('type %s is parsed or declined', (type) => {
    const parsed = parseWhatsAppWebMessage(client.incoming({ from: '15017122661@c.us', type, body: type === 'chat' ? 'hello' : '' }), now);
    if (type === 'chat') expect(parsed).toMatchObject({ ok: true, message: { text: 'hello', unsupported: false } });
    else if (parsed.ok) expect(parsed.message.unsupported).toBe(true);
    else expect(parsed.reason).toMatch(/not a patient message/);
  });

  it('reads button and list taps; ignores groups, status updates and our own messages', () => {
    expect(parseWhatsAppWebMessage(client.incoming({ from: '15017122661@c.us', type: WWEB.MessageTypes.BUTTONS_RESPONSE!, body: 'Yes', selectedButtonId: 'yes' }), now)).toMatchObject({ ok: true, message: { choiceId: 'yes', text: 'Yes' } });
    expect(parseWhatsAppWebMessage(client.incoming({ from: '15017122661@c.us', type: WWEB.MessageTypes.LIST_RESPONSE!, body: 'Tue 9:00', selectedRowId: 'slot-1' }), now)).toMatchObject({ ok: true, message: { choiceId: 'slot-1' } });
    expect(parseWhatsAppWebMessage(client.incoming({ from: '120363000000000000@g.us', body: 'hi' }), now)).toMatchObject({ ok: false, reason: 'group message' });
    expect(parseWhatsAppWebMessage({ ...client.incoming({ from: 'status@broadcast', body: 'hi' }), isStatus: true }, now)).toMatchObject({ ok: false });
    expect(parseWhatsAppWebMessage({ ...client.incoming({ from: '15017122661@c.us', body: 'hi' }), fromMe: true }, now)).toMatchObject({ ok: false });
  });
});

describe('signature test vectors (contracts/signature_test_vectors.json)', () => {
  const vectors = JSON.parse(readFileSync(contract('signature_test_vectors.json'), 'utf8'));

  it('X-Twilio-Signature: the official package accepts the vector and rejects a tampered one', () => {
    const v = vectors.twilio_x_twilio_signature;
    expect(twilio.validateRequest(v.auth_token, v.expected, v.url, v.params)).toBe(true);
    expect(twilio.validateRequest(v.auth_token, v.expected, v.url, { ...v.params, Digits: '9999' })).toBe(false);
    expect(twilio.validateRequest('54321', v.expected, v.url, v.params)).toBe(false);
  });

  it('Twilio bodySHA256 for JSON bodies', () => {
    const v = vectors.twilio_bodySHA256_json_body;
    expect(twilio.validateBody(v.body, v.sha256_hex)).toBe(true);
    expect(twilio.validateBody(`${v.body} `, v.sha256_hex)).toBe(false);
  });

  it('X-Hub-Signature-256', () => {
    const v = vectors.meta_x_hub_signature_256;
    expect(verifyMetaSignature(v.app_secret, Buffer.from(v.raw_body), v.expected_header)).toBe(true);
    expect(verifyMetaSignature(v.app_secret, Buffer.from(`${v.raw_body}!`), v.expected_header)).toBe(false);
    expect(verifyMetaSignature('other', Buffer.from(v.raw_body), v.expected_header)).toBe(false);
    expect(verifyMetaSignature(v.app_secret, Buffer.from(v.raw_body), 'sha256=00')).toBe(false);
  });
});
