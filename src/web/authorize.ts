// Every route declares the permission it needs with `requires(…)`; the policy (auth/policy.ts) decides. A test
// enumerates the app's routes and fails for any route without such a declaration.
import type { Context, MiddlewareHandler } from 'hono';
import { ANONYMOUS, can, canOn, type Permission, type Principal } from '../auth/policy.js';
import { AppError } from '../errors.js';
import { localeOfPath, localePath } from './i18n.js';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
    /** The signed-in session's CSRF token (forms carry it back); undefined without a session. */
    csrfToken: string | undefined;
    /** This request's id, for the audit trail and the logs. */
    requestId: string;
    /** The signed-in user's name, for the page header. */
    userName: string | undefined;
  }
}

export type Guard = MiddlewareHandler & { permission: Permission };

export const principalOf = (c: Context): Principal => c.get('principal') ?? ANONYMOUS;

/** True for a request that wants an HTML page (a browser following a link), not an API answer. */
const wantsPage = (c: Context) => c.req.method === 'GET' && !c.req.path.startsWith('/api/');

export function notSignedIn(): AppError {
  return new AppError('unauthorized', 'Sign in to do this', [
    { field: 'session', message: 'sign in first', messageDa: 'log ind først' },
  ]);
}

export function notAllowed(): AppError {
  return new AppError('forbidden', 'Your role does not allow this', [
    {
      field: 'role',
      message: 'your role does not allow this',
      messageDa: 'din rolle giver ikke adgang til dette',
    },
  ]);
}

/** The declaration a route carries: anonymous requests for pages go to the login, others get 401 or 403. */
export function requires(permission: Permission): Guard {
  const guard = (async (c, next) => {
    const principal = principalOf(c);
    if (can(principal, permission)) return next();
    if (principal.kind === 'anonymous') {
      if (wantsPage(c)) {
        const locale = localeOfPath(c.req.path);
        return c.redirect(
          `${localePath(locale, '/redaktion/login')}?next=${encodeURIComponent(c.req.path)}`,
          303,
        );
      }
      throw notSignedIn();
    }
    throw notAllowed();
  }) as Guard;
  guard.permission = permission;
  return guard;
}

/** The check of a permission a request needs only for some answers (`?unsuppressed=true`), inside a handler. */
export function demand(c: Context, permission: Permission): void {
  const principal = principalOf(c);
  if (can(principal, permission)) return;
  throw principal.kind === 'anonymous' ? notSignedIn() : notAllowed();
}

/** The check on one record owned by a BFA, inside a handler: refused with 403 when the principal may not. */
export function authorizeOn(c: Context, permission: Permission, ownerBfaId: number | null): void {
  const principal = principalOf(c);
  if (canOn(principal, permission, ownerBfaId)) return;
  throw principal.kind === 'anonymous' ? notSignedIn() : notAllowed();
}

export const isGuard = (handler: unknown): handler is Guard =>
  typeof handler === 'function' && typeof (handler as Partial<Guard>).permission === 'string';
