// Pages and public answers are served from the cache until the data change, on both databases; private
// answers never are.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { bearerFor, makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { inTransaction } from '../db/connect.js';
import { rollbackImport } from '../imports/imports.service.js';
import { reviseTargetSchema } from '../targets/targets.schemas.js';
import { reviseTarget } from '../targets/targets.service.js';
import { createApp } from './app.js';

const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };

describeEachDialect('page cache', (dialect) => {
  const workspace = useAccidentFixture(dialect);

  it('serves a page again from the cache until an import or rollback changes the data', async () => {
    const app = createApp(workspace.store, { logError: () => {} });
    const path = '/api/v1/accidents/rates?groupBy=year&mainGroup=handel';
    const first = await app.request(path);
    expect(first.headers.get('x-cache')).toBeNull();
    const body = await first.text();
    const again = await app.request(path);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(await again.text()).toBe(body);
    expect(again.headers.get('content-type')).toContain('application/json');

    await rollbackImport(workspace.store, workspace.batches[1] ?? 0, actor, 'test');
    const after = await app.request(path);
    expect(after.headers.get('x-cache')).toBeNull();
    const rows = ((await after.json()) as { rows: { year: number }[] }).rows;
    expect(rows.map((row) => row.year)).toEqual([2023]);
    expect((await app.request(path)).headers.get('x-cache')).toBe('hit');

    const html = await app.request('/ulykker');
    expect(html.status).toBe(200);
    expect((await app.request('/ulykker')).headers.get('x-cache')).toBe('hit');
  });

  it('keeps at most its limit in bytes, least recently used out first, and no answer above a quarter of it', async () => {
    const app = createApp(workspace.store, { logError: () => {}, pageCache: { maxBytes: 40_000 } });
    const small = (n: number) =>
      `/api/v1/accidents/rates?from=2023&to=2023&mainGroup=handel&perEmployed=${1000 + n}`;
    const size = (await (await app.request(small(0))).arrayBuffer()).byteLength;
    expect(size).toBeLessThan(10_000);
    expect((await app.request(small(0))).headers.get('x-cache')).toBe('hit');
    // The explorer page is larger than a quarter of the limit: never kept.
    expect((await (await app.request('/ulykker')).arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    expect((await app.request('/ulykker')).headers.get('x-cache')).toBeNull();
    // Enough other answers to pass the limit push the least recently used one out.
    for (let n = 1; n * size <= 40_000; n++) await app.request(small(n));
    expect((await app.request(small(0))).headers.get('x-cache')).toBeNull();
    expect((await app.request(small(0))).headers.get('x-cache')).toBe('hit');
  });

  it('keeps a streamed download once the client has read it all, unless it passes a quarter of the limit', async () => {
    const app = createApp(workspace.store, { logError: () => {}, pageCache: { maxBytes: 40_000 } });
    const small = '/api/v1/accidents/rates.csv?from=2023&to=2023&mainGroup=handel';
    const first = await (await app.request(small)).text();
    expect(first.length).toBeLessThan(10_000);
    const again = await app.request(small);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(again.headers.get('content-disposition')).toContain('attachment');
    expect(await again.text()).toBe(first);
    const large = '/api/v1/accidents/rates.jsonl?groupBy=year,branch';
    expect((await (await app.request(large)).arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    expect((await app.request(large)).headers.get('x-cache')).toBeNull();
  });

  it('never caches what only a data steward may see', async () => {
    const app = createApp(workspace.store, { logError: () => {} });
    const path = '/api/v1/accidents/rates?groupBy=year&unsuppressed=true';
    const headers = await bearerFor(workspace.store, 'steward');
    const session = await sessionOf(workspace.store, await makeUser(workspace.store, 'steward'));
    await app.request('/ulykker', { headers: { cookie: session.cookie } });
    expect(
      (await app.request('/ulykker', { headers: { cookie: session.cookie } })).headers.get('x-cache'),
    ).toBeNull();
    await app.request(path, { headers });
    expect((await app.request(path, { headers })).headers.get('x-cache')).toBeNull();
    // Without the token the same address is refused, not served from a steward's cached answer.
    expect((await app.request(path)).status).toBe(401);
  });
});

describeEachDialect('page cache and target revisions', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('shows a revised target at once', async () => {
    const app = createApp(store, { logError: () => {} });
    await app.request('/maaltal/1');
    expect((await app.request('/maaltal/1')).headers.get('x-cache')).toBe('hit');
    await inTransaction(store.db, (tx) =>
      reviseTarget(tx, 1, reviseTargetSchema.parse({ targetValue: 1.5, reason: 'Evaluering' }), actor),
    );
    const page = await app.request('/maaltal/1');
    expect(page.headers.get('x-cache')).toBeNull();
    expect(await page.text()).toContain('1,5\u00a0%');
  });
});
