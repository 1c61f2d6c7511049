// Refuses a state-changing request that a browser sent from another origin (Hono's CSRF middleware: the
// Sec-Fetch-Site header must say same-origin, or the Origin header must be this site's). A form on another site, or
// on another origin of the same site, cannot make an editor's browser roll back a batch. Requests with neither header
// come from no browser (a steward's script with its own credentials) and pass on to the authorisation as before.
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { AppError } from '../errors.js';

const check = csrf();

export function refuseCrossOrigin(): MiddlewareHandler {
  return async (c, next) => {
    const fromBrowser = c.req.header('origin') !== undefined || c.req.header('sec-fetch-site') !== undefined;
    if (fromBrowser) {
      try {
        await check(c, async () => {});
      } catch {
        throw new AppError('forbidden', 'A form of another site or origin cannot change data here', [
          {
            field: 'origin',
            message: 'the request came from another site or origin; send the form from this site’s own page',
            messageDa: 'anmodningen kom fra et andet websted; send formularen fra denne sides egen side',
          },
        ]);
      }
    }
    await next();
  };
}
