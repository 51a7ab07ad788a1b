import { readdirSync, readFileSync } from 'node:fs';
import type { OutboundContent } from '../../src/channels/channel-adapter.js';
import { metaMessageBody } from '../../src/channels/meta-whatsapp/meta-message-body.js';
import { TwilioAdapter } from '../../src/channels/twilio/twilio.adapter.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { contract } from '../support/fakes/contracts-dir.js';
import { type FakeTwilio, startFakeTwilio } from '../support/fakes/fake-twilio-api.js';
import { metaMessageValidator, twilioValidators } from './support/openapi.js';

/**
 * The bodies we send, checked against the providers' own OpenAPI request schemas (see
 * support/openapi.ts). Each validator is also shown to reject malformed bodies, so a pass means
 * something.
 */
const validateMeta = metaMessageValidator();
const errorsOf = (body: unknown) => (validateMeta(body) ? [] : (validateMeta.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const contents: Record<string, OutboundContent> = {
  text: { kind: 'rendered', message: { kind: 'text', text: 'Your appointment is confirmed for Tue 9:00.' } },
  buttons: { kind: 'rendered', message: { kind: 'buttons', text: 'Shall I book it?', buttons: [{ id: 'yes', title: 'Yes, book it' }, { id: 'no', title: 'No' }, { id: 'other', title: 'Another time, please!' }] } },
  list: {
    kind: 'rendered',
    message: { kind: 'list', text: 'Pick a time', buttonText: 'Choose a time', rows: Array.from({ length: 10 }, (_, i) => ({ id: `slot-${i}`, title: `Tuesday 24 Nov ${9 + i}:00 with Dr. Patel`, description: 'Downtown' })) },
  },
  template: { kind: 'template', name: 'reengage_reply_waiting', language: 'en_US', contentSid: null, variables: ['Riverside Clinic'] },
  templateNoVariables: { kind: 'template', name: 'hello_world', language: 'en_US', contentSid: null, variables: [] },
  templateWithQuickReplies: {
    kind: 'template', name: 'appointment_reminder', language: 'en_US', contentSid: null,
    variables: ['Dr. Maya Patel', 'Follow-up visit', 'Thu 26 Nov, 2:00 pm', 'Downtown'], quickReplyPayloads: ['rem:confirm', 'rem:change', 'rem:cancel'],
  },
};

describe('Meta Cloud API request bodies vs business-messaging-api_v23.0.yaml (Message)', () => {
  it.each(Object.keys(contents))('%s validates', (name) => {
    expect(errorsOf(metaMessageBody('+16505551234', contents[name]!))).toEqual([]);
  });

  it('a template with quick-reply buttons carries one payload per button, by index', () => {
    expect((metaMessageBody('+16505551234', contents.templateWithQuickReplies!) as any).template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: 'Dr. Maya Patel' }, { type: 'text', text: 'Follow-up visit' }, { type: 'text', text: 'Thu 26 Nov, 2:00 pm' }, { type: 'text', text: 'Downtown' }] },
      { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'rem:confirm' }] },
      { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'rem:change' }] },
      { type: 'button', sub_type: 'quick_reply', index: '2', parameters: [{ type: 'payload', payload: 'rem:cancel' }] },
    ]);
  });

  it('keeps WhatsApp limits even when handed oversized content', () => {
    const body = metaMessageBody('+16505551234', {
      kind: 'rendered',
      message: { kind: 'buttons', text: 'x'.repeat(2000), buttons: Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, title: `A very long button title ${i}` })) },
    }) as any;
    expect(body.interactive.action.buttons).toHaveLength(3);
    expect(errorsOf(body)).toEqual([]);
  });

  it('rejects malformed bodies (the validator is not a rubber stamp)', () => {
    const good = () => structuredClone(metaMessageBody('+16505551234', contents.buttons!)) as any;
    const fourButtons = good();
    fourButtons.interactive.action.buttons.push({ type: 'reply', reply: { id: 'x', title: 'x' } });
    const longTitle = good();
    longTitle.interactive.action.buttons[0].reply.title = 'x'.repeat(21);
    const list = structuredClone(metaMessageBody('+16505551234', contents.list!)) as any;
    list.interactive.action.sections[0].rows.push({ id: 'eleven', title: 'eleven' });
    const longRow = structuredClone(metaMessageBody('+16505551234', contents.list!)) as any;
    longRow.interactive.action.sections[0].rows[0].title = 'y'.repeat(25);
    const text = structuredClone(metaMessageBody('+16505551234', contents.text!)) as any;
    const unknownProperty = { ...text, colour: 'red' };
    const noRecipient = { ...text };
    delete noRecipient.to;
    const template = structuredClone(metaMessageBody('+16505551234', contents.template!)) as any;
    const noLanguage = structuredClone(template);
    delete noLanguage.template.language;
    const badParameter = structuredClone(template);
    badParameter.template.components[0].parameters[0] = { type: 'text' };
    const quickReplies = structuredClone(metaMessageBody('+16505551234', contents.templateWithQuickReplies!)) as any;
    const buttonWithoutIndex = structuredClone(quickReplies);
    delete buttonWithoutIndex.template.components[1].index;
    const buttonIndexTen = structuredClone(quickReplies);
    buttonIndexTen.template.components[1].index = '10';
    const buttonWithoutPayload = structuredClone(quickReplies);
    buttonWithoutPayload.template.components[1].parameters = [{ type: 'payload' }];
    for (const [name, body] of Object.entries({ fourButtons, longTitle, list, longRow, unknownProperty, noRecipient, noLanguage, badParameter, buttonWithoutIndex, buttonIndexTen, buttonWithoutPayload })) {
      expect({ name, valid: validateMeta(body) }).toEqual({ name, valid: false });
    }
  });

  it("Meta's own send samples: text, buttons and lists validate; the template samples lack language.policy, which the spec requires", () => {
    const dir = contract('meta', 'send');
    const verdicts = Object.fromEntries(readdirSync(dir).sort().map((f) => [f, errorsOf(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')))]));
    expect(verdicts['openapi_send_text_message.json']).toEqual([]);
    expect(verdicts['openapi_send_reply_to_text_message.json']).toEqual([]);
    expect(verdicts['openapi_send_reply_button.json']).toEqual([]);
    expect(verdicts['openapi_send_list_message.json']).toEqual([]);
    for (const f of ['openapi_send_message_template_text.json', 'openapi_send_message_template_media.json', 'openapi_send_message_template_interactive.json']) {
      expect(verdicts[f]).toContain("/template/language must have required property 'policy'");
      const withPolicy = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
      withPolicy.template.language.policy = 'deterministic';
      expect(errorsOf(withPolicy)).toEqual([]);
    }
    // Ours carry it: same shape otherwise.
    const ours = metaMessageBody('+16505551234', contents.template!) as any;
    expect(ours.template.language).toEqual({ policy: 'deterministic', code: 'en_US' });
  });
});

describe('Twilio Messages API requests vs twilio_api_v2010 (CreateMessageRequest)', () => {
  const { createMessage, messageResource } = twilioValidators();
  const credentials = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'test-token-12345' };
  let fake: FakeTwilio;
  let adapter: TwilioAdapter;
  const sender = (channel: 'sms' | 'whatsapp') => ({ clinicChannelId: 'c', clinicId: 'k', provider: 'twilio' as const, channel, address: '+12125550100', externalId: null, settings: { smsFallback: true } });

  beforeAll(async () => {
    fake = await startFakeTwilio(credentials);
    const config = {
      http: { publicBaseUrl: 'https://clinic.example.com' },
      channels: { twilio: { ...credentials, apiBaseUrl: fake.url, edge: null } },
    } as unknown as AppConfig;
    adapter = new TwilioAdapter(config);
  });
  afterAll(() => fake.close());

  it('SMS text, WhatsApp text and a WhatsApp template (ContentSid + ContentVariables) validate, and so do the fake’s answers', async () => {
    await adapter.send({ messageId: '6b0a3c1e-8a4e-4a55-9d8f-0d6f3f0a1b2c', channel: 'sms', to: '+19175550123', from: '+12125550100', content: contents.text! }, sender('sms'));
    await adapter.send({ messageId: '6b0a3c1e-8a4e-4a55-9d8f-0d6f3f0a1b2d', channel: 'whatsapp', to: '+19175550123', from: '+12125550101', content: contents.buttons! }, sender('whatsapp'));
    await adapter.send({
      messageId: '6b0a3c1e-8a4e-4a55-9d8f-0d6f3f0a1b2e', channel: 'whatsapp', to: '+19175550123', from: '+12125550101',
      content: { kind: 'template', name: 'reengage', language: 'en_US', contentSid: `HX${'a'.repeat(32)}`, variables: ['Riverside Clinic'] },
    }, sender('whatsapp'));
    expect(fake.sends).toHaveLength(3);
    for (const send of fake.sends) expect({ params: send.params, errors: createMessage(send.params) ? [] : createMessage.errors }).toEqual({ params: send.params, errors: [] });
    const [sms, wa, template] = fake.sends.map((s) => s.params);
    expect(sms).toMatchObject({ To: '+19175550123', From: '+12125550100', StatusCallback: 'https://clinic.example.com/webhooks/twilio/status?messageId=6b0a3c1e-8a4e-4a55-9d8f-0d6f3f0a1b2c' });
    expect(wa).toMatchObject({ To: 'whatsapp:+19175550123', From: 'whatsapp:+12125550100' });
    // No interactive messages through Twilio without Content templates: numbered options instead.
    expect(wa!.Body).toBe('Shall I book it?\n1 Yes, book it\n2 No\n3 Another time, please!');
    expect(template).toMatchObject({ ContentSid: `HX${'a'.repeat(32)}`, ContentVariables: '{"1":"Riverside Clinic"}' });
    expect(template!.Body).toBeUndefined();

    const answer = await fetch(`${fake.url}/2010-04-01/Accounts/${credentials.accountSid}/Messages.json`, {
      method: 'POST', body: new URLSearchParams({ To: '+19175550123', From: '+12125550100', Body: 'x' }),
      headers: { authorization: `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    }).then((r) => r.json());
    expect(messageResource(answer) ? [] : messageResource.errors).toEqual([]);
  });

  it('rejects malformed requests', () => {
    expect(createMessage({ From: '+12125550100', Body: 'no recipient' })).toBe(false);
    expect(createMessage({ To: '2125550123', Body: 'not E.164' })).toBe(false);
    expect(createMessage({ To: '+19175550123', ContentSid: 'HX123' })).toBe(false);
    expect(createMessage({ To: '+19175550123', StatusCallback: 'not a url' })).toBe(false);
  });

  it('classifies Twilio errors: 21610 opted out, 5xx retried, other 4xx permanent', async () => {
    const send = () => adapter.send({ messageId: '6b0a3c1e-8a4e-4a55-9d8f-0d6f3f0a1b2f', channel: 'sms', to: '+19175550123', from: '+12125550100', content: contents.text! }, sender('sms'));
    fake.failNext({ status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' }, { status: 503, code: 20503, message: 'Service unavailable' }, { status: 400, code: 21211, message: "The 'To' number +19175550123 is not a valid phone number." });
    await expect(send()).rejects.toMatchObject({ kind: 'opted_out', providerCode: '21610' });
    await expect(send()).rejects.toMatchObject({ kind: 'retryable', providerCode: '20503' });
    await expect(send()).rejects.toMatchObject({ kind: 'permanent', providerCode: '21211' });
  });
});
