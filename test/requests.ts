// Test helper: a page's text without tags, and GET/POST requests to an app as a signed-in session (or nobody).
import type { Hono } from 'hono';

export interface Session {
  cookie: string;
  csrf: string;
}

/** The page's text without tags, entities of quotes undone and white space collapsed. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

/** GET as a session (or nobody) and a form POST with the session's CSRF token; the app is read when asked. */
export function requestsOf(app: () => Hono) {
  return {
    get: (path: string, session?: Session) =>
      app().request(path, session === undefined ? {} : { headers: { cookie: session.cookie } }),
    post: (path: string, session: Session, form: Record<string, string>) =>
      app().request(path, {
        method: 'POST',
        headers: { cookie: session.cookie },
        body: new URLSearchParams({ _csrf: session.csrf, ...form }),
      }),
  };
}
