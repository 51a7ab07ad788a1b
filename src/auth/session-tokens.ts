import { createHash, randomBytes } from 'node:crypto';

/** Opaque refresh tokens: 256 random bits; only their SHA-256 is stored (enough for random secrets). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a session may still be used at `now`: not revoked, not past its end, not idle too long. */
export function sessionEnded(
  session: { revokedAt: Date | null; expiresAt: Date; lastRefreshedAt: Date },
  now: Date,
  idleMs: number,
): 'revoked' | 'expired' | 'idle' | null {
  if (session.revokedAt) return 'revoked';
  if (+session.expiresAt <= +now) return 'expired';
  if (+session.lastRefreshedAt + idleMs <= +now) return 'idle';
  return null;
}
