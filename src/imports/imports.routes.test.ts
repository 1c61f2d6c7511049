import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, sessionOf, TEST_PASSWORD } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { type DatabaseConfig, parseDatabaseSetting } from '../config.js';
import { createApp } from '../web/app.js';
import { workerImports } from './import-runner.js';

const CSV =
  'indicator;branch;year;value;n\nkemi-udsat;anlaegsarbejde;2029;30,5;600\nkemi-udsat;butikker;2029;12,5;500\n';

// The app runs its import jobs in worker threads, as the server does: previews, confirmations, rollbacks and their
// problems all cross the thread boundary here.
describeEachDialect('editor area: imports', (dialect) => {
  let store: TestStore;
  let uploads: string;
  let app: ReturnType<typeof createApp>;
  /** Times the editor area said the data changed (the server then protects the accident figures again). */
  let changes = 0;
  let database: DatabaseConfig;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
    uploads = mkdtempSync(path.join(tmpdir(), 'maaltal-uploads-'));
    database = parseDatabaseSetting(store.setting, 'DATABASE_URL') as DatabaseConfig;
    const steward = await makeUser(store, 'steward', { email: 'steward@example.dk' });
    ({ cookie, csrf } = await sessionOf(store, steward));
    app = createApp(store, {
      uploadDir: uploads,
      imports: workerImports(database),
      onDataChanged: () => {
        changes++;
      },
    });
  });
  afterAll(async () => {
    rmSync(uploads, { recursive: true, force: true });
    await store.destroy();
  });

  let cookie = '';
  let csrf = '';
  const upload = (content: string, name: string, base = '/redaktion/import') => {
    const form = new FormData();
    form.set('file', new File([content], name, { type: 'text/csv' }));
    form.set('kind', 'observations');
    form.set('source', 'test');
    return app.request(`${base}?_csrf=${csrf}`, { method: 'POST', body: form, headers: { cookie } });
  };

  it('is closed without signing in: a login page for people, 401 for scripts; a steward signs in', async () => {
    const page = await app.request('/redaktion/import');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/redaktion/login?next=%2Fredaktion%2Fimport');
    const script = await app.request('/redaktion/import', { headers: { authorization: 'Bearer wrong' } });
    expect(script.status).toBe(401);
    const wrong = await app.request('/redaktion/login', {
      method: 'POST',
      body: new URLSearchParams({ email: 'steward@example.dk', password: 'nope', next: '/redaktion/import' }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('e-mailadressen eller adgangskoden er forkert');
    const right = await app.request('/redaktion/login', {
      method: 'POST',
      body: new URLSearchParams({
        email: 'steward@example.dk',
        password: TEST_PASSWORD,
        next: '/redaktion/import',
      }),
    });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/redaktion/import');
    const set = right.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/maaltal_session=[\w-]{43};.*HttpOnly.*SameSite=Lax/i);
    const session = /maaltal_session=([\w-]+)/.exec(set)?.[1];
    expect(
      (await app.request('/redaktion/import', { headers: { cookie: `maaltal_session=${session}` } })).status,
    ).toBe(200);
  });

  it('previews an upload with detected settings, first rows and validation, then imports on confirmation', async () => {
    const preview = await upload(CSV, 'målinger.csv');
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Alle 2 rækker er gyldige.');
    expect(html).toContain('delimiter: ;');
    expect(html).toContain('decimalComma: true');
    expect(html).toContain('<td>anlaegsarbejde</td>');
    const userBatches = () =>
      store.db.selectFrom('importBatch').selectAll().where('importedBy', '!=', 'demo').orderBy('id');
    expect(await userBatches().execute()).toEqual([]);
    const stored = /name="upload" value="([^"]+)"/.exec(html)?.[1];
    expect(stored).toBeDefined();

    const confirm = await app.request('/redaktion/import/confirm', {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        upload: stored ?? '',
        kind: 'observations',
        sheet: '',
        source: 'test',
        replace: '',
      }),
    });
    expect(confirm.status).toBe(303);
    expect(changes).toBe(1);
    const batch = await userBatches().executeTakeFirstOrThrow();
    expect(batch).toMatchObject({
      fileName: 'målinger.csv',
      rowCount: 2,
      sourceLabel: 'test',
      status: 'committed',
    });
    expect(confirm.headers.get('location')).toBe(`/redaktion/import?done=${batch.id}`);
    expect(readdirSync(uploads)).toEqual([]);

    const list = await (
      await app.request(`/redaktion/import?done=${batch.id}`, { headers: { cookie } })
    ).text();
    expect(list).toContain(`Import nr. ${batch.id} er gemt med 2 rækker.`);
    const rollback = await app.request(`/redaktion/import/${batch.id}/rollback`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(rollback.status).toBe(303);
    expect(changes).toBe(2);
    expect(
      await store.db.selectFrom('observation').select('id').where('batchId', '=', batch.id).execute(),
    ).toEqual([]);
    const audit = await store.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('entity', '=', 'import_batch')
      .where('entityId', '=', String(batch.id))
      .orderBy('id')
      .execute();
    expect(audit.map((row) => [row.action, row.actorLabel, row.actorKind])).toEqual([
      ['import', 'steward@example.dk', 'user'],
      ['rollback', 'steward@example.dk', 'user'],
    ]);
    expect(JSON.parse(audit[0]?.afterJson ?? '{}')).toMatchObject({ rows: 2, file: 'målinger.csv' });
    expect(JSON.parse(audit[1]?.beforeJson ?? '{}')).toEqual({ status: 'committed', rows: 2 });
    expect(JSON.parse(audit[1]?.afterJson ?? '{}')).toMatchObject({ status: 'rolled_back', removed: 2 });
  });

  it('shows the validation report of a bad file and keeps nothing', async () => {
    const response = await upload(CSV.replace('30,5', 'tredive'), 'fejl.csv');
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Filen har 1 problem(er). Intet er gemt.');
    expect(html).toContain('<td>&quot;tredive&quot; er ikke et tal</td>');
    expect(html).not.toContain('is not a number');
    expect(html).not.toContain('name="upload"');
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('shows the problems in the page’s language: Danish at /redaktion, English at /en/redaktion', async () => {
    const bad = CSV.replace('30,5', 'tredive').replace('butikker', 'rumfart');
    const danish = await (await upload(bad, 'fejl.csv')).text();
    expect(danish).toContain('<td>&quot;tredive&quot; er ikke et tal</td>');
    expect(danish).toContain('<td>ukendt branchegruppe &quot;rumfart&quot;</td>');
    expect(danish).not.toContain('is not a number');
    expect(danish).not.toContain('unknown branch group');

    const response = await upload(bad, 'fejl.csv', '/en/redaktion/import');
    expect(response.status).toBe(422);
    const english = await response.text();
    expect(english).toContain('<td>&quot;tredive&quot; is not a number</td>');
    expect(english).toContain('<td>unknown branch group &quot;rumfart&quot;</td>');
    expect(english).not.toContain('er ikke et tal');
    expect(english).not.toContain('ukendt branchegruppe');
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('takes a mapping in the form, previews the rows as it shapes them, and imports them so', async () => {
    const wide = 'Beskæftigede\n\nBRANCHE;KØN;2031;2032\nKontor;I alt;1.200;..\nKontor;Mænd;600;650\n';
    const mapping = JSON.stringify({
      headerRow: 3,
      wide: { value: 'employed' },
      columns: { branch: 'BRANCHE' },
      where: { KØN: 'I alt' },
      values: { branch: { Kontor: 'kontor' } },
    });
    const form = new FormData();
    form.set('file', new File([wide], 'statbank.csv', { type: 'text/csv' }));
    form.set('kind', 'employment');
    form.set('mapping', mapping);
    const preview = await app.request(`/redaktion/import?_csrf=${csrf}`, {
      method: 'POST',
      body: form,
      headers: { cookie },
    });
    const html = await preview.text();
    expect(preview.status, html).toBe(200);
    expect(html).toContain('Alle 1 rækker er gyldige.');
    expect(html).toContain('1 celle(r) uden tal');
    expect(html).toContain('De første rækker, som mappingen former dem');
    expect(html).toContain('<td>kontor</td>');
    expect(html).not.toContain('<td>Mænd</td>');
    const stored = /name="upload" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const hidden = /name="mapping" value="([^"]*)"/.exec(html)?.[1] ?? '';
    const confirm = await app.request('/redaktion/import/confirm', {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        upload: stored,
        kind: 'employment',
        sheet: '',
        source: '',
        replace: '',
        mapping: hidden.replaceAll('&quot;', '"'),
      }),
    });
    expect(confirm.status).toBe(303);
    const batchId = Number(/done=(\d+)/.exec(confirm.headers.get('location') ?? '')?.[1]);
    const rows = await store.db
      .selectFrom('employment')
      .select(['year', 'employed'])
      .where('batchId', '=', batchId)
      .execute();
    expect(rows.map((row) => [Number(row.year), Number(row.employed)])).toEqual([[2031, 1200]]);

    const broken = new FormData();
    broken.set('file', new File([wide], 'statbank.csv', { type: 'text/csv' }));
    broken.set('kind', 'employment');
    broken.set('mapping', '{"columns": ');
    const refused = await app.request(`/redaktion/import?_csrf=${csrf}`, {
      method: 'POST',
      body: broken,
      headers: { cookie },
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('er ikke gyldig JSON');
    expect(readdirSync(uploads)).toEqual([]);
  }, 60_000);

  it('names a job that runs out of memory, writes nothing, and keeps serving', async () => {
    const tight = createApp(store, {
      uploadDir: uploads,
      imports: workerImports(database, 4),
    });
    const form = new FormData();
    form.set('file', new File([CSV], 'målinger.csv', { type: 'text/csv' }));
    form.set('kind', 'observations');
    const before = await store.db.selectFrom('importBatch').select('id').execute();
    const response = await tight.request(`/en/redaktion/import?_csrf=${csrf}`, {
      method: 'POST',
      body: form,
      headers: { cookie },
    });
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('ran out of memory');
    expect(html).toContain('split the file into smaller files');
    expect(await store.db.selectFrom('importBatch').select('id').execute()).toEqual(before);
    expect((await tight.request('/healthz')).status).toBe(200);
  }, 60_000);
});
