// The authorisation matrix of the web app: every route declares its permission (a route without one fails here),
// the declaration is the one this table expects, and every route × every role and anonymous is allowed or refused
// as the policy says, with real ids: a BFA editor of one BFA asks for another BFA's target.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor, makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { User } from '../auth/accounts.service.js';
import { ANONYMOUS, can, type Permission, type Principal, ROLES } from '../auth/policy.js';
import { createApp } from './app.js';
import { isGuard } from './authorize.js';

/** Every route of the app and the permission it must declare; both languages share a line. */
const EXPECTED: Record<string, Permission> = {
  'GET /static/maaltal.css': 'public',
  'GET /readyz': 'public',
  'GET /healthz': 'public',
  'GET /favicon.svg': 'public',
  'GET /favicon.ico': 'public',
  'GET /kilder': 'public',
  'GET /kontakt': 'public',
  'GET /tilgaengelighed': 'public',
  'GET /redaktion/maaltal': 'drafts.read',
  'GET /redaktion/maaltal/:id': 'drafts.read',
  'POST /redaktion/maaltal/:id/kommentarer': 'comments.write',
  'GET /api/v1/targets/:id/comments': 'drafts.read',
  'POST /api/v1/targets/:id/comments': 'comments.write',
  'GET /maaltal': 'public',
  'GET /api/v1/targets': 'public',
  'GET /api/v1/targets/:id/assessment': 'public',
  'GET /api/v1/targets/:id/observations.csv': 'public',
  'GET /api/v1/targets/:id/observations.xlsx': 'public',
  'GET /api/v1/targets/:id': 'public',
  'GET /maaltal/:id': 'public',
  'GET /': 'public',
  'GET /en/': 'public',
  'GET /maal/:code': 'public',
  'GET /sammenlign': 'public',
  'GET /api/v1/compare': 'public',
  'GET /api/v1/compare.csv': 'public',
  'GET /maal/:code/data.zip': 'public',
  'GET /data.zip': 'public',
  'GET /branche': 'public',
  'GET /branche/:code': 'public',
  'GET /metode': 'public',
  'GET /api/v1/goals': 'public',
  'GET /api/v1/branches': 'public',
  'GET /api/v1/branches/:code': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api': 'public',
  'GET /redaktion/login': 'public',
  'POST /redaktion/login': 'public',
  'POST /redaktion/logout': 'account',
  'GET /redaktion/nulstil': 'public',
  'POST /redaktion/nulstil': 'public',
  'GET /redaktion/konto': 'account',
  'POST /redaktion/konto/adgangskode': 'account',
  'POST /redaktion/konto/tokens': 'account',
  'POST /redaktion/konto/tokens/:id/tilbagekald': 'account',
  'GET /redaktion/brugere': 'users.manage',
  'POST /redaktion/brugere': 'users.manage',
  'POST /redaktion/brugere/:id/deaktiver': 'users.manage',
  'POST /redaktion/brugere/:id/aktiver': 'users.manage',
  'POST /redaktion/brugere/:id/rolle': 'users.manage',
  'POST /redaktion/brugere/:id/nulstil': 'users.manage',
  'GET /redaktion/log': 'audit.read',
  'GET /redaktion/log.csv': 'audit.read',
  'GET /redaktion/import': 'data.import',
  'POST /redaktion/import': 'data.import',
  'POST /redaktion/import/confirm': 'data.import',
  'POST /redaktion/import/:id/rollback': 'data.import',
  'GET /redaktion/branchekoder': 'data.import',
  'POST /redaktion/branchekoder/placer': 'data.import',
  'GET /api/v1/accidents/fatal-cases': 'data.unsuppressed',
  'GET /api/v1/accidents/:file': 'public',
  'GET /ulykker': 'public',
};

const line = (method: string, path: string) => `${method} ${path.replace(/^\/en(?=\/|$)/, '') || '/'}`;

