import { readdirSync, readFileSync } from 'node:fs';
import { appParts, PUBLIC_BASE_URL, queueOutbound, randomPatient, settled, sid, TWILIO, until } from '../channels/support/channel-app.js';
import { twilioValidators } from '../channels/support/openapi.js';
import { contract } from '../support/fakes/contracts-dir.js';
import { type FakeTwilio, startFakeTwilio } from '../support/fakes/fake-twilio-api.js';
import { postTwilio, twilioSignature } from '../support/fakes/provider-signatures.js';
import { useTestApp } from '../support/test-app.js';
import { jest } from '@jest/globals';
import { ChannelRepository } from '../../src/channels/channel.repository.js';
import { SentMarker } from '../../src/channels/outbound/sent-marker.js';

/**
 * Twilio SMS and WhatsApp end to end: signed webhooks over real HTTP into the real app (Postgres,
 * Redis, BullMQ workers in-process), replies captured by a local fake of Twilio's REST API.
 */
const SMS_NUMBER = '+12125550100';
const WA_NUMBER = '+12125550101';
const empty = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

describe('Twilio channel', () => {
  let fake: FakeTwilio;
  const env = useTestApp('demo', {
    beforeStart: async () => { fake = await startFakeTwilio(TWILIO); },
    overrides: () => ({
      TWILIO_ACCOUNT_SID: TWILIO.accountSid, TWILIO_AUTH_TOKEN: TWILIO.authToken, TWILIO_API_BASE_URL: fake.url, PUBLIC_BASE_URL,
      OUTBOUND_SMS_RATE_PER_SECOND: '200', OUTBOUND_WHATSAPP_RATE_PER_SECOND: '200', OUTBOUND_MAX_ATTEMPTS: '3',
    }),
  });
  const { createMessage } = twilioValidators();

  const inbound = (from: string, body: string, extra: Record<string, string> = {}, channel: 'sms' | 'whatsapp' = 'sms') => {
    const p = (n: string) => (channel === 'whatsapp' ? `whatsapp:${n}` : n);
    return { AccountSid: TWILIO.accountSid, From: p(from), To: p(channel === 'sms' ? SMS_NUMBER : WA_NUMBER), Body: body, MessageSid: sid(), NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01', ...extra };
  };
  const post = (params: Record<string, string>, path = '/webhooks/twilio/messages', signature?: string | null) => postTwilio(env.running.url, PUBLIC_BASE_URL, TWILIO.authToken, path, params, signature);
  const sendsTo = (phone: string) => fake.sends.filter((s) => s.params.To === phone || s.params.To === `whatsapp:${phone}`);

  afterAll(() => fake?.close());

  describe('signature', () => {
    it('rejects a missing, forged or Host-based signature with 403 and stores nothing', async () => {
      const params = inbound(randomPatient(), 'hello');
      const hostUrl = `${env.running.url}/webhooks/twilio/messages`;
      for (const signature of [null, 'bm90IGEgc2lnbmF0dXJl', twilioSignature('wrong-token-123456', `${PUBLIC_BASE_URL}/webhooks/twilio/messages`, params), twilioSignature(TWILIO.authToken, hostUrl, params)]) {
        const res = await post(params, undefined, signature);
        expect(res.status).toBe(403);
      }
      // A parameter changed after signing.
      const signed = twilioSignature(TWILIO.authToken, `${PUBLIC_BASE_URL}/webhooks/twilio/messages`, params);
      expect((await post({ ...params, Body: 'tampered' }, undefined, signed)).status).toBe(403);
      expect((await postTwilio(env.running.url, PUBLIC_BASE_URL, TWILIO.authToken, '/webhooks/twilio/status', { MessageSid: sid(), MessageStatus: 'delivered' }, null)).status).toBe(403);
      expect(await env.prisma.message.count({ where: { providerMessageId: params.MessageSid } })).toBe(0);
    });

    it('includes the query string in the signed URL', async () => {
      const params = { MessageSid: sid(), MessageStatus: 'delivered' };
      const path = '/webhooks/twilio/status?messageId=00000000-0000-4000-8000-000000000000';
      expect((await post(params, path, twilioSignature(TWILIO.authToken, `${PUBLIC_BASE_URL}/webhooks/twilio/status`, params))).status).toBe(403);
      expect((await post(params, path)).status).toBe(204);
    });
  });

  it('accepts every Twilio webhook sample from the contracts (answered with empty TwiML)', async () => {
    const clinic = await env.prisma.clinic.findFirstOrThrow();
    for (const channel of ['sms', 'whatsapp'] as const) {
      await env.prisma.clinicChannel.create({ data: { clinicId: clinic.id, channel, provider: 'twilio', address: '+15558675310' } });
    }
    const dir = contract('twilio', 'webhooks');
    for (const file of readdirSync(dir).sort()) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const params: Record<string, string> = file.endsWith('.json') ? JSON.parse(text).body : Object.fromEntries(new URLSearchParams(text));
      const res = await post(params);
      expect({ file, status: res.status, body: res.body, type: res.contentType }).toEqual({ file, status: 200, body: empty, type: expect.stringContaining('text/xml') });
    }
    // The SMS and WhatsApp samples share one MessageSid: stored once.
    expect(await env.prisma.message.count({ where: { provider: 'twilio', providerMessageId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } })).toBe(1);
    await settled(env.prisma);
  });

  it('three deliveries of one webhook: one stored message, one set of replies sent', async () => {
    const phone = randomPatient();
    const params = inbound(phone, 'hello');
    const answers = await Promise.all([post(params), post(params), post(params)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await post(params)).status).toBe(200);
    await settled(env.prisma);
    const stored = await env.prisma.message.findMany({ where: { provider: 'twilio', providerMessageId: params.MessageSid } });
    expect(stored).toHaveLength(1);
    const replies = await env.prisma.message.findMany({ where: { replyToId: stored[0]!.id } });
    expect(replies.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(sendsTo(phone)).toHaveLength(replies.length);
    expect(replies.every((r) => r.status === 'sent' && r.providerMessageId?.startsWith('SM'))).toBe(true);
    for (const send of sendsTo(phone)) expect(createMessage(send.params) ? [] : createMessage.errors).toEqual([]);
  }, 30_000);

  it('answers a burst from one patient in the order the messages arrived', async () => {
    const phone = randomPatient();
    const texts = ['hello', 'what can you do', 'help', 'book a follow-up', 'menu', 'my appointments', 'hello again', 'thanks'];
    const all = texts.map((t) => inbound(phone, t));
    const answers = await Promise.all(all.map((p) => post(p)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await settled(env.prisma);
    const inbounds = await env.prisma.message.findMany({ where: { providerMessageId: { in: all.map((p) => p.MessageSid) } } });
    expect(inbounds).toHaveLength(texts.length);
    const seqOf = new Map(inbounds.map((m) => [m.id, m.seq]));
    const sent = sendsTo(phone);
    const rows = await env.prisma.message.findMany({ where: { providerMessageId: { in: sent.map((s) => s.sid!) } } });
    const bySid = new Map(rows.map((r) => [r.providerMessageId, r]));
    const order = sent.map((s) => ({ inboundSeq: seqOf.get(bySid.get(s.sid)!.replyToId!)!, replySeq: bySid.get(s.sid)!.seq }));
    expect(order.length).toBeGreaterThanOrEqual(texts.length);
    const sorted = [...order].sort((a, b) => (a.inboundSeq === b.inboundSeq ? Number(a.replySeq - b.replySeq) : Number(a.inboundSeq - b.inboundSeq)));
    expect(order).toEqual(sorted);
    // Every inbound message got its replies.
    expect(new Set(order.map((o) => o.inboundSeq)).size).toBe(texts.length);
  }, 60_000);

  it('applies status callbacks out of order without going backwards, and records failures with Twilio’s code', async () => {
    const phone = randomPatient();
    await post(inbound(phone, 'hello'));
    await settled(env.prisma);
    const [first] = sendsTo(phone);
    const message = await env.prisma.message.findFirstOrThrow({ where: { providerMessageId: first!.sid! } });
    const callback = (status: string, extra: Record<string, string> = {}) =>
      post({ MessageSid: first!.sid!, MessageStatus: status, AccountSid: TWILIO.accountSid, ...extra }, `/webhooks/twilio/status?messageId=${message.id}`);
    for (const status of ['read', 'delivered', 'sent', 'queued']) expect((await callback(status)).status).toBe(204);
    expect((await env.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe('read');
    await callback('failed', { ErrorCode: '30008' });
    expect((await env.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe('read');

    // Without our id in the URL, the provider's id finds the message.
    const other = await queueOutbound(env.prisma, appParts(env.running).cipher, { id: message.conversationId, clinicId: message.clinicId, channel: 'sms' }, 'twilio', 'Reminder: see you tomorrow');
    await appParts(env.running).dispatcher.dispatch([other.id]);
    const sent = await until(() => env.prisma.message.findUniqueOrThrow({ where: { id: other.id } }), (m) => m.status === 'sent');
    await post({ MessageSid: sent.providerMessageId!, MessageStatus: 'undelivered', ErrorCode: '30007' }, '/webhooks/twilio/status');
    await post({ MessageSid: sent.providerMessageId!, MessageStatus: 'sent' }, '/webhooks/twilio/status');
    expect(await env.prisma.message.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: 'undelivered', errorCode: '30007' });
  }, 30_000);

  it('a status callback that beats the send job is parked, then applied once the job records the id', async () => {
    const phone = randomPatient();
    await post(inbound(phone, 'hello'));
    await settled(env.prisma);
    const reply = await env.prisma.message.findFirstOrThrow({ where: { providerMessageId: sendsTo(phone)[0]!.sid! } });
    const early = sid();
    // Twilio calls back (no messageId: e.g. a status URL configured on the number) before our job recorded the sid.
    expect((await post({ MessageSid: early, MessageStatus: 'delivered' }, '/webhooks/twilio/status')).status).toBe(204);
    fake.nextSids(early);
    const row = await queueOutbound(env.prisma, appParts(env.running).cipher, { id: reply.conversationId, clinicId: reply.clinicId, channel: 'sms' }, 'twilio', 'Your slot is held');
    await appParts(env.running).dispatcher.dispatch([row.id]);
    expect(await until(() => env.prisma.message.findUniqueOrThrow({ where: { id: row.id } }), (m) => m.status === 'delivered')).toMatchObject({ providerMessageId: early });
  }, 30_000);

  it('retries a failed send with backoff, and marks a permanent failure with the provider’s code (no phone number in the error)', async () => {
    const phone = randomPatient();
    fake.failNext({ status: 503, code: 20503, message: 'Service Unavailable' });
    await post(inbound(phone, 'hello'));
    await settled(env.prisma);
    const first = await env.prisma.message.findFirstOrThrow({ where: { direction: 'outbound', conversation: { messages: { some: { direction: 'inbound' } } }, providerMessageId: sendsTo(phone).find((s) => s.sid)!.sid! } });
    expect(first.sendAttempts).toBe(2);
    expect(first.status).toBe('sent');

    const conversationId = first.conversationId;
    fake.failNext({ status: 400, code: 21211, message: `The 'To' number ${phone} is not a valid phone number.` });
    const row = await queueOutbound(env.prisma, appParts(env.running).cipher, { id: conversationId, clinicId: first.clinicId, channel: 'sms' }, 'twilio', 'Reminder');
    await appParts(env.running).dispatcher.dispatch([row.id]);
    const failed = await until(() => env.prisma.message.findUniqueOrThrow({ where: { id: row.id } }), (m) => m.status === 'failed');
    expect(failed.errorCode).toBe('21211');
    expect(failed.errorMessage).not.toContain(phone.slice(2));
    expect(failed.sendAttempts).toBe(1);
  }, 30_000);

  it('a send whose result cannot be saved at first is recorded when Postgres answers again, and is never sent twice', async () => {
    const repository = env.running.app.get(ChannelRepository);
    const lost = new Error('Connection terminated unexpectedly');
    const markSent = jest.spyOn(repository, 'markSent').mockRejectedValueOnce(lost).mockRejectedValueOnce(lost);
    try {
      const phone = randomPatient();
      await post(inbound(phone, 'hello'));
      await settled(env.prisma);
      const replies = await env.prisma.message.findMany({ where: { direction: 'outbound', conversation: { messages: { some: { providerMessageId: { not: null }, direction: 'inbound' } } }, providerMessageId: { in: sendsTo(phone).map((s) => s.sid!) } } });
      expect(sendsTo(phone)).toHaveLength(replies.length);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((m) => m.status === 'sent' && m.sendAttempts === 1)).toBe(true);
    } finally {
      markSent.mockRestore();
    }

    // A send that reached Twilio but whose job died before saving it: the retry records, never resends.
    const clinic = await env.prisma.clinic.findFirstOrThrow();
    const conversation = await env.prisma.conversation.findFirstOrThrow({ where: { clinicId: clinic.id, channel: 'sms' } });
    const row = await queueOutbound(env.prisma, appParts(env.running).cipher, { id: conversation.id, clinicId: clinic.id, channel: 'sms' }, 'twilio', 'Reminder');
    await env.running.app.get(SentMarker).remember(row.id, { providerMessageId: 'SMalreadysent0000000000000000000', sentAs: 'text', templateName: null });
    const before = fake.sends.length;
    await appParts(env.running).dispatcher.dispatch([row.id]);
    const recorded = await until(() => env.prisma.message.findUniqueOrThrow({ where: { id: row.id } }), (m) => m.status === 'sent');
    expect(recorded.providerMessageId).toBe('SMalreadysent0000000000000000000');
    expect(fake.sends.length).toBe(before);
  }, 60_000);

  it('Twilio 21610 (recipient replied STOP at the carrier): recorded as opted out, not retried, nothing more sent', async () => {
    const phone = randomPatient();
    fake.failWhen((params) => (params.To === phone ? { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' } : null));
    await post(inbound(phone, 'hello'));
    await settled(env.prisma);
    const attempts = sendsTo(phone).length;
    expect(attempts).toBe(1);
    let failed = await env.prisma.message.findFirstOrThrow({ where: { errorCode: '21610' }, include: { conversation: true }, orderBy: { createdAt: 'desc' } });
    // The failure and the opt-out are written one after the other by the send job; under load the
    // test can look in between.
    for (let i = 0; i < 50 && failed.conversation.optedOutAt === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      failed = await env.prisma.message.findUniqueOrThrow({ where: { id: failed.id }, include: { conversation: true } });
    }
    expect(failed.status).toBe('failed');
    expect(failed.conversation.optedOutAt).not.toBeNull();
    fake.failWhen(null);
    const later = await queueOutbound(env.prisma, appParts(env.running).cipher, { id: failed.conversationId, clinicId: failed.clinicId, channel: 'sms' }, 'twilio', 'Reminder');
    await appParts(env.running).dispatcher.dispatch([later.id]);
    expect(await until(() => env.prisma.message.findUniqueOrThrow({ where: { id: later.id } }), (m) => m.status !== 'queued')).toMatchObject({ status: 'skipped', errorCode: 'opted_out' });
    expect(sendsTo(phone)).toHaveLength(attempts);
    expect(await env.prisma.auditLog.count({ where: { action: 'message.recipient_opted_out', entityId: failed.id } })).toBe(1);
  }, 30_000);

  it('STOP: only the confirmation goes out; nothing after, not even a queued reminder', async () => {
    const phone = randomPatient();
    await post(inbound(phone, 'hello'));
    await settled(env.prisma);
    const before = sendsTo(phone).length;
    await post(inbound(phone, 'STOP'));
    await settled(env.prisma);
    expect(sendsTo(phone).length).toBe(before + 1);
    const conversation = await env.prisma.conversation.findFirstOrThrow({ where: { messages: { some: { providerMessageId: sendsTo(phone)[0]!.sid! } } } });
    expect(conversation.optedOutAt).not.toBeNull();
    await post(inbound(phone, 'hello?'));
    await settled(env.prisma);
    const reminder = await queueOutbound(env.prisma, appParts(env.running).cipher, { id: conversation.id, clinicId: conversation.clinicId, channel: 'sms' }, 'twilio', 'Reminder: appointment tomorrow');
    await appParts(env.running).dispatcher.dispatch([reminder.id]);
    expect(await until(() => env.prisma.message.findUniqueOrThrow({ where: { id: reminder.id } }), (m) => m.status !== 'queued')).toMatchObject({ status: 'skipped', errorCode: 'opted_out' });
    expect(sendsTo(phone).length).toBe(before + 1);
  }, 30_000);

  it('a message to a number no clinic uses: 200, nothing stored', async () => {
    const params = { ...inbound(randomPatient(), 'hello'), To: '+13125550000' };
    const res = await post(params);
    expect(res.status).toBe(200);
    expect(res.body).toBe(empty);
    expect(await env.prisma.message.count({ where: { providerMessageId: params.MessageSid } })).toBe(0);
  });

  describe('WhatsApp through Twilio and the 24-hour window', () => {
    let conversation: { id: string; clinicId: string; channel: 'whatsapp' };
    let phone: string;
    const contentSid = `HX${'b'.repeat(32)}`;

    beforeAll(async () => {
      phone = randomPatient();
      await post(inbound(phone, 'hello', { ProfileName: 'Pat' }, 'whatsapp'));
      await settled(env.prisma);
      const row = await env.prisma.message.findFirstOrThrow({ where: { providerMessageId: sendsTo(phone)[0]!.sid! } });
      conversation = { id: row.conversationId, clinicId: row.clinicId, channel: 'whatsapp' };
    });

    it('inside the window: free text (choices as numbered options), from whatsapp:+…', () => {
      const send = sendsTo(phone)[0]!;
      expect(send.params).toMatchObject({ From: `whatsapp:${WA_NUMBER}`, To: `whatsapp:${phone}` });
      expect(send.params.Body).toBeTruthy();
      expect(send.params.ContentSid).toBeUndefined();
    });

    it('outside the window: the re-engagement template by ContentSid, once; without a template: skipped', async () => {
      const { cipher, dispatcher } = appParts(env.running);
      await env.prisma.conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) } });
      const noTemplate = await queueOutbound(env.prisma, cipher, conversation, 'twilio', 'Your appointment moved');
      await dispatcher.dispatch([noTemplate.id]);
      expect(await until(() => env.prisma.message.findUniqueOrThrow({ where: { id: noTemplate.id } }), (m) => m.status !== 'queued')).toMatchObject({ status: 'skipped', errorCode: 'outside_window' });

      await env.prisma.clinicChannel.updateMany({ where: { address: WA_NUMBER, provider: 'twilio' }, data: { settings: { reengagementTemplate: { name: 'reengage', contentSid, variables: ['{clinicName}'] } } } });
      const before = sendsTo(phone).length;
      const a = await queueOutbound(env.prisma, cipher, conversation, 'twilio', 'Reply one');
      const b = await queueOutbound(env.prisma, cipher, conversation, 'twilio', 'Reply two');
      await dispatcher.dispatch([a.id, b.id]);
      await settled(env.prisma, { conversationId: conversation.id });
      const sent = sendsTo(phone).slice(before);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.params).toMatchObject({ ContentSid: contentSid, ContentVariables: expect.stringContaining('"1":') });
      expect(createMessage(sent[0]!.params)).toBe(true);
      expect(await env.prisma.message.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: 'sent', sentAs: 'template', templateName: 'reengage' });
      expect(await env.prisma.message.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: 'skipped', errorCode: 'outside_window' });
    }, 30_000);
  });
});
