import { createHmac } from 'node:crypto';
import twilio from 'twilio';

/** X-Twilio-Signature for a form-encoded webhook, computed by the official package. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** X-Hub-Signature-256 for a raw body. */
export function metaSignature(appSecret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** POSTs a signed Twilio webhook to the app; `publicBaseUrl` is what the app believes its public URL is. */
export async function postTwilio(appUrl: string, publicBaseUrl: string, authToken: string, path: string, params: Record<string, string>, signature?: string | null) {
  const body = new URLSearchParams(params).toString();
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const sig = signature === undefined ? twilioSignature(authToken, `${publicBaseUrl}${path}`, params) : signature;
  if (sig !== null) headers['x-twilio-signature'] = sig;
  const res = await fetch(`${appUrl}${path}`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') };
}

export async function postMeta(appUrl: string, appSecret: string, payload: unknown, signature?: string | null) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const sig = signature === undefined ? metaSignature(appSecret, body) : signature;
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  const res = await fetch(`${appUrl}/webhooks/whatsapp`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}
