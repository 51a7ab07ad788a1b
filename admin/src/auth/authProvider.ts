import type { AuthProvider } from 'react-admin';
import { markActive } from '../api/activity';
import { ApiError } from '../api/errors';
import { API_BASE, scheduleRefresh } from '../api/http';
import { clearSession, loadSession, saveSession, type TokenAnswer } from '../api/session';
import { canAccessResource } from './permissions';

/** Login, logout and identity against /api/v1/auth (see docs of the staff API, /docs). */
export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    const res = await fetch(`${API_BASE}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, json, res.statusText);
    markActive();
    scheduleRefresh(saveSession(json as TokenAnswer));
  },

  async logout() {
    const session = loadSession();
    clearSession();
    scheduleRefresh(null);
    if (session) {
      // Revoke the session server side; a failure (already expired) changes nothing for the user.
      await fetch(`${API_BASE}/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      }).catch(() => undefined);
    }
  },

  async checkAuth() {
    if (!loadSession()) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: { status?: number }) {
    // A 401 that survived the refresh in api/http.ts means the session is over; 403 is a refusal
    // for this one action and is shown as a message, not a logout.
    if (error?.status === 401 && !loadSession()) throw new Error('app.auth.session_ended');
  },

  async getIdentity() {
    const session = loadSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return { id: session.staff.id, fullName: session.staff.displayName, email: session.staff.email, role: session.staff.role };
  },

  async getPermissions() {
    return loadSession()?.staff.role ?? null;
  },

  async canAccess({ resource, action }) {
    const role = loadSession()?.staff.role;
    return role ? canAccessResource(role, resource, action) : false;
  },
};
