// The editor area's activity import on both databases: open to BFA editors and the secretariat (work.write), a BFA
// editor's file refused row by row for every other BFA's activity, a preview then a confirmation storing drafts,
// and the BFA checked again on confirmation. The routes run behind the app's context and sign-in middleware, in front
// of the app itself (which has no route of theirs yet: `/redaktion/aktiviteter/:id` would take `import`).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { toAppError } from '../errors.js';
import { createApp } from '../web/app.js';
import { DEFAULT_SESSION_SETTINGS, identify } from '../web/sessions.js';
import { activityImportRoutes } from './activities-import.routes.js';

const HEADER =
  'BFA;Titel;Type;Branchegrupper;Måltal;Start;Slut;Planlagte deltagere;Omkostning (kr.);Status;Noter';
const OWN = [
  'hfk;Ergonomi i butikken (rutetest);Kursus;Butikker;10;01-03-2024;30-06-2024;40;12.500;Planlagt;',
  'BFA HFK;Stress i kontoret (rutetest);Dialogmøde;Kontor;;1.4.2024;;20;;I gang;',
];
const OTHERS = [
  'ba;Stilladser (rutetest);Kursus;Anlægsarbejde;;2024-01-01;;;;Planlagt;',
  'industri;Støj (rutetest);Kursus;Metal og maskiner;;2024-01-01;;;;Planlagt;',
];

