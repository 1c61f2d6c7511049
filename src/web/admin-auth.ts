// The editor area's gate until accounts and roles exist: one admin token from configuration, compared in
// constant time, carried in an HttpOnly cookie (forms) or an Authorization: Bearer header (scripts).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { localeOfPath, localePath } from './i18n.js';

export const ADMIN_COOKIE = 'maaltal_admin';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Equal-length digests make the comparison's time independent of where the strings differ. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined || given === '') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export function givenToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return getCookie(c, ADMIN_COOKIE);
}

export function rememberToken(c: Context, token: string): void {
  setCookie(c, ADMIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
  });
}

export function forgetToken(c: Context): void {
  deleteCookie(c, ADMIN_COOKIE, { path: '/' });
}

/** Lets a request through only with the admin token; otherwise the login page (or 401 for scripts and the API). */
export function requireAdmin(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (token !== null && tokenMatches(givenToken(c), token)) return next();
    if (
      c.req.header('authorization') !== undefined ||
      c.req.method !== 'GET' ||
      c.req.path.startsWith('/api/')
    ) {
      return c.json(
        { error: { code: 'unauthorized', message: 'The admin token is missing or wrong', details: [] } },
        401,
      );
    }
    const locale = localeOfPath(c.req.path);
    return c.redirect(
      `${localePath(locale, '/redaktion/login')}?next=${encodeURIComponent(c.req.path)}`,
      303,
    );
  };
}
