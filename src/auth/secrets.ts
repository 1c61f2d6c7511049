// Random secrets (session ids, CSRF tokens, API tokens, reset codes) and the digests they are stored as.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url, with an optional readable prefix (`mlt_` for API tokens). */
export const newSecret = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

/** A secret is stored only as its SHA-256 (it has 256 bits of entropy, so no slow hash is needed). */
export const secretDigest = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time equality of two secrets (compared as digests, so lengths may differ). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined || given === '') return false;
  return timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );
}
