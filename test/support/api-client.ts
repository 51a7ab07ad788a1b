import { DEFAULT_DEMO_PASSWORD } from '../../prisma/seed/demo-clinic.js';

/**
 * A tiny JSON client for e2e tests. It signs in as a seeded staff member (the demo clinic's admin
 * unless told otherwise; '' = anonymous) on first use, and signs in again when the session has
 * ended (tests that move a FakeClock by days outlive any session).
 */
export interface ApiResponse<T = any> { status: number; body: T; headers: Headers }

export const DEMO_ADMIN = 'admin@riverside.test';

export function apiClient(baseUrl: string, staffEmail = DEMO_ADMIN, password = DEFAULT_DEMO_PASSWORD) {
  let token: string | null = null;
  const send = async (method: string, path: string, body: unknown, headers: Record<string, string>): Promise<ApiResponse> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const signIn = async (): Promise<void> => {
    token = null;
    const res = await send('POST', '/api/v1/auth/login', { email: staffEmail, password }, {});
    if (res.status !== 200) throw new Error(`test sign-in as ${staffEmail} failed: ${res.status} ${JSON.stringify(res.body)}`);
    token = res.body.accessToken;
  };
  return async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    if (!staffEmail) return send(method, path, body, headers);
    if (!token) await signIn();
    const res = await send(method, path, body, headers);
    if (res.status !== 401 || res.body?.code !== 'UNAUTHENTICATED') return res;
    await signIn();
    return send(method, path, body, headers);
  };
}
