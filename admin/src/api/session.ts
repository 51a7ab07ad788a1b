/**
 * The signed-in staff member's tokens. Kept in sessionStorage (per tab, gone when the tab closes), so a
 * reload does not log the user out but nothing survives the browser session.
 */
export type Role = 'admin' | 'receptionist' | 'provider' | 'owner';

export interface StaffMe {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  clinicId: string;
  locationIds: string[];
  providerId: string | null;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  staff: StaffMe;
}

export interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  staff: StaffMe;
}

const KEY = 'clinic.console.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(answer: TokenAnswer, now = Date.now()): Session {
  const session: Session = {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    expiresAt: now + answer.expiresIn * 1000,
    staff: answer.staff,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
