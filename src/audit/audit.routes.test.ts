// The audit trail's page and CSV download on both databases: closed to the anonymous and to roles without
// `audit.read`, filters kept in the form and the CSV link, a bad date shown beside its field, and a CSV that Danish
// Excel opens as it is (BOM, `;`).
import { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import type { Principal } from '../auth/policy.js';
import { inTransaction } from '../db/connect.js';
import { AppError } from '../errors.js';
import { auditRoutes } from './audit.routes.js';
import { recordAudit } from './audit.service.js';

const ADMIN: Principal = { kind: 'user', userId: 1, role: 'admin', bfaId: null, label: 'a@x' };
const VIEWER: Principal = { kind: 'user', userId: 2, role: 'viewer', bfaId: null, label: 'v@x' };

function testApp(store: TestStore) {
  const app = new Hono();
  app.use(async (c, next) => {
    const who = c.req.header('x-who');
    if (who !== 'anonymous') c.set('principal', who === 'viewer' ? VIEWER : ADMIN);
    await next();
  });
  app.route('/', auditRoutes(store));
  app.onError((error, c) =>
    error instanceof AppError
      ? c.json({ code: error.code, issues: error.issues }, error.httpStatus)
      : c.text(String(error), 500),
  );
  return app;
}

const text = async (response: Response) =>
  (await response.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describeEachDialect('audit trail page and download', (dialect) => {
  let store: TestStore;
  let app: Hono;

  beforeAll(async () => {
    store = await freshStore(dialect);
    app = testApp(store);
    const events: [string, string, unknown][] = [
      ['2026-03-01T08:15:42Z', 'create', { name: 'Støj', value: 3 }],
      ['2026-03-02T09:30:00Z', '=HYPERLINK("x")', null],
      ['2026-03-03T10:45:00Z', 'revise', { value: 4 }],
    ];
    for (const [at, action, after] of events) {
      await inTransaction(store.db, (tx) =>
        recordAudit(
          tx,
          { principal: ADMIN, requestId: 'req-1', clientAddress: '10.1.2.3' },
          { action, entity: 'target', entityId: 12, before: null, after },
          new Date(at),
        ),
      );
    }
  });
  afterAll(async () => {
    await store.destroy();
  });

  it('is closed to the anonymous and to roles without audit.read', async () => {
    const page = await app.request('/redaktion/log', { headers: { 'x-who': 'anonymous' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/redaktion/login?next=%2Fredaktion%2Flog');
    const csv = await app.request('/en/redaktion/log.csv', { headers: { 'x-who': 'anonymous' } });
    expect(csv.status).toBe(303);
    expect(csv.headers.get('location')).toBe('/en/redaktion/login?next=%2Fen%2Fredaktion%2Flog.csv');
    expect((await app.request('/redaktion/log', { headers: { 'x-who': 'viewer' } })).status).toBe(403);
    expect((await app.request('/redaktion/log.csv', { headers: { 'x-who': 'viewer' } })).status).toBe(403);
  });

  it('shows the rows newest first with times to the minute, and a CSV link with the same filters', async () => {
    const response = await app.request('/redaktion/log');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const page = await text(response);
    expect(page).toContain('Revisionsspor');
    expect(page).toContain('3 2026-03-03 10:45 a@x (bruger) revise target 12 10.1.2.3');
    expect(page.indexOf('2026-03-03 10:45')).toBeLessThan(page.indexOf('2026-03-01 08:15'));
    expect(page).toContain('{"name":"Støj","value":3}');
    const filtered = await (await app.request('/en/redaktion/log?action=create&from=2026-03-01&to=')).text();
    expect(filtered).toContain('href="/en/redaktion/log.csv?action=create&amp;from=2026-03-01"');
    expect(filtered).toContain('value="create"');
    expect(await text(new Response(filtered))).toContain('Showing 1 event.');
    expect(filtered).not.toContain('2026-03-03 10:45');
    for (const field of ['user', 'entity', 'action', 'from', 'to'])
      expect(filtered).toMatch(new RegExp(`<label class="form-label" for="${field}">`));
  });

  it('shows a bad date beside its field, in the page language, with the input kept', async () => {
    const danish = await app.request('/redaktion/log?from=2026-02-30&user=a%40x');
    expect(danish.status).toBe(400);
    const html = await danish.text();
    expect(html).toMatch(
      /<div class="form-group form-error">\s*<label class="form-label" for="from">[\s\S]*?id="from-error">[\s\S]*?skal være en gyldig dato som ÅÅÅÅ-MM-DD/,
    );
    expect(html).toContain('value="2026-02-30"');
    expect(html).toContain('value="a@x"');
    expect(html).toContain('aria-invalid="true"');
    const english = await text(await app.request('/en/redaktion/log?to=tomorrow'));
    expect(english).toContain('must be a valid date as YYYY-MM-DD');
  });

  it('downloads a Danish CSV with a BOM, `;` and Danish headers, formulas neutralised', async () => {
    const response = await app.request('/redaktion/log.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('revisionsspor.csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\n');
    expect(lines[0]).toBe(
      'Nr.;Tidspunkt (UTC);Aktørtype;Aktør-id;Aktør;Forespørgsel;Adresse;Handling;Objekttype;Objekt-id;Før;Efter;Hash',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^3;2026-03-03T10:45:00.000Z;user;1;a@x;req-1;10.1.2.3;revise;target;12;;"\{""value"":4\}";[0-9a-f]{64}$/,
    );
    expect(lines[2]).toContain(`;"'=HYPERLINK(""x"")";`);
  });

  it('downloads an English CSV with `,` and the filters applied; a bad filter is a 400', async () => {
    const response = await app.request('/en/redaktion/log.csv?action=create');
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'No.,Time (UTC),Actor kind,Actor id,Actor,Request,Address,Action,Entity,Entity id,Before,After,Hash',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^1,2026-03-01T08:15:42.000Z,user,1,a@x,req-1,10.1.2.3,create,target,12,,/);
    const bad = await app.request('/en/redaktion/log.csv?from=03-01-2026');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_input', issues: [{ field: 'from' }] });
  });
});
