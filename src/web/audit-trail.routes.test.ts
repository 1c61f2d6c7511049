// Every write route of the web app leaves exactly one audit row, with who, from where and the record before and
// after; a refused or failed write leaves none (a failed login leaves its own row).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor, makeUser, sessionOf, TEST_PASSWORD } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { User } from '../auth/accounts.service.js';
import { createApp } from './app.js';

type Session = { cookie: string; csrf: string };

describeEachDialect('one audit row per write route', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let uploads: string;
  let admin: Session;
  let steward: Session;
  let editor: Session;
  let target = 0;
  let subject: User;

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    uploads = mkdtempSync(path.join(tmpdir(), 'maaltal-audit-uploads-'));
    app = createApp(store, { uploadDir: uploads, logError: () => {} });
    const owner = await store.db
      .selectFrom('targetRevision')
      .innerJoin('bfa', 'bfa.id', 'targetRevision.ownerBfaId')
      .select(['bfa.code', 'targetRevision.targetId'])
      .orderBy('targetRevision.targetId')
      .executeTakeFirstOrThrow();
    target = owner.targetId;
    admin = await sessionOf(store, await makeUser(store, 'admin', { email: 'admin@example.dk' }));
    steward = await sessionOf(store, await makeUser(store, 'steward', { email: 'steward@example.dk' }));
    editor = await sessionOf(
      store,
      await makeUser(store, 'bfa_editor', { email: 'editor@example.dk', bfa: owner.code }),
    );
    subject = await makeUser(store, 'viewer', { email: 'subject@example.dk' });
  }, 120_000);
  afterAll(async () => {
    rmSync(uploads, { recursive: true, force: true });
    await store.destroy();
  });

  const post = async (as: Session | undefined, url: string, fields: Record<string, string> = {}) =>
    app.request(url, {
      method: 'POST',
      headers: as === undefined ? {} : { cookie: as.cookie },
      body: new URLSearchParams(as === undefined ? fields : { _csrf: as.csrf, ...fields }),
    });

  const lastId = async () =>
    (await store.db.selectFrom('auditEvent').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())
      ?.id ?? 0;

  /** Runs the write and returns the audit rows it added. */
  async function rowsOf(write: () => Promise<Response> | Response, status: number) {
    const before = await lastId();
    const response = await write();
    expect(response.status, await response.clone().text()).toBe(status);
    const rows = await store.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('id', '>', before)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      ...row,
      before: row.beforeJson === null ? null : JSON.parse(row.beforeJson),
      after: row.afterJson === null ? null : JSON.parse(row.afterJson),
    }));
  }

  it('users: add, disable, enable, change role, reset code', async () => {
    const added = await rowsOf(
      () =>
        post(admin, '/redaktion/brugere', { email: 'ny@example.dk', name: 'Ny', role: 'viewer', bfa: '' }),
      200,
    );
    expect(added).toMatchObject([
      {
        action: 'user.create',
        entity: 'user',
        actorLabel: 'admin@example.dk',
        actorKind: 'user',
        before: null,
        after: { email: 'ny@example.dk', role: 'viewer', active: true },
      },
    ]);
    expect(added[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const disabled = await rowsOf(() => post(admin, `/redaktion/brugere/${subject.id}/deaktiver`), 303);
    expect(disabled).toMatchObject([
      {
        action: 'user.disable',
        entityId: String(subject.id),
        before: { active: true },
        after: { active: false },
      },
    ]);
    const enabled = await rowsOf(() => post(admin, `/redaktion/brugere/${subject.id}/aktiver`), 303);
    expect(enabled).toMatchObject([
      { action: 'user.enable', before: { active: false }, after: { active: true } },
    ]);
    const role = await rowsOf(
      () => post(admin, `/redaktion/brugere/${subject.id}/rolle`, { role: 'steward', bfa: '' }),
      303,
    );
    expect(role).toMatchObject([
      { action: 'user.set_role', before: { role: 'viewer' }, after: { role: 'steward' } },
    ]);
    let code = '';
    const reset = await rowsOf(async () => {
      const response = await post(admin, `/redaktion/brugere/${subject.id}/nulstil`);
      code = /<code class="maaltal-secret">([\w-]+)<\/code>/.exec(await response.clone().text())?.[1] ?? '';
      return response;
    }, 200);
    expect(reset).toMatchObject([{ action: 'user.reset_start', entityId: String(subject.id) }]);
    const finished = await rowsOf(
      () => post(undefined, '/redaktion/nulstil', { code, password: TEST_PASSWORD }),
      303,
    );
    expect(finished).toMatchObject([
      { action: 'user.reset_finish', actorKind: 'anonymous', entityId: String(subject.id) },
    ]);
    expect(JSON.stringify(finished)).not.toContain(code);
    // A refused write (no CSRF token; a steward) leaves no row.
    expect(
      await rowsOf(
        () =>
          post({ ...admin, csrf: 'x' }, '/redaktion/brugere', {
            email: 'x@example.dk',
            name: 'X',
            role: 'viewer',
          }),
        403,
      ),
    ).toEqual([]);
    expect(
      await rowsOf(
        () => post(steward, '/redaktion/brugere', { email: 'x@example.dk', name: 'X', role: 'viewer' }),
        403,
      ),
    ).toEqual([]);
  });

  it('sessions: login, failed login, password change, logout', async () => {
    const failed = await rowsOf(
      () =>
        post(undefined, '/redaktion/login', { email: 'subject@example.dk', password: 'wrong wrong wrong' }),
      401,
    );
    expect(failed).toMatchObject([
      { action: 'login.failed', actorKind: 'anonymous', after: { email: 'subject@example.dk' } },
    ]);
    const login = await rowsOf(
      () => post(undefined, '/redaktion/login', { email: 'subject@example.dk', password: TEST_PASSWORD }),
      303,
    );
    expect(login).toMatchObject([
      { action: 'login', actorLabel: 'subject@example.dk', after: { userId: subject.id } },
    ]);
    const own = await sessionOf(store, subject);
    const changed = await rowsOf(
      () =>
        post(own, '/redaktion/konto/adgangskode', {
          current: TEST_PASSWORD,
          password: 'en ny og lang sætning',
        }),
      303,
    );
    expect(changed).toMatchObject([{ action: 'user.password_change', entityId: String(subject.id) }]);
    const fresh = await sessionOf(store, subject);
    expect(await rowsOf(() => post(fresh, '/redaktion/logout'), 303)).toMatchObject([
      { action: 'logout', actorLabel: 'subject@example.dk' },
    ]);
  });

  it('API tokens: create and revoke; comments', async () => {
    const made = await rowsOf(
      () => post(steward, '/redaktion/konto/tokens', { name: 'script', role: 'viewer', days: '30' }),
      200,
    );
    expect(made).toMatchObject([
      {
        action: 'token.create',
        entity: 'api_token',
        after: { name: 'script', role: 'viewer', revokedAt: null },
      },
    ]);
    const id = made[0]?.entityId;
    const revoked = await rowsOf(() => post(steward, `/redaktion/konto/tokens/${id}/tilbagekald`), 303);
    expect(revoked).toMatchObject([{ action: 'token.revoke', entityId: id, before: { revokedAt: null } }]);
    expect(revoked[0]?.after.revokedAt).toMatch(/^\d{4}-/);
    const comment = await rowsOf(
      () => post(editor, `/redaktion/maaltal/${target}/kommentarer`, { body: 'Til næste møde' }),
      303,
    );
    expect(comment).toMatchObject([
      {
        action: 'comment.create',
        actorLabel: 'editor@example.dk',
        after: { targetId: target, body: 'Til næste møde' },
      },
    ]);
    expect(
      await rowsOf(() => post(editor, `/redaktion/maaltal/${target}/kommentarer`, { body: '  ' }), 400),
    ).toEqual([]);
    const token = await bearerFor(store, 'steward');
    const viaApi = await rowsOf(
      () =>
        app.request(`/api/v1/targets/${target}/comments`, {
          method: 'POST',
          headers: { ...token, 'content-type': 'application/json' },
          body: JSON.stringify({ body: 'Fra et script' }),
        }),
      201,
    );
    expect(viaApi).toMatchObject([
      { action: 'comment.create', actorKind: 'token', after: { body: 'Fra et script' } },
    ]);
  });

  it('imports: confirm and rollback (a preview writes nothing)', async () => {
    const form = new FormData();
    form.set(
      'file',
      new File(['indicator;branch;year;value;n\nkemi-udsat;butikker;2029;12,5;500\n'], 'a.csv', {
        type: 'text/csv',
      }),
    );
    form.set('kind', 'observations');
    let stored = '';
    expect(
      await rowsOf(async () => {
        const response = await app.request(`/redaktion/import?_csrf=${steward.csrf}`, {
          method: 'POST',
          body: form,
          headers: { cookie: steward.cookie },
        });
        stored = /name="upload" value="([^"]+)"/.exec(await response.clone().text())?.[1] ?? '';
        return response;
      }, 200),
    ).toEqual([]);
    const imported = await rowsOf(
      () =>
        post(steward, '/redaktion/import/confirm', {
          upload: stored,
          kind: 'observations',
          sheet: '',
          source: 'kilde',
          replace: '',
        }),
      303,
    );
    expect(imported).toMatchObject([
      {
        action: 'import',
        entity: 'import_batch',
        actorLabel: 'steward@example.dk',
        after: { rows: 1, file: 'a.csv', source: 'kilde' },
      },
    ]);
    const rolled = await rowsOf(
      () => post(steward, `/redaktion/import/${imported[0]?.entityId}/rollback`),
      303,
    );
    expect(rolled).toMatchObject([
      {
        action: 'rollback',
        before: { status: 'committed', rows: 1 },
        after: { status: 'rolled_back', removed: 1 },
      },
    ]);
  });
});
