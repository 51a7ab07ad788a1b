import { recentlyActive } from './activity';
import { ApiError } from './errors';
import { clearSession, loadSession, saveSession, type Session, type TokenAnswer } from './session';

/**
 * The one way the console talks to the API: JSON in and out, the access token attached, one refresh
 * (rotating the refresh token) when it has expired, and {code, message, details} errors as ApiError.
 */
export const API_BASE = '/api/v1';

/** Refresh this long before the access token expires, so requests rarely meet a 401. */
const REFRESH_MARGIN_MS = 60_000;

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called when the session ends without the user asking (refresh refused, inactivity). */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function endSession(): void {
  clearSession();
  stopRefreshTimer();
  for (const listener of sessionEndedListeners) listener();
}

// Refresh tokens rotate and re-using a rotated one revokes the session: never refresh twice at once.
let refreshing: Promise<Session | null> | null = null;

export function refreshSession(): Promise<Session | null> {
  refreshing ??= (async () => {
    const session = loadSession();
    if (!session) return null;
    try {
      const res = await fetch(`${API_BASE}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!res.ok) return null;
      const next = saveSession((await res.json()) as TokenAnswer);
      scheduleRefresh(next);
      return next;
    } catch {
      return null;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function stopRefreshTimer(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = undefined;
}

/** Refreshes shortly before expiry, but only for someone using the console (see activity.ts). */
export function scheduleRefresh(session: Session | null = loadSession()): void {
  stopRefreshTimer();
  if (!session) return;
  const delay = Math.max(5_000, session.expiresAt - Date.now() - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(() => {
    if (recentlyActive()) void refreshSession();
  }, delay);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const url = path.startsWith('http') || path.startsWith('/api/') ? path : `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

async function send(url: string, init: RequestInit, session: Session | null): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
  return fetch(url, { ...init, headers });
}

/** Sends a request; on 401 refreshes once (if the user is active) and retries; ends the session otherwise. */
export async function request(url: string, init: RequestInit = {}): Promise<RawResponse> {
  let session = loadSession();
  if (session && session.expiresAt - Date.now() < 5_000 && recentlyActive()) session = (await refreshSession()) ?? session;
  let res: Response;
  try {
    res = await send(url, init, session);
    if (res.status === 401 && session) {
      const refreshed = recentlyActive() ? await refreshSession() : null;
      if (!refreshed) {
        endSession();
      } else {
        res = await send(url, init, refreshed);
        if (res.status === 401) endSession();
      }
    }
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'NETWORK', message: 'The server cannot be reached. Check the connection and try again.' }, 'Network error');
  }
  const body = await res.text();
  let json: unknown = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    throw new ApiError(res.status, json as Record<string, never> | null, res.statusText || `HTTP ${res.status}`);
  }
  return { status: res.status, headers: res.headers, body, json };
}

/** JSON request to the staff API; resolves with the parsed answer. */
export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), signal: options.signal };
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  init.headers = headers;
  const res = await request(buildUrl(path, options.query), init);
  return res.json as T;
}
