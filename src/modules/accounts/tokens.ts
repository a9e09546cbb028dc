import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret for a cookie or a link: 32 random bytes, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * What the database keeps of a token. A plain SHA-256 is enough: the tokens carry 256 bits of
 * randomness, so there is nothing to brute-force, and a stolen table cannot be replayed as cookies.
 */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Tokens in URLs and cookies are base64url of 32 bytes; anything else is refused before any lookup. */
export const looksLikeToken = (value: string | undefined): value is string =>
  value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * The CSRF token of a form, derived from the secret in the browser's cookie (the session token, or
 * the pre-session token on the sign-in page). Deriving it means nothing more to store, it changes
 * with every new session, and a copy of the database does not reveal it.
 */
export const csrfTokenFor = (cookieSecret: string): string =>
  createHmac('sha256', cookieSecret).update('chancery csrf v1').digest('base64url');

/** Compares two strings without leaking through timing how much of them matched. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
