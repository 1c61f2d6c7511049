// Security headers on every response (Hono's secure-headers middleware): a content security policy without any
// inline or foreign script (the site needs no JavaScript; the charts' SVG carries inline styles), no framing by other
// sites, no MIME sniffing, no referrer sent to other sites; HSTS when the request came over https.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  strictTransportSecurity: false,
});

/** HSTS for two years, sent only on https (behind a proxy: as `X-Forwarded-Proto` says). */
const HSTS = 'max-age=63072000; includeSubDomains';

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await headers(c, next);
    const https = c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';
    if (https) c.header('Strict-Transport-Security', HSTS);
  };
}
