// The editor area's page of industry codes without a branch group: closed without signing in, lists each code with
// where its records are counted meanwhile, and maps a code from a plain form (errors shown on the page, in Danish or
// English), on both databases; the mapping runs as a job in a worker thread, as on the server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { type TempFiles, tempFiles } from '../../test/imports/files.js';
import { seedStore } from '../../test/seed.js';
import { type DatabaseConfig, parseDatabaseSetting } from '../config.js';
import { workerImports } from '../imports/import-runner.js';
import { runImport } from '../imports/imports.service.js';
import { createApp } from '../web/app.js';

describeEachDialect('editor area: industry codes without a branch group', (dialect) => {
  let store: TestStore;
  let files: TempFiles;
  let app: ReturnType<typeof createApp>;
  let changes = 0;
  let cookie = '';
  let csrf = '';

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
    files = tempFiles();
    const lines = [
      ...Array.from({ length: 15 }, (_, i) => `P-${i};2024-05-0${(i % 9) + 1};49.50;41;M;3`),
      ...Array.from({ length: 6 }, (_, i) => `Q-${i};2024-06-0${(i % 9) + 1};4520;29;K;1`),
    ];
    const file = files.write(
      'ulykker.csv',
      `sagsnummer;registreringsdato;branchekode;alder;koen;fravaersdage\n${lines.join('\n')}\n`,
    );
    await runImport(store, file, { kind: 'accidents' }, { user: 'steward', now: () => new Date() });
    // As the server runs it: the mapping is a job in a worker thread on its own connection.
    const database = parseDatabaseSetting(store.setting, 'DATABASE_URL') as DatabaseConfig;
    ({ cookie, csrf } = await sessionOf(store, await makeUser(store, 'steward')));
    app = createApp(store, {
      onDataChanged: () => changes++,
      imports: workerImports(database),
    });
  });
  afterAll(async () => {
    files.remove();
    await store.destroy();
  });

  const text = async (response: Response) =>
    (await response.text())
      .replace(/<[^>]+>/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/\s+/g, ' ');

  it('is closed without signing in, and to a role without imports', async () => {
    const page = await app.request('/redaktion/branchekoder');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/redaktion/login?next=%2Fredaktion%2Fbranchekoder');
    const post = await app.request('/redaktion/branchekoder/placer', {
      method: 'POST',
      body: new URLSearchParams({ code: '49.50', branch: 'transport-af-gods' }),
    });
    expect(post.status).toBe(401);
    const viewer = await sessionOf(store, await makeUser(store, 'viewer'));
    expect(
      (await app.request('/redaktion/branchekoder', { headers: { cookie: viewer.cookie } })).status,
    ).toBe(403);
  });

  it('lists each code with its title, the main group it is counted in, and its records', async () => {
    const page = await text(await app.request('/redaktion/branchekoder', { headers: { cookie } }));
    expect(page).toContain('Branchekoder uden branchegruppe');
    expect(page).toContain('DB07 49.50 Rørtransport Transport 15');
    expect(page).toContain(
      'DB07 45.20 Vedligeholdelse og reparation af motorkøretøjer ukendt (kun landstal) 6',
    );
    const english = await text(await app.request('/en/redaktion/branchekoder', { headers: { cookie } }));
    expect(english).toContain('Industry codes without a branch group');
    expect(english).toContain('unknown (national only)');
  });

  it('shows a wrong branch group on the page, in its language, and changes nothing', async () => {
    const post = (path: string) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams({ _csrf: csrf, code: '49.50', classification: 'DB07', branch: 'rumfart' }),
      });
    const danish = await post('/redaktion/branchekoder/placer');
    expect(danish.status).toBe(400);
    expect(await text(danish)).toContain('"rumfart" er ikke en kode for en branchegruppe');
    const english = await post('/en/redaktion/branchekoder/placer');
    expect(await text(english)).toContain('"rumfart" is not a branch group code');
    expect(changes).toBe(0);
  });

  it('maps a code from the form: its records move, the page says so, and the figures are protected again', async () => {
    const response = await app.request('/redaktion/branchekoder/placer', {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        code: '49.50',
        classification: 'DB07',
        branch: 'transport-af-gods',
      }),
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') as string;
    expect(location).toBe('/redaktion/branchekoder?placeret=49.50&gruppe=transport-af-gods&flyttet=15');
    expect(changes).toBe(1);
    const page = await text(await app.request(location, { headers: { cookie } }));
    expect(page).toContain('49.50 hører nu til Transport af gods; 15 ulykker er flyttet derind.');
    expect(page).not.toContain('Rørtransport');
    const again = await app.request('/redaktion/branchekoder/placer', {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ _csrf: csrf, code: '4950', classification: 'DB07', branch: 'butikker' }),
    });
    expect(again.status).toBe(409);
    expect(await text(again)).toContain('49.50 hører allerede til transport-af-gods');
    const audit = await store.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('action', '=', 'map_code')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: 'user', entity: 'industry_code', entityId: 'DB07:49.50' });
    expect(JSON.parse(audit[0]?.afterJson ?? '{}')).toMatchObject({ branch: 'transport-af-gods', moved: 15 });
  });
});
