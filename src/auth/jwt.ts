import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Minimal HS256 JSON Web Tokens over node:crypto (no dependency): the header is fixed, so a token
 * with any other algorithm ("none", RS256 confusion) never verifies. Pure: time is passed in.
 */
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export interface JwtClaims { sub: string; iat: number; exp: number; [claim: string]: unknown }

export function signJwt(claims: JwtClaims, secret: string): string {
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${body}.${sign(body, secret)}`;
}

/** The claims of a well-formed, correctly signed, unexpired token; otherwise null. */
export function verifyJwt(token: string, secret: string, nowSeconds: number): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return null;
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isClaims(claims) || claims.exp <= nowSeconds) return null;
  return claims;
}

function isClaims(value: unknown): value is JwtClaims {
  const c = value as Partial<JwtClaims> | null;
  return typeof c === 'object' && c !== null && typeof c.sub === 'string' && typeof c.exp === 'number' && typeof c.iat === 'number';
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
