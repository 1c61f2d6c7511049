// Who is asking: the session cookie (browsers) or an API token (`Authorization: Bearer …`, scripts). A request
// signed in by cookie that changes anything must carry the session's CSRF token (a form field `_csrf`; for file
// uploads, whose body streams to disk, the `_csrf` query parameter of the form's action).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuditContext } from '../audit/audit.service.js';
import { ANONYMOUS } from '../auth/policy.js';
import { sameSecret } from '../auth/secrets.js';
import { type NewSession, resumeSession } from '../auth/sessions.service.js';
import { resumeToken } from '../auth/tokens.service.js';
import type { SessionSettings } from '../config.js';
import type { Store } from '../db/connect.js';
import { AppError } from '../errors.js';
import { principalOf } from './authorize.js';

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleMinutes: 30,
  absoluteHours: 12,
  secureCookie: false,
};

const SESSION_COOKIE = 'maaltal_session';

/** `__Host-` cookies must be Secure, so the prefix is used exactly when the site is served over https. */
const prefixOf = (settings: SessionSettings) => (settings.secureCookie ? ('host' as const) : undefined);

/** The client's address as the socket gives it (no proxy header is trusted); in-process requests share one. */
export function clientAddressOf(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'in-process';
}

/** Who did it and from where, for the audit trail. */
export const auditContextOf = (c: Context): AuditContext => ({
  principal: principalOf(c),
  requestId: c.get('requestId') ?? null,
  clientAddress: clientAddressOf(c),
});

export function rememberSession(c: Context, settings: SessionSettings, session: NewSession): void {
  const prefix = prefixOf(settings);
  setCookie(c, SESSION_COOKIE, session.sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: settings.secureCookie,
    ...(prefix === undefined ? {} : { prefix }),
  });
}

export function forgetSession(c: Context, settings: SessionSettings): void {
  const prefix = prefixOf(settings);
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: settings.secureCookie,
    ...(prefix === undefined ? {} : { prefix }),
  });
}

export const sessionIdOf = (c: Context, settings: SessionSettings): string | undefined => {
  const prefix = prefixOf(settings);
  return prefix === undefined ? getCookie(c, SESSION_COOKIE) : getCookie(c, SESSION_COOKIE, prefix);
};

const invalidToken = () =>
  new AppError('unauthorized', 'The API token is unknown, expired or revoked', [
    {
      field: 'authorization',
      message: 'unknown, expired or revoked token',
      messageDa: 'ukendt, udløbet eller tilbagekaldt token',
    },
  ]);

const csrfRefused = () =>
  new AppError('forbidden', 'The form is out of date: reload the page and send it again', [
    {
      field: '_csrf',
      message: 'the form’s security token is missing or out of date; reload the page and try again',
      messageDa: 'formularens sikkerhedsnøgle mangler eller er forældet; genindlæs siden og prøv igen',
    },
  ]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function givenCsrf(c: Context): Promise<string | undefined> {
  const query = c.req.query('_csrf');
  if (query !== undefined) return query;
  if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  const field = (await c.req.parseBody())._csrf;
  return typeof field === 'string' ? field : undefined;
}

async function fromBearer(c: Context, store: Store, header: string): Promise<void> {
  const principal = await resumeToken(store.db, header.slice('Bearer '.length).trim(), new Date());
  if (principal === undefined) throw invalidToken();
  c.set('principal', principal);
}

async function fromCookie(c: Context, store: Store, settings: SessionSettings): Promise<void> {
  const sessionId = sessionIdOf(c, settings);
  const session =
    sessionId === undefined ? undefined : await resumeSession(store.db, sessionId, settings, new Date());
  if (session === undefined) {
    if (sessionId !== undefined) forgetSession(c, settings);
    return;
  }
  c.set('principal', session.principal);
  c.set('csrfToken', session.csrfToken);
  c.set('userName', session.name);
  if (!SAFE_METHODS.has(c.req.method) && !sameSecret(await givenCsrf(c), session.csrfToken))
    throw csrfRefused();
}

/** Sets the principal (anonymous unless a valid session or token says otherwise) and the request id. */
export function identify(store: Store, settings: SessionSettings): MiddlewareHandler {
  return async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('principal', ANONYMOUS);
    c.set('csrfToken', undefined);
    const header = c.req.header('authorization');
    if (header?.startsWith('Bearer ')) await fromBearer(c, store, header);
    else await fromCookie(c, store, settings);
    await next();
  };
}

/** The signed-in session's CSRF token for the page being rendered (forms carry it back), if any. */
export function currentCsrfToken(): string | undefined {
  return tryGetContext()?.get('csrfToken');
}

/** The principal of the request being rendered, if any. */
export const currentPrincipal = () => tryGetContext()?.get('principal');

/** The signed-in user's name and role for the page header, if any. */
export function currentAccount(): { name: string; role: string } | undefined {
  const c = tryGetContext();
  const principal = c?.get('principal');
  if (c === undefined || principal === undefined || principal.kind !== 'user') return undefined;
  return { name: c.get('userName') ?? principal.label, role: principal.role };
}
