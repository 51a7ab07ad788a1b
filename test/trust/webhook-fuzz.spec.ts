import fc from 'fast-check';
import type { PhiCipher } from '../../src/common/crypto/phi-cipher.js';
import { PHI_CIPHER } from '../../src/patients/phi.module.js';
import { META, PUBLIC_BASE_URL, TWILIO } from '../channels/support/channel-app.js';
import { patientChat } from '../support/chat.js';
import { metaSignature, twilioSignature } from '../support/fakes/provider-signatures.js';
import { useTestApp } from '../support/test-app.js';

const SMS_NUMBER = '+12125550100';
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/**
 * Whatever arrives at the webhooks — random forms, JSON, broken encodings, huge bodies, forged or
 * missing signatures — the answer is never a 5xx and nothing unsigned is ever stored. And one
 * patient writing on SMS and WhatsApp at once, in any order, always gets an answer and is never
 * booked twice.
 */
describe('fuzzing the edges', () => {
  const env = useTestApp('demo', {
    overrides: {
      TWILIO_ACCOUNT_SID: TWILIO.accountSid, TWILIO_AUTH_TOKEN: TWILIO.authToken, TWILIO_API_BASE_URL: 'http://127.0.0.1:9', PUBLIC_BASE_URL,
      META_WHATSAPP_TOKEN: META.accessToken, META_APP_SECRET: META.appSecret, META_VERIFY_TOKEN: META.verifyToken, META_GRAPH_BASE_URL: 'http://127.0.0.1:9',
      OUTBOUND_MAX_ATTEMPTS: '1',
    },
  });

  const post = async (path: string, body: string | Buffer, headers: Record<string, string>) => {
    const res = await fetch(`${env.running.url}${path}`, { method: 'POST', headers, body: new Uint8Array(Buffer.from(body)) });
    await res.arrayBuffer();
    return res.status;
  };
  const messageCount = () => env.prisma.message.count();

  /** Header values fetch can send (visible ASCII). */
  const headerValue = fc.stringMatching(/^[\x21-\x7e]{0,90}$/);
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '+12125550100', SMS_NUMBER, 'STOP', '%', '%zz', '\u0000'));
  const formFields = fc.dictionary(fc.oneof(fc.constantFrom('From', 'To', 'Body', 'MessageSid', 'AccountSid', 'NumMedia', 'ButtonPayload', 'MessageStatus'), fc.string({ maxLength: 12 })), text, { maxKeys: 10 });
  const contentType = fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=latin1', '', 'application/json; charset=utf-16');
  /** A raw body: a form, JSON, random bytes, broken percent-encoding or invalid UTF-8. */
  const rawBody = fc.oneof(
    formFields.map((f) => new URLSearchParams(f).toString()),
    fc.json({ maxDepth: 4 }),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    fc.constantFrom('From=%E0%A4%A&Body=%', 'Body=%FF%FE%00', '{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[{"from":"1","id":"x","type":"text","text":{"body":"hi"}}]}}]}]}', '\uD800', '[]', 'null', '{'),
  );

  it('forged or unsigned Twilio webhooks: never 5xx, always refused, nothing stored', async () => {
    const before = await messageCount();
    await fc.assert(fc.asyncProperty(rawBody, contentType, fc.option(headerValue, { nil: undefined }), fc.constantFrom('/webhooks/twilio/messages', '/webhooks/twilio/status'),
      async (body, type, signature, path) => {
        const status = await post(path, body, { ...(type ? { 'content-type': type } : {}), ...(signature === undefined ? {} : { 'x-twilio-signature': signature }) });
        expect(status).toBeLessThan(500);
        expect(status).toBeGreaterThanOrEqual(400);
      }), { numRuns: RUNS });
    // A forged signature over a well-formed message from a real patient is refused too.
    const params = { From: '+16465550101', To: SMS_NUMBER, Body: 'book me in', MessageSid: `SM${'a'.repeat(32)}`, AccountSid: TWILIO.accountSid };
    const forged = twilioSignature('not-the-token-000000', `${PUBLIC_BASE_URL}/webhooks/twilio/messages`, params);
    expect(await post('/webhooks/twilio/messages', new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': forged })).toBe(403);
    expect(await messageCount()).toBe(before);
  }, 120_000);

  it('forged or unsigned Meta webhooks: never 5xx, always refused, nothing stored', async () => {
    const before = await messageCount();
    const signature = fc.oneof(headerValue, fc.stringMatching(/^sha256=[0-9a-f]{64}$/), fc.stringMatching(/^sha1=[0-9a-f]{40}$/));
    await fc.assert(fc.asyncProperty(rawBody, contentType, fc.option(signature, { nil: undefined }), async (body, type, sig) => {
      const status = await post('/webhooks/whatsapp', body, { ...(type ? { 'content-type': type } : {}), ...(sig === undefined ? {} : { 'x-hub-signature-256': sig }) });
      expect(status).toBeLessThan(500);
      expect(status).toBeGreaterThanOrEqual(400);
    }), { numRuns: RUNS });
    expect(await messageCount()).toBe(before);
  }, 120_000);

  it('correctly signed but random bodies are parsed without a 5xx', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.json({ maxDepth: 5 }), fc.string({ unit: 'grapheme', maxLength: 200 })), async (body) => {
      const status = await post('/webhooks/whatsapp', body, { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(META.appSecret, body) });
      expect(status).toBeLessThan(500);
    }), { numRuns: RUNS });
    await fc.assert(fc.asyncProperty(formFields, async (fields) => {
      const params = { ...fields } as Record<string, string>;
      const sig = twilioSignature(TWILIO.authToken, `${PUBLIC_BASE_URL}/webhooks/twilio/messages`, params);
      const status = await post('/webhooks/twilio/messages', new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sig });
      expect(status).toBeLessThan(500);
    }), { numRuns: RUNS });
  }, 120_000);

  it('oversized bodies get 413, not 5xx, on every webhook and the simulator', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    for (const [path, type] of [['/webhooks/twilio/messages', 'application/x-www-form-urlencoded'], ['/webhooks/whatsapp', 'application/json'], ['/api/v1/simulator/messages', 'application/json']] as const) {
      const body = type === 'application/json' ? JSON.stringify({ text: big }) : `Body=${big}`;
      expect(await post(path, body, { 'content-type': type })).toBe(413);
    }
  }, 60_000);

  it('the simulator answers random JSON with a 4xx or an answer, never 5xx', async () => {
    const message = fc.record({ from: fc.oneof(text, fc.constantFrom('+16465550777')), text: text, channel: fc.oneof(fc.constantFrom('sms', 'whatsapp'), fc.string({ maxLength: 8 })), choiceId: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.oneof(message.map((m) => JSON.stringify(m)), fc.json({ maxDepth: 3 })), async (body) => {
      expect(await post('/api/v1/simulator/messages', body, { 'content-type': 'application/json' })).toBeLessThan(500);
    }), { numRuns: RUNS });
  }, 120_000);

  it('one patient on SMS and WhatsApp at once, in any interleaving: always answered, never booked twice', async () => {
    const words = fc.constantFrom('book a follow-up', 'vaccination please', 'first available', 'tomorrow morning', 'next tuesday', '1', '2', '3', 'yes', 'no', 'back', 'menu',
      'cancel my appointment', 'reschedule', 'my appointments', 'Ana Lima', '1980-05-05', 'help', 'español', 'english', 'asdf', '🙂');
    const cipher = env.running.app.get<PhiCipher>(PHI_CIPHER);
    const statusOf = async (phone: string, channel: 'sms' | 'whatsapp') =>
      (await env.prisma.conversation.findFirst({ where: { channel, addressHash: cipher.blindIndex(phone) } }))?.status;
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('sms', 'whatsapp'), words, fc.boolean()), { minLength: 4, maxLength: 14 }), async (steps) => {
      const phone = `+1646557${String(1000 + n++).padStart(4, '0')}`;
      const chats = { sms: patientChat(env.running.url, phone, 'sms'), whatsapp: patientChat(env.running.url, phone, 'whatsapp') };
      // Consecutive steps flagged `true` go out together, racing each other on the two channels.
      let batch: Promise<unknown>[] = [];
      for (const [channel, word, together] of steps) {
        batch.push(chats[channel].send(word).then(async (replies) => {
          // The bot is quiet only while staff have the conversation (a handover the patient asked for).
          if (replies.length === 0) expect(await statusOf(phone, channel)).toBe('handoff');
        }));
        if (!together) { await Promise.all(batch); batch = []; }
      }
      await Promise.all(batch);
      const patient = await env.prisma.patient.findFirst({ where: { phoneHash: cipher.blindIndex(phone) } });
      if (!patient) return;
      const active = await env.prisma.appointment.findMany({ where: { patientId: patient.id, status: { in: ['held', 'requested', 'confirmed', 'payment_pending', 'checked_in'] } }, orderBy: { startsAt: 'asc' } });
      for (let i = 1; i < active.length; i++) expect(+active[i]!.startsAt).toBeGreaterThanOrEqual(+active[i - 1]!.endsAt);
    }), { numRuns: Math.max(8, Math.round(RUNS / 4)) });
  }, 300_000);
});
