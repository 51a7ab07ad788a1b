import { DEFAULT_DEMO_PASSWORD } from '../../prisma/seed/demo-clinic.js';

/** Raw auth calls for tests that look at sign-in itself (apiClient hides it). */
export interface AuthResponse { status: number; body: any; headers: Headers }

export function authCalls(baseUrl: string) {
  const post = async (path: string, body: unknown, token?: string): Promise<AuthResponse> => {
    const res = await fetch(`${baseUrl}/api/v1/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const get = async (path: string, token?: string): Promise<AuthResponse> => {
    const res = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  return {
    login: (email: string, password = DEFAULT_DEMO_PASSWORD) => post('login', { email, password }),
    refresh: (refreshToken: string) => post('refresh', { refreshToken }),
    logout: (refreshToken: string) => post('logout', { refreshToken }),
    changePassword: (token: string, currentPassword: string, newPassword: string) => post('password', { currentPassword, newPassword }, token),
    me: (token: string) => get('/api/v1/auth/me', token),
    get,
  };
}
