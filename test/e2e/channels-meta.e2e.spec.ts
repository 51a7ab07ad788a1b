import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { appParts, META, PUBLIC_BASE_URL, queueOutbound, randomPatient, settled, TWILIO, until } from '../channels/support/channel-app.js';
import { metaMessageValidator } from '../channels/support/openapi.js';
import { contract } from '../support/fakes/contracts-dir.js';
import { type FakeGraph, startFakeGraph } from '../support/fakes/fake-meta-graph-api.js';
import { type FakeTwilio, startFakeTwilio } from '../support/fakes/fake-twilio-api.js';
import { postMeta } from '../support/fakes/provider-signatures.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Meta WhatsApp Cloud API end to end: the verification handshake, signed webhooks (every sample in
 * the contracts), replies captured by a local Graph API fake and validated against Meta's OpenAPI,
 * statuses out of order, the 24-hour window, and the SMS fallback through the Twilio fake.
 */
const NUMBER = '+15550783881';
const PHONE_NUMBER_ID = '106540352242922';
const SMS_NUMBER = '+12125550100';

describe('Meta WhatsApp Cloud API channel', () => {
  let graph: FakeGraph;
  let twilio: FakeTwilio;
  const env = useTestApp('demo', {
    beforeStart: async ({ prisma }) => {
      graph = await startFakeGraph(META.accessToken);
      twilio = await startFakeTwilio(TWILIO);
      const clinic = await prisma.clinic.findFirstOrThrow({ where: { slug: 'riverside' } });
      await prisma.clinicChannel.create({ data: { clinicId: clinic.id, channel: 'whatsapp', provider: 'meta', address: NUMBER, externalId: PHONE_NUMBER_ID } });
      // pywa's samples are addressed to this phone_number_id.
      await prisma.clinicChannel.create({ data: { clinicId: clinic.id, channel: 'whatsapp', provider: 'meta', address: '+972123456789', externalId: '1122334455667' } });
    },
    overrides: () => ({
      META_WHATSAPP_TOKEN: META.accessToken, META_APP_SECRET: META.appSecret, META_VERIFY_TOKEN: META.verifyToken, META_GRAPH_BASE_URL: graph.url,
      TWILIO_ACCOUNT_SID: TWILIO.accountSid, TWILIO_AUTH_TOKEN: TWILIO.authToken, TWILIO_API_BASE_URL: twilio.url, PUBLIC_BASE_URL,
      OUTBOUND_WHATSAPP_RATE_PER_SECOND: '200', OUTBOUND_SMS_RATE_PER_SECOND: '200', OUTBOUND_MAX_ATTEMPTS: '2',
    }),
  });
  const validate = metaMessageValidator();
  const specErrors = (body: unknown) => (validate(body) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

  /** The spec's own text-message example, addressed from `phone` with a fresh id and timestamp. */
  const textPayload = (phone: string, text: string, id = `wamid.${randomBytes(12).toString('hex')}`) => {
    const payload = JSON.parse(readFileSync(contract('meta', 'webhooks', 'openapi_text_message.json'), 'utf8'));
    const value = payload.entry[0].changes[0].value;
    value.contacts[0].wa_id = phone.slice(1);
    Object.assign(value.messages[0], { from: phone.slice(1), id, timestamp: String(Math.floor(Date.now() / 1000)), text: { body: text } });
    return { payload, id };
  };
  const statusPayload = (messageId: string, status: string, errors?: unknown[]) => {
    const payload = JSON.parse(readFileSync(contract('meta', 'webhooks', 'pywa', `message_status__${status === 'failed' ? 'failed' : status}.json`), 'utf8'));
    const value = payload.entry[0].changes[0].value;
    value.metadata = { display_phone_number: NUMBER.slice(1), phone_number_id: PHONE_NUMBER_ID };
    Object.assign(value.statuses[0], { id: messageId, status, ...(errors ? { errors } : {}) });
    return payload;
  };
  const sendsTo = (phone: string) => graph.sends.filter((s) => s.body.to === phone.slice(1));

  afterAll(async () => {
    await graph?.close();
    await twilio?.close();
  });

  it('answers the verification handshake only with the right verify token', async () => {
    const get = (query: string) => fetch(`${env.running.url}/webhooks/whatsapp?${query}`).then(async (r) => ({ status: r.status, body: await r.text() }));
    expect(await get(`hub.mode=subscribe&hub.verify_token=${META.verifyToken}&hub.challenge=1158201444`)).toEqual({ status: 200, body: '1158201444' });
    expect((await get('hub.mode=subscribe&hub.verify_token=wrong-token-000000&hub.challenge=1158201444')).status).toBe(403);
    expect((await get(`hub.mode=unsubscribe&hub.verify_token=${META.verifyToken}&hub.challenge=1`)).status).toBe(403);
    expect((await get('hub.mode=subscribe&hub.challenge=1')).status).toBe(403);
  });

  it('rejects a missing or forged X-Hub-Signature-256 with 403 and stores nothing', async () => {
    const { payload, id } = textPayload(randomPatient(), 'hello');
    expect((await postMeta(env.running.url, META.appSecret, payload, null)).status).toBe(403);
    expect((await postMeta(env.running.url, 'not-the-app-secret', payload)).status).toBe(403);
    expect((await postMeta(env.running.url, META.appSecret, payload, 'sha256=00')).status).toBe(403);
    // Signed, then changed: the signature covers the exact bytes.
    const body = JSON.stringify(payload);
    const { metaSignature } = await import('../support/fakes/provider-signatures.js');
    expect((await postMeta(env.running.url, META.appSecret, body.replace('hello', 'HELLO'), metaSignature(META.appSecret, body))).status).toBe(403);
    expect(await env.prisma.message.count({ where: { providerMessageId: id } })).toBe(0);
  });

  it('accepts every webhook sample in the contracts: messages stored (or declined), nothing else', async () => {
    const samples: [string, any][] = [];
    for (const dir of [['meta', 'webhooks'], ['meta', 'webhooks', 'pywa']]) {
      for (const file of readdirSync(contract(...dir)).filter((f) => f.endsWith('.json')).sort()) {
        const data = JSON.parse(readFileSync(contract(...dir, file), 'utf8'));
        if ('object' in data) samples.push([file, data]);
        else for (const [key, payload] of Object.entries(data)) samples.push([`${file}#${key}`, payload]);
      }
    }
    for (const [name, payload] of samples) {
      const res = await postMeta(env.running.url, META.appSecret, payload);
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
      const messages = (payload.entry ?? []).flatMap((e: any) => e.changes.flatMap((c: any) => (c.field === 'messages' ? c.value.messages ?? [] : [])));
      for (const m of messages) {
        expect({ name, id: m.id, stored: await env.prisma.message.count({ where: { provider: 'meta', providerMessageId: m.id } }) }).toEqual({ name, id: m.id, stored: 1 });
      }
    }
    const unsupported = await env.prisma.message.findFirstOrThrow({ where: { provider: 'meta', providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTU2MjZEMDBGRkE3MENEMDE0RQA=' } });
    expect(unsupported.unsupported).toBe(true);
    await settled(env.prisma);
  }, 60_000);

  it('a new patient: stored once for three deliveries, replied once; every reply body matches Meta’s OpenAPI', async () => {
    const phone = randomPatient();
    const { payload, id } = textPayload(phone, 'hello');
    const statuses = await Promise.all([1, 2, 3].map(() => postMeta(env.running.url, META.appSecret, payload)));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200]);
    await settled(env.prisma);
    const stored = await env.prisma.message.findMany({ where: { provider: 'meta', providerMessageId: id } });
    expect(stored).toHaveLength(1);
    const replies = await env.prisma.message.findMany({ where: { replyToId: stored[0]!.id } });
    expect(sendsTo(phone)).toHaveLength(replies.length);
    expect(graph.sends.every((s) => s.phoneNumberId === PHONE_NUMBER_ID || s.phoneNumberId === '1122334455667')).toBe(true);
    for (const send of sendsTo(phone)) expect(specErrors(send.body)).toEqual([]);
  }, 30_000);

  describe('with a conversation', () => {
    let phone: string;
    let conversation: { id: string; clinicId: string; channel: 'whatsapp' };

    beforeAll(async () => {
      phone = randomPatient();
      await postMeta(env.running.url, META.appSecret, textPayload(phone, 'hello').payload);
      await settled(env.prisma);
      const row = await env.prisma.message.findFirstOrThrow({ where: { provider: 'meta', direction: 'outbound', providerMessageId: sendsTo(phone)[0]!.id! } });
      conversation = { id: row.conversationId, clinicId: row.clinicId, channel: 'whatsapp' };
    });

    it('sends text, reply buttons and lists as interactive messages that validate against the spec', async () => {
      const { cipher, dispatcher } = appParts(env.running);
      const buttons = { kind: 'buttons', text: 'Shall I book Tue 9:00?', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] };
      const list = { kind: 'list', text: 'Pick a time', buttonText: 'Times', rows: Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, title: `Tue ${9 + i}:00`, description: 'Dr. Patel · Downtown' })) };
      const rows = [
        await queueOutbound(env.prisma, cipher, conversation, 'meta', 'Plain text reply'),
        await queueOutbound(env.prisma, cipher, conversation, 'meta', buttons.text, { choices: { neutral: buttons.buttons.map((b) => ({ id: b.id, label: b.title })), rendered: buttons } }),
        await queueOutbound(env.prisma, cipher, conversation, 'meta', list.text, { choices: { neutral: list.rows.map((r) => ({ id: r.id, label: r.title })), rendered: list } }),
      ];
      const before = sendsTo(phone).length;
      await dispatcher.dispatch(rows.map((r) => r.id));
      await settled(env.prisma, { conversationId: conversation.id });
      const sent = sendsTo(phone).slice(before);
      expect(sent.map((s) => s.body.type === 'interactive' ? s.body.interactive.type : s.body.type)).toEqual(['text', 'button', 'list']);
      for (const s of sent) expect(specErrors(s.body)).toEqual([]);
      expect(sent[1]!.body.interactive.action.buttons).toEqual([{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'no', title: 'No' } }]);
      expect(sent[2]!.body.interactive.action.sections[0].rows).toHaveLength(10);
      const stored = await env.prisma.message.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { seq: 'asc' } });
      expect(stored.map((m) => [m.status, m.sentAs])).toEqual([['sent', 'text'], ['sent', 'interactive'], ['sent', 'interactive']]);
    }, 30_000);

    it('statuses out of order never go backwards; a failure records Meta’s code', async () => {
      const [first] = sendsTo(phone);
      for (const status of ['read', 'delivered', 'sent']) expect((await postMeta(env.running.url, META.appSecret, statusPayload(first!.id!, status))).status).toBe(200);
      const message = await until(() => env.prisma.message.findFirstOrThrow({ where: { providerMessageId: first!.id! } }), (m) => m.status === 'read');
      await postMeta(env.running.url, META.appSecret, statusPayload(first!.id!, 'failed'));
      expect((await env.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe('read');
    });

    it('outside the 24-hour window: skipped without a template, the template once with one, and Meta’s 131047 turns a free-form reply into the template', async () => {
      const { cipher, dispatcher } = appParts(env.running);
      await env.prisma.conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) } });
      const skipped = await queueOutbound(env.prisma, cipher, conversation, 'meta', 'Late reply');
      await dispatcher.dispatch([skipped.id]);
      expect(await until(() => env.prisma.message.findUniqueOrThrow({ where: { id: skipped.id } }), (m) => m.status !== 'queued')).toMatchObject({ status: 'skipped', errorCode: 'outside_window' });

      await env.prisma.clinicChannel.updateMany({ where: { provider: 'meta', address: NUMBER }, data: { settings: { reengagementTemplate: { name: 'reengage_reply_waiting', language: 'en_US', variables: ['{clinicName}'] } } } });
      const before = sendsTo(phone).length;
      const late = await queueOutbound(env.prisma, cipher, conversation, 'meta', 'Late reply again');
      await dispatcher.dispatch([late.id]);
      await settled(env.prisma, { conversationId: conversation.id });
      const [template] = sendsTo(phone).slice(before);
      expect(template!.body).toMatchObject({ type: 'template', template: { name: 'reengage_reply_waiting', language: { code: 'en_US', policy: 'deterministic' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Riverside Family Clinic' }] }] } });
      expect(specErrors(template!.body)).toEqual([]);
      expect(await env.prisma.message.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: 'sent', sentAs: 'template', templateName: 'reengage_reply_waiting' });

      // The patient writes again (a second later: Meta timestamps are in whole seconds): the window is
      // open; Meta disagrees (131047) → the template goes instead.
      await new Promise((r) => setTimeout(r, 1_100));
      await postMeta(env.running.url, META.appSecret, textPayload(phone, 'hello again').payload);
      await settled(env.prisma);
      graph.failNext({ status: 400, code: 131047, message: 'Re-engagement message', to: phone.slice(1) });
      const raced = await queueOutbound(env.prisma, cipher, conversation, 'meta', 'One more');
      const count = sendsTo(phone).length;
      await dispatcher.dispatch([raced.id]);
      await settled(env.prisma, { conversationId: conversation.id });
      const [refused, retried] = sendsTo(phone).slice(count);
      expect(refused!.body.type).toBe('text');
      expect(retried!.body.type).toBe('template');
      expect(await env.prisma.message.findUniqueOrThrow({ where: { id: raced.id } })).toMatchObject({ status: 'sent', sentAs: 'template' });
    }, 30_000);
  });

  it('a WhatsApp message that finally fails falls back to SMS from the clinic’s SMS number, once, and is audited', async () => {
    const phone = randomPatient();
    graph.failNext({ status: 400, code: 131026, message: `Message undeliverable to ${phone}`, to: phone.slice(1) });
    await postMeta(env.running.url, META.appSecret, textPayload(phone, 'hello').payload);
    await settled(env.prisma);
    const failed = await env.prisma.message.findFirstOrThrow({ where: { provider: 'meta', direction: 'outbound', status: 'failed', errorCode: '131026', conversation: { addressHash: appParts(env.running).cipher.blindIndex(phone) } } });
    expect(failed.errorMessage).not.toContain(phone.slice(2));
    const fallback = await until(() => env.prisma.message.findUnique({ where: { fallbackForId: failed.id }, include: { conversation: true } }), (m) => m?.status === 'sent');
    expect(fallback).toMatchObject({ channel: 'sms', provider: 'twilio', status: 'sent' });
    expect(fallback!.conversation.channel).toBe('sms');
    const sms = twilio.sends.filter((s) => s.params.To === phone);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.params.From).toBe(SMS_NUMBER);
    expect(await env.prisma.auditLog.findFirst({ where: { action: 'message.delivery_failed', entityId: failed.id } })).toMatchObject({ details: expect.objectContaining({ errorCode: '131026', fallback: 'sms' }) });

    // A later `failed` status callback for the same message changes nothing and does not fall back twice.
    await postMeta(env.running.url, META.appSecret, statusPayload(sendsTo(phone)[0]?.id ?? 'wamid.none', 'failed'));
    expect(await env.prisma.message.count({ where: { fallbackForId: failed.id } })).toBe(1);
  }, 30_000);

  it('a failed status callback (pywa sample, code 130472) marks the message failed and falls back to SMS; not when the patient opted out of SMS', async () => {
    const phone = randomPatient();
    await postMeta(env.running.url, META.appSecret, textPayload(phone, 'hello').payload);
    await settled(env.prisma);
    const [first] = sendsTo(phone);
    const sample = JSON.parse(readFileSync(contract('meta', 'webhooks', 'pywa', 'message_status__failed.json'), 'utf8')).entry[0].changes[0].value.statuses[0];
    await postMeta(env.running.url, META.appSecret, statusPayload(first!.id!, 'failed', sample.errors));
    const message = await until(() => env.prisma.message.findFirstOrThrow({ where: { providerMessageId: first!.id! } }), (m) => m.status === 'failed');
    expect(message.errorCode).toBe('130472');
    await until(() => env.prisma.message.count({ where: { fallbackForId: message.id } }), (n) => n === 1);
    await settled(env.prisma);
    expect(twilio.sends.filter((s) => s.params.To === phone)).toHaveLength(1);

    const optedOut = randomPatient();
    await postMeta(env.running.url, META.appSecret, textPayload(optedOut, 'hello').payload);
    await settled(env.prisma);
    const conversation = await env.prisma.conversation.findFirstOrThrow({ where: { messages: { some: { providerMessageId: sendsTo(optedOut)[0]!.id! } } } });
    const patient = await env.prisma.patient.create({ data: { clinicId: conversation.clinicId, phoneHash: conversation.addressHash, phoneEnc: conversation.addressEnc, smsOptedOutAt: new Date() } });
    await env.prisma.conversation.update({ where: { id: conversation.id }, data: { patientId: patient.id } });
    await postMeta(env.running.url, META.appSecret, statusPayload(sendsTo(optedOut)[0]!.id!, 'failed', sample.errors));
    const failed = await until(() => env.prisma.message.findFirstOrThrow({ where: { providerMessageId: sendsTo(optedOut)[0]!.id! } }), (m) => m.status === 'failed');
    await until(() => env.prisma.auditLog.count({ where: { action: 'message.delivery_failed', entityId: failed.id } }), (n) => n === 1);
    expect(await env.prisma.message.count({ where: { fallbackForId: failed.id } })).toBe(0);
    expect(twilio.sends.filter((s) => s.params.To === optedOut)).toHaveLength(0);
  }, 30_000);
});
