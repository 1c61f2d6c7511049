// Security headers on every response (Hono's secure-headers middleware): a content security policy without any
// inline or foreign script (the site needs no JavaScript; the charts' SVG carries inline styles), no framing by other
// sites, no MIME sniffing, no referrer sent to other sites; HSTS when the request came over https. A download (an
// attachment, such as a file users uploaded) or a response that set `sandbox` in its own policy gets `sandbox` added
// to the site's policy, also when the page cache answers it.
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

const SANDBOX = /(^|;)\s*sandbox(\s|;|$)/;

/** A file to save rather than a page: never run as a document, even if a browser were to show it. */
const wantsSandbox = (headers: Headers) =>
  SANDBOX.test(headers.get('Content-Security-Policy') ?? '') ||
  (headers.get('Content-Disposition') ?? '').trim().toLowerCase().startsWith('attachment');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    let sandbox = false;
    await headers(c, async () => {
      await next();
      sandbox = wantsSandbox(c.res.headers);
    });
    const policy = c.res.headers.get('Content-Security-Policy');
    if (sandbox && policy !== null) c.res.headers.set('Content-Security-Policy', `${policy}; sandbox`);
    const https = c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';
    if (https) c.header('Strict-Transport-Security', HSTS);
  };
}
