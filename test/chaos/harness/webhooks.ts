import { randomBytes } from 'node:crypto';
import { metaSignature, twilioSignature } from '../../support/fakes/provider-signatures.js';

export const TWILIO = { accountSid: `AC${'c'.repeat(32)}`, authToken: 'chaos-twilio-auth-token-0123' };
export const META = { accessToken: 'chaos-meta-access-token-01234', appSecret: 'chaos-meta-app-secret-01234', verifyToken: 'chaos-verify-token-01234' };
/** What the app believes its public URL is; Twilio signs over it (the app listens on 127.0.0.1 behind an imagined balancer). */
export const PUBLIC_BASE_URL = 'https://clinic.example.com';
export const SMS_NUMBER = '+12125550100';
export const META_NUMBER = '+15550783881';
export const META_PHONE_NUMBER_ID = '106540352242922';
const TWILIO_PATH = '/webhooks/twilio/messages';

/** One signed webhook, ready to be delivered (possibly several times) to any API instance. */
export interface SignedWebhook { providerMessageId: string; path: string; headers: Record<string, string>; body: string }

export type PatientMessage = { text: string } | { choice: { id: string; title: string; list: boolean } };

/** An inbound SMS as Twilio posts it: form parameters, X-Twilio-Signature over the public URL. */
export function twilioSms(from: string, text: string): SignedWebhook {
  const params = {
    AccountSid: TWILIO.accountSid, ApiVersion: '2010-04-01', From: from, To: SMS_NUMBER, Body: text,
    MessageSid: `SM${randomBytes(16).toString('hex')}`, NumMedia: '0', NumSegments: '1', SmsStatus: 'received',
  };
  return {
    providerMessageId: params.MessageSid, path: TWILIO_PATH, body: new URLSearchParams(params).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TWILIO.authToken, `${PUBLIC_BASE_URL}${TWILIO_PATH}`, params) },
  };
}

/** An inbound WhatsApp message as Meta's Cloud API posts it (text, or a tapped button / list row), signed with X-Hub-Signature-256. */
export function metaWhatsApp(from: string, message: PatientMessage): SignedWebhook {
  const id = `wamid.${randomBytes(18).toString('base64url')}`;
  const base = { from: from.replace(/^\+/, ''), id, timestamp: String(Math.floor(Date.now() / 1000)) };
  const content = 'text' in message
    ? { type: 'text', text: { body: message.text } }
    : message.choice.list
      ? { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: message.choice.id, title: message.choice.title } } }
      : { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: message.choice.id, title: message.choice.title } } };
  const payload = {
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: META_NUMBER.slice(1), phone_number_id: META_PHONE_NUMBER_ID },
          contacts: [{ profile: { name: 'Chaos Patient' }, wa_id: base.from }],
          messages: [{ ...base, ...content }],
        },
      }],
    }],
  };
  const body = JSON.stringify(payload);
  return { providerMessageId: id, path: '/webhooks/whatsapp', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(META.appSecret, body) } };
}

export interface DeliveryStats { requests: number; deliveries: number; concurrentDuplicates: number; failedAttempts: number; undelivered: number }

/**
 * Delivers a webhook 1–3 times as providers do on retries: the first copy to one instance, the
 * copies either at the same moment to other instances or a little later. A copy that fails
 * (instance killed, 5xx while Postgres is away) is retried on another live instance until the
 * deadline, as a provider retries until it gets a 2xx.
 */
export async function deliver(webhook: SignedWebhook, apiUrls: () => string[], stats: DeliveryStats, random: () => number, deadline: number): Promise<boolean> {
  const copies = 1 + Math.floor(random() * 3);
  stats.deliveries += 1;
  const concurrent = copies > 1 && random() < 0.5;
  if (concurrent) stats.concurrentDuplicates += 1;
  const first = Math.floor(random() * 3);
  const attempts: Promise<boolean>[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const delay = copy === 0 || concurrent ? 0 : 200 + random() * 2_000;
    attempts.push(new Promise((r) => setTimeout(r, delay)).then(() => postUntilAccepted(webhook, apiUrls, first + copy, stats, deadline)));
  }
  const results = await Promise.all(attempts);
  const ok = results.some(Boolean);
  if (!ok) stats.undelivered += 1;
  return ok;
}

async function postUntilAccepted(webhook: SignedWebhook, apiUrls: () => string[], pick: number, stats: DeliveryStats, deadline: number): Promise<boolean> {
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const urls = apiUrls();
    if (urls.length > 0) {
      stats.requests += 1;
      const url = urls[(pick + attempt) % urls.length]!;
      const status = await fetch(`${url}${webhook.path}`, { method: 'POST', headers: webhook.headers, body: webhook.body, signal: AbortSignal.timeout(15_000) })
        .then(async (r) => { await r.arrayBuffer(); return r.status; }, () => 0);
      if (status >= 200 && status < 300) return true;
      stats.failedAttempts += 1;
      if (status >= 400 && status < 500) throw new Error(`webhook ${webhook.path} answered ${status}: a harness bug (bad signature or body)`);
    }
    await new Promise((r) => setTimeout(r, Math.min(4_000, 250 * 2 ** attempt)));
  }
  return false;
}
