import { randomBytes } from 'node:crypto';
import { json, listen } from './http-fake.js';

export interface GraphSend { version: string; phoneNumberId: string; body: Record<string, any>; id: string | null; at: number }
export interface GraphError { status: number; code: number; message: string; /** Only for this recipient (wa_id digits). */ to?: string }

/**
 * A local stand-in for the Graph API's WhatsApp endpoint: POST /{version}/{phone_number_id}/messages
 * with a bearer token and a JSON body, answered like Meta does (`{ messaging_product, contacts,
 * messages: [{ id }] }`) or with Meta's error body `{ error: { message, type, code, fbtrace_id } }`.
 */
export async function startFakeGraph(accessToken: string) {
  const sends: GraphSend[] = [];
  const failures: GraphError[] = [];
  const server = await listen((req, body, res) => {
    const match = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return json(res, 404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100, fbtrace_id: 'fake' } });
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return json(res, 401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'fake' } });
    }
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, any>;
    const index = failures.findIndex((f) => !f.to || f.to === parsed.to);
    const failure = index >= 0 ? failures.splice(index, 1)[0] : undefined;
    if (failure) {
      sends.push({ version: match[1]!, phoneNumberId: match[2]!, body: parsed, id: null, at: Date.now() });
      return json(res, failure.status, { error: { message: failure.message, type: 'OAuthException', code: failure.code, fbtrace_id: 'fake' } });
    }
    const id = `wamid.${randomBytes(18).toString('base64url')}`;
    sends.push({ version: match[1]!, phoneNumberId: match[2]!, body: parsed, id, at: Date.now() });
    return json(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: parsed.to, wa_id: parsed.to }], messages: [{ id }] });
  });
  return {
    url: server.url, sends, close: server.close,
    failNext(...errors: GraphError[]) { failures.push(...errors); },
    reset() { sends.length = 0; failures.length = 0; },
    async waitFor(count: number, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (sends.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      return sends;
    },
  };
}
export type FakeGraph = Awaited<ReturnType<typeof startFakeGraph>>;
