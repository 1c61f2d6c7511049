// The site's own address, for canonical links, Open Graph and the printed page's address: MAALTAL_PUBLIC_URL when
// set, else the address the request came to (the page cache keys on the full URL, so one host's pages never serve
// another's).
import type { MiddlewareHandler } from 'hono';
import { tryGetContext } from 'hono/context-storage';

declare module 'hono' {
  interface ContextVariableMap {
    /** The site's origin without a trailing slash, e.g. https://maaltal.dk. */
    siteOrigin: string;
  }
}

export function siteOrigin(publicUrl: string | null | undefined): MiddlewareHandler {
  const configured = publicUrl === null || publicUrl === undefined ? null : new URL(publicUrl).origin;
  return async (c, next) => {
    c.set('siteOrigin', configured ?? new URL(c.req.url).origin);
    await next();
  };
}

/** The absolute address of a path on this site, for the request being rendered. */
export function absoluteUrl(path: string): string {
  const origin = tryGetContext()?.get('siteOrigin') ?? '';
  // One leading slash: `//host/x` after the origin would still be this site, but reads like another host.
  return `${origin}/${path.replace(/^\/+/, '')}`;
}
