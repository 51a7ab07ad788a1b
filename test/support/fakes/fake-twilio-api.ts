import { randomBytes } from 'node:crypto';
import { json, listen } from './http-fake.js';

/** One request the fake Twilio API received: the form parameters exactly as the twilio client sent them. */
export interface TwilioSend { accountSid: string; params: Record<string, string>; sid: string | null; at: number }
export interface TwilioError { status: number; code: number; message: string }

/**
 * A local stand-in for Twilio's REST API speaking its wire format (contracts/twilio): POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP basic auth and form parameters, answered
 * with a Message resource (201) or Twilio's error body `{ code, message, more_info, status }`.
 */
export async function startFakeTwilio(credentials: { accountSid: string; authToken: string }) {
  const sends: TwilioSend[] = [];
  const failures: TwilioError[] = [];
  let failWhen: ((params: Record<string, string>) => TwilioError | null) | null = null;
  const forcedSids: string[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
  const server = await listen((req, body, res) => {
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return json(res, 404, { code: 20404, message: 'The requested resource was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 });
    if (req.headers.authorization !== expectedAuth || match[1] !== credentials.accountSid) {
      return json(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    const failure = failures.shift() ?? failWhen?.(params) ?? null;
    if (failure) {
      sends.push({ accountSid: match[1]!, params, sid: null, at: Date.now() });
      return json(res, failure.status, { code: failure.code, message: failure.message, more_info: `https://www.twilio.com/docs/errors/${failure.code}`, status: failure.status });
    }
    const sid = forcedSids.shift() ?? `SM${randomBytes(16).toString('hex')}`;
    sends.push({ accountSid: match[1]!, params, sid, at: Date.now() });
    const now = new Date().toUTCString().replace('GMT', '+0000');
    return json(res, 201, {
      account_sid: match[1], api_version: '2010-04-01', body: params.Body ?? null, date_created: now, date_sent: null, date_updated: now,
      direction: 'outbound-api', error_code: null, error_message: null, from: params.From ?? null, messaging_service_sid: null,
      num_media: '0', num_segments: '1', price: null, price_unit: 'USD', sid, status: 'queued',
      subresource_uris: { media: `/2010-04-01/Accounts/${match[1]}/Messages/${sid}/Media.json` }, to: params.To ?? null,
      uri: `/2010-04-01/Accounts/${match[1]}/Messages/${sid}.json`,
    });
  });
  return {
    url: server.url,
    sends,
    close: server.close,
    /** The next requests fail with these errors, in order. */
    failNext(...errors: TwilioError[]) { failures.push(...errors); },
    /** Every request matching fails (null = answer normally). */
    failWhen(fn: ((params: Record<string, string>) => TwilioError | null) | null) { failWhen = fn; },
    /** The next created messages get these sids (to stage a callback that arrives before our own bookkeeping). */
    nextSids(...sids: string[]) { forcedSids.push(...sids); },
    reset() { sends.length = 0; failures.length = 0; failWhen = null; },
    async waitFor(count: number, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (sends.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      return sends;
    },
  };
}
export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