describeEachDialect('editor area: activity import', (dialect) => {
  let store: TestStore;
  let uploads: string;
  let app: Hono;
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    uploads = mkdtempSync(path.join(tmpdir(), 'maaltal-activity-uploads-'));
    const site = createApp(store, { uploadDir: uploads, logError: () => {} });
    app = new Hono();
    app.use('*', contextStorage());
    app.use('*', identify(store, DEFAULT_SESSION_SETTINGS));
    app.route('/', activityImportRoutes(store, { uploadDir: uploads }));
    app.all('*', (c) => site.fetch(c.req.raw));
    app.onError((error, c) => {
      const known = toAppError(error);
      if (known === undefined) throw error;
      return c.html(known.oneLineFor('da'), known.httpStatus);
    });
    for (const role of ['admin', 'steward', 'bfa_editor', 'viewer'] as const)
      sessions.set(role, await sessionOf(store, await makeUser(store, role, { bfa: 'hfk' })));
  });
  afterAll(async () => {
    rmSync(uploads, { recursive: true, force: true });
    await store.destroy();
  });

  const session = (role: string) => sessions.get(role) ?? { cookie: '', csrf: '' };
  const upload = (role: string, rows: string[], base = '/redaktion/aktiviteter/import') => {
    const { cookie, csrf } = session(role);
    const form = new FormData();
    form.set('file', new File([[HEADER, ...rows].join('\n')], 'aktiviteter.csv', { type: 'text/csv' }));
    return app.request(`${base}?_csrf=${csrf}`, { method: 'POST', body: form, headers: { cookie } });
  };
  const confirm = (role: string, upload: string) => {
    const { cookie, csrf } = session(role);
    return app.request('/redaktion/aktiviteter/import/confirm', {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ _csrf: csrf, upload, sheet: '' }),
    });
  };
  const imported = () =>
    store.db
      .selectFrom('workActivity')
      .select(['title', 'bfaId', 'published', 'version', 'createdBy', 'batchId'])
      .where('title', 'like', '%(rutetest)')
      .orderBy('id')
      .execute();

  it('is open to BFA editors and the secretariat (work.write), not to stewards, viewers or anyone signed out', async () => {
    const anonymous = await app.request('/redaktion/aktiviteter/import');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(
      '/redaktion/login?next=%2Fredaktion%2Faktiviteter%2Fimport',
    );
    for (const role of ['steward', 'viewer']) {
      const page = await app.request('/redaktion/aktiviteter/import', {
        headers: { cookie: session(role).cookie },
      });
      expect(page.status, role).toBe(403);
      expect((await upload(role, OWN)).status, role).toBe(403);
    }
    const editor = await app.request('/redaktion/aktiviteter/import', {
      headers: { cookie: session('bfa_editor').cookie },
    });
    expect(editor.status).toBe(200);
    const html = await editor.text();
    expect(html).toContain('Du er BFA-redaktør for HFK og kan kun importere jeres egne aktiviteter.');
    expect(html).toContain('<th scope="row">Planlagte arbejdspladser</th>');
    const english = await app.request('/en/redaktion/aktiviteter/import', {
      headers: { cookie: session('admin').cookie },
    });
    expect(english.status).toBe(200);
    const englishHtml = await english.text();
    expect(englishHtml).toContain('<h1>Import activities</h1>');
    expect(englishHtml).not.toContain('You are a BFA editor');
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('refuses every row of another BFA in a BFA editor’s file, naming row and column, and stores nothing', async () => {
    const response = await upload('bfa_editor', [OTHERS[0] ?? '', ...OWN, OTHERS[1] ?? '']);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Filen har 2 problem(er). Intet er gemt.');
    const problems = [
      ...html
        .slice(0, html.indexOf('<h2>'))
        .matchAll(/<tr><td class="num">(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)</g),
    ];
    expect(problems.map((match) => match.slice(1, 5))).toEqual([
      ['2', 'BFA', 'bfa', '&quot;ba&quot; er ikke din BFA: du må kun importere aktiviteter for BFA HFK'],
      [
        '5',
        'BFA',
        'bfa',
        '&quot;industri&quot; er ikke din BFA: du må kun importere aktiviteter for BFA HFK',
      ],
    ]);
    expect(html).not.toContain('name="upload"');
    expect(await imported()).toEqual([]);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('previews a BFA editor’s own activities, then stores them as drafts on confirmation', async () => {
    const preview = await upload('bfa_editor', OWN);
    const html = await preview.text();
    expect(preview.status, html).toBe(200);
    expect(html).toContain('Alle 2 rækker er gyldige.');
    expect(html).toContain('Måltal → targets');
    expect(await imported()).toEqual([]);
    const stored = /name="upload" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const done = await confirm('bfa_editor', stored);
    expect(done.status).toBe(303);
    const rows = await imported();
    const hfk = await store.db
      .selectFrom('bfa')
      .select('id')
      .where('code', '=', 'hfk')
      .executeTakeFirstOrThrow();
    expect(rows).toEqual([
      expect.objectContaining({
        title: 'Ergonomi i butikken (rutetest)',
        bfaId: hfk.id,
        published: 0,
        version: 1,
      }),
      expect.objectContaining({
        title: 'Stress i kontoret (rutetest)',
        bfaId: hfk.id,
        published: 0,
        version: 1,
      }),
    ]);
    expect(rows[0]?.createdBy).toMatch(/^bfa_editor-\d+-\w+@example\.dk$/);
    expect(done.headers.get('location')).toBe(
      `/redaktion/aktiviteter/import?done=${rows[0]?.batchId}&rows=2`,
    );
    const page = await app.request(done.headers.get('location') ?? '', {
      headers: { cookie: session('bfa_editor').cookie },
    });
    expect(await page.text()).toContain(
      `2 aktiviteter er gemt som kladder (import nr. ${rows[0]?.batchId}).`,
    );
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('checks the BFA again on confirmation: an upload the secretariat previewed is refused for a BFA editor', async () => {
    const before = await imported();
    const preview = await upload('admin', OTHERS);
    const html = await preview.text();
    expect(preview.status, html).toBe(200);
    const stored = /name="upload" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const refused = await confirm('bfa_editor', stored);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('er ikke din BFA');
    expect(await imported()).toEqual(before);
    expect(readdirSync(uploads)).toEqual([]);
  });
});