describeEachDialect('authorisation of every route', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const principals = new Map<string, { user?: User; principal: Principal }>();
  let ids: { otherTarget: number; ownTarget: number; user: number };
  let ownBfa = '';

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    app = createApp(store, { logError: () => {} });
    principals.set('anonymous', { principal: ANONYMOUS });
    // Two BFAs that own targets: the BFA editor works for the first and asks for the second's target.
    const owners = await store.db
      .selectFrom('targetRevision')
      .innerJoin('bfa', 'bfa.id', 'targetRevision.ownerBfaId')
      .select(['bfa.id', 'bfa.code', 'targetRevision.targetId'])
      .orderBy('targetRevision.targetId')
      .execute();
    const own = owners[0];
    const other = owners.find((row) => row.code !== own?.code);
    if (own === undefined || other === undefined) throw new Error('the demo data has targets of two BFAs');
    ownBfa = own.code;
    for (const role of ROLES) {
      const user = await makeUser(store, role, { bfa: own.code });
      principals.set(role, {
        user,
        principal: { kind: 'user', userId: user.id, role, bfaId: own.id, label: role },
      });
    }
    ids = {
      otherTarget: other.targetId,
      ownTarget: own.targetId,
      user: (await makeUser(store, 'viewer')).id,
    };
  }, 120_000);
  afterAll(async () => store?.destroy());

  const routes = () => app.routes.filter((route) => route.method !== 'ALL');

  it('declares a permission on every route, the one this table expects', () => {
    const declared = new Map<string, Permission[]>();
    for (const route of routes()) {
      const key = `${route.method} ${route.path}`;
      if (!declared.has(key)) declared.set(key, []);
      if (isGuard(route.handler)) declared.get(key)?.push(route.handler.permission);
    }
    const undeclared = [...declared]
      .filter(([, permissions]) => permissions.length !== 1)
      .map(([key]) => key);
    expect(undeclared).toEqual([]);
    const wrong = [...declared]
      .map(([key, [permission]]) => {
        const [method = '', path = ''] = key.split(' ');
        return [line(method, path), permission] as const;
      })
      .filter(([key, permission]) => EXPECTED[key] !== permission);
    expect(wrong).toEqual([]);
  });

  /** A concrete address for a route: a target of another BFA than the BFA editor's, harmless other ids. */
  const concrete = (path: string) =>
    path
      .replace(/\/api\/v1\/accidents\/:file/, '/api/v1/accidents/rates')
      .replace(/(maaltal|targets)\/:id/, `$1/${ids.otherTarget}`)
      .replace(/brugere\/:id/, `brugere/${ids.user}`)
      .replace(/:id/, '999999')
      .replace(/maal\/:code/, 'maal/chemical')
      .replace(/:code/, 'butikker');

  it('allows or refuses every route for every role and anonymous, as the policy says', async () => {
    const problems: string[] = [];
    for (const route of routes()) {
      const guard = route.handler;
      if (!isGuard(guard)) continue;
      for (const [name, { user, principal }] of principals) {
        const path = concrete(route.path);
        const response = await app.request(path, await requestAs(user, route.method));
        const refused = await isRefusal(response);
        // A BFA editor reaches the comments of their own BFA's targets only: this target is another BFA's.
        const ownerCheck =
          path.includes(`/${ids.otherTarget}`) && /comments|kommentarer|redaktion\/maaltal/.test(path);
        const otherBfa = ownerCheck && principal.kind === 'user' && principal.role === 'bfa_editor';
        const allowed = can(principal, guard.permission) && !otherBfa;
        if (refused === allowed) problems.push(`${route.method} ${path} as ${name}: ${response.status}`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  /** A fresh session per request (a route may sign out), its cookie and, for posts, its CSRF token in the form. */
  async function requestAs(user: User | undefined, method: string): Promise<RequestInit> {
    if (user === undefined) return { method };
    const { cookie, csrf } = await sessionOf(store, user);
    return method === 'GET'
      ? { method, headers: { cookie } }
      : { method, headers: { cookie }, body: new URLSearchParams({ _csrf: csrf }) };
  }

  it('lets a BFA editor read and comment on their own BFA’s target', async () => {
    const editor = await bearerFor(store, 'bfa_editor', ownBfa);
    const own = await app.request(`/api/v1/targets/${ids.ownTarget}/comments`, { headers: editor });
    expect(own.status).toBe(200);
    const posted = await app.request(`/api/v1/targets/${ids.ownTarget}/comments`, {
      method: 'POST',
      headers: { ...editor, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Vi følger op i næste kvartal.' }),
    });
    expect(posted.status).toBe(201);
    const other = await app.request(`/api/v1/targets/${ids.otherTarget}/comments`, {
      method: 'POST',
      headers: { ...editor, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Ikke vores.' }),
    });
    expect(other.status).toBe(403);
    const comments = await store.db.selectFrom('targetComment').select(['targetId', 'body']).execute();
    expect(comments).toEqual([{ targetId: ids.ownTarget, body: 'Vi følger op i næste kvartal.' }]);
  });
});

/** Refused: sent to the login page, or 401/403 saying a session or a role is wanting (not a failed login). */
async function isRefusal(response: Response): Promise<boolean> {
  if (response.status === 303)
    return (response.headers.get('location') ?? '').includes('/redaktion/login?next=');
  if (response.status !== 401 && response.status !== 403) return false;
  return /log ind først|sign in first|din rolle giver ikke adgang|your role does not allow|andet BFA|another BFA/i.test(
    await response.text(),
  );
}
