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
  'GET /aktiviteter': 'public',
  'GET /aktiviteter/:id': 'public',
  'GET /aktiviteter/:id/bilag/:evidenceId': 'public',
  'GET /api/v1/activities': 'public',
  'GET /api/v1/activities.csv': 'public',
  'GET /api/v1/activities.xlsx': 'public',
  'GET /api/v1/activities/:id': 'public',
  'POST /api/v1/activities': 'work.write',
  'PUT /api/v1/activities/:id': 'work.write',
  'POST /api/v1/activities/:id/publish': 'work.write',
  'POST /api/v1/activities/:id/unpublish': 'work.write',
  'GET /redaktion/aktiviteter': 'drafts.read',
  'GET /redaktion/aktiviteter/ny': 'drafts.read',
  'GET /redaktion/aktiviteter/:id': 'drafts.read',
  'POST /redaktion/aktiviteter': 'work.write',
  'POST /redaktion/aktiviteter/:id': 'work.write',
  'POST /redaktion/aktiviteter/:id/offentliggoer': 'work.write',
  'POST /redaktion/aktiviteter/:id/afpublicer': 'work.write',
  'POST /redaktion/aktiviteter/:id/links': 'work.write',
  'POST /redaktion/aktiviteter/:id/bilag': 'work.write',
  'POST /redaktion/aktiviteter/:id/bilag/:evidenceId/slet': 'work.write',
  'GET /indsats': 'public',
  'GET /redaktion/indsats': 'drafts.read',
  'GET /bfa/:code': 'public',
  'GET /api/v1/bfas/:code': 'public',
  'GET /anbefalinger': 'public',
  'GET /anbefalinger/:id': 'public',
  'GET /redaktion/anbefalinger': 'drafts.read',
  'GET /redaktion/anbefalinger/ny': 'drafts.read',
  'GET /redaktion/anbefalinger/:id': 'drafts.read',
  'POST /redaktion/anbefalinger': 'secretariat.write',
  'POST /redaktion/anbefalinger/:id': 'secretariat.write',
  'POST /redaktion/anbefalinger/:id/offentliggoer': 'secretariat.write',
  'POST /redaktion/anbefalinger/:id/opfoelgning': 'secretariat.write',
  'POST /redaktion/opfoelgning/:id': 'secretariat.write',
  'GET /api/v1/recommendations': 'public',
  'GET /api/v1/recommendations.csv': 'public',
  'GET /api/v1/recommendations.xlsx': 'public',
  'GET /api/v1/recommendations/:id': 'public',
  'POST /api/v1/recommendations': 'secretariat.write',
  'PUT /api/v1/recommendations/:id': 'secretariat.write',
  'POST /api/v1/recommendations/:id/follow-up': 'secretariat.write',
  'PUT /api/v1/follow-up/:id': 'secretariat.write',
  'GET /kampagner': 'public',
  'GET /kampagner/:id': 'public',
  'GET /piloter': 'public',
  'GET /piloter/:id': 'public',
  'GET /api/v1/campaigns': 'public',
  'GET /api/v1/campaigns.csv': 'public',
  'GET /api/v1/campaigns.xlsx': 'public',
  'GET /api/v1/campaigns/:id': 'public',
  'GET /api/v1/pilots': 'public',
  'GET /api/v1/pilots.csv': 'public',
  'GET /api/v1/pilots.xlsx': 'public',
  'GET /api/v1/pilots/:id': 'public',
  'POST /api/v1/campaigns': 'work.write',
  'PUT /api/v1/campaigns/:id': 'work.write',
  'POST /api/v1/pilots': 'work.write',
  'PUT /api/v1/pilots/:id': 'work.write',
  'GET /redaktion/kampagner': 'drafts.read',
  'GET /redaktion/kampagner/ny': 'drafts.read',
  'GET /redaktion/kampagner/:id': 'drafts.read',
  'POST /redaktion/kampagner': 'work.write',
  'POST /redaktion/kampagner/:id': 'work.write',
  'POST /redaktion/kampagner/:id/offentliggoer': 'work.write',
  'GET /redaktion/piloter': 'drafts.read',
  'GET /redaktion/piloter/ny': 'drafts.read',
  'GET /redaktion/piloter/:id': 'drafts.read',
  'POST /redaktion/piloter': 'work.write',
  'POST /redaktion/piloter/:id': 'work.write',
  'POST /redaktion/piloter/:id/offentliggoer': 'work.write',
  'GET /puljer': 'public',
  'GET /puljer/:id': 'public',
  'GET /api/v1/funding-pools': 'public',
  'GET /api/v1/funding-pools.csv': 'public',
  'GET /api/v1/funding-pools.xlsx': 'public',
  'GET /api/v1/funding-pools/:id': 'public',
  'GET /api/v1/reach': 'public',
  'GET /api/v1/reach.csv': 'public',
  'GET /api/v1/reach.xlsx': 'public',
  'GET /redaktion/puljer': 'drafts.read',
  'GET /redaktion/puljer/:id': 'drafts.read',
  'GET /redaktion/puljer/ny': 'secretariat.write',
  'POST /redaktion/puljer': 'secretariat.write',
  'POST /redaktion/puljer/:id': 'secretariat.write',
  'POST /redaktion/puljer/:id/offentliggoer': 'secretariat.write',
  'POST /api/v1/funding-pools': 'secretariat.write',
  'PUT /api/v1/funding-pools/:id': 'secretariat.write',
  'GET /redaktion/aktiviteter/import': 'work.write',
  'POST /redaktion/aktiviteter/import': 'work.write',
  'POST /redaktion/aktiviteter/import/confirm': 'work.write',
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

  /** Records of another BFA than the BFA editor's, a draft and a published one of each kind the BFAs own. */
  async function otherBfaRecords() {
    const other = await store.db
      .selectFrom('bfa')
      .select(['id', 'code'])
      .where('code', '!=', ownBfa)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const stamp = {
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: 'test',
      updatedAt: '2026-01-01T00:00:00Z',
      updatedBy: 'test',
    };
    const activity = (published: 0 | 1) =>
      store.db
        .insertInto('workActivity')
        .values({
          ...stamp,
          bfaId: other.id,
          title: `Andet BFA ${published}`,
          activityType: 'course',
          periodStart: '2025-01-01',
          periodEnd: null,
          plannedWorkplaces: null,
          plannedParticipants: null,
          reachedWorkplaces: null,
          reachedParticipants: null,
          costDkk: null,
          fundingPoolId: null,
          campaignId: null,
          status: 'planned',
          notes: '',
          batchId: null,
          published,
          publishedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const campaign = (published: 0 | 1) =>
      store.db
        .insertInto('campaign')
        .values({
          ...stamp,
          bfaId: other.id,
          title: `Andet BFA ${published}`,
          description: '',
          channels: '[]',
          periodStart: '2025-01-01',
          periodEnd: null,
          reachedPeople: null,
          reachedWorkplaces: null,
          impressions: null,
          reachNote: '',
          published,
          publishedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const pilot = (published: 0 | 1) =>
      store.db
        .insertInto('pilot')
        .values({
          ...stamp,
          bfaId: other.id,
          title: `Andet BFA ${published}`,
          description: '',
          interventionGroup: 'a',
          comparisonGroup: 'b',
          outcome: 'c',
          design: 'proportions',
          periodStart: '2025-01-01',
          periodEnd: null,
          beforeLabel: '',
          afterLabel: '',
          xI0: null,
          nI0: null,
          xI1: null,
          nI1: null,
          xC0: null,
          nC0: null,
          xC1: null,
          nC1: null,
          published,
          publishedAt: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const draftActivity = await activity(0);
    const evidence = await store.db
      .insertInto('workEvidence')
      .values({
        activityId: draftActivity.id,
        kind: 'file',
        title: 'Referat',
        url: null,
        fileName: 'referat.txt',
        contentType: 'text/plain',
        sizeBytes: 5,
        sha256: 'x',
        content: Buffer.from('hemmelig'),
        addedAt: stamp.createdAt,
        addedBy: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      aktiviteter: [draftActivity.id, (await activity(1)).id],
      activities: [draftActivity.id, (await activity(1)).id],
      kampagner: [(await campaign(0)).id, (await campaign(1)).id],
      campaigns: [(await campaign(0)).id, (await campaign(1)).id],
      piloter: [(await pilot(0)).id, (await pilot(1)).id],
      pilots: [(await pilot(0)).id, (await pilot(1)).id],
      evidence: evidence.id,
    };
  }

  const workState = async () =>
    JSON.stringify(
      await Promise.all([
        store.db.selectFrom('workActivity').selectAll().orderBy('id').execute(),
        store.db.selectFrom('workEvidence').select(['id', 'activityId', 'title']).orderBy('id').execute(),
        store.db.selectFrom('campaign').selectAll().orderBy('id').execute(),
        store.db.selectFrom('pilot').selectAll().orderBy('id').execute(),
      ]),
    );

  it('keeps a BFA editor from another BFA’s drafts and records: every route with a guessed id, by form and API', async () => {
    const records = await otherBfaRecords();
    const editor = principals.get('bfa_editor')?.user;
    const before = await workState();
    const problems: string[] = [];
    const routes = app.routes.filter(
      (route) =>
        route.method !== 'ALL' &&
        /\/(aktiviteter|kampagner|piloter|activities|campaigns|pilots)\/:id/.test(route.path) &&
        isGuard(route.handler),
    );
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const kind = /(aktiviteter|kampagner|piloter|activities|campaigns|pilots)\/:id/.exec(
        route.path,
      )?.[1] as keyof typeof records;
      const ids = records[kind] as number[];
      for (const [index, id] of ids.entries()) {
        // A draft must look missing; a published record may be read (GET) but never changed.
        if (index === 1 && route.method === 'GET') continue;
        const path = route.path.replace(':id', String(id)).replace(':evidenceId', String(records.evidence));
        const init = await requestAs(editor, route.method);
        const response = await app.request(path, {
          ...init,
          headers: {
            ...(init.headers as Record<string, string>),
            'content-type': 'application/x-www-form-urlencoded',
          },
        });
        const expected = index === 0 ? [404] : [403, 404];
        if (!expected.includes(response.status)) problems.push(`${route.method} ${path}: ${response.status}`);
        const text = await response.text();
        if (index === 0 && text.includes('Andet BFA 0'))
          problems.push(`${route.method} ${path} shows the draft`);
      }
    }
    for (const path of [
      '/api/v1/activities',
      '/aktiviteter',
      '/api/v1/campaigns',
      '/kampagner',
      '/api/v1/pilots',
      '/piloter',
    ]) {
      const text = await (await app.request(path, await requestAs(editor, 'GET'))).text();
      if (text.includes('Andet BFA 0')) problems.push(`${path} lists another BFA’s draft`);
    }
    expect(problems).toEqual([]);
    expect(await workState()).toBe(before);
  }, 120_000);

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
