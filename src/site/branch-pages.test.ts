// Branch pages over HTTP (in process) on both databases: look-up by industry code and by name, the branch page
// with its BFA, targets and accident figures from the accident records, and 404 for an unknown group.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { formatNumber } from '../format.js';
import { createApp } from '../web/app.js';

describeEachDialect('branch pages', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
    app = createApp(store, { logError: () => {} });
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('lands an industry code on its branch group, saying the link is inferred', async () => {
    const response = await app.request('/branche?q=41.20.00');
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(
      /^\/branche\/opfoerelse-og-nedrivning-af-byggeri\?kode=41.20.00&klassifikation=DB07$/,
    );
    const html = await (await app.request(location)).text();
    expect(html).toContain('Branchekode 41.20.00 (DB07) hører til:');
    expect(html).toContain('Koblingen fra branchekode til branchegruppe er udledt');
  });

  it('finds branch groups by name: one match lands on it, several are listed, none is said', async () => {
    const one = await app.request('/branche?q=slagterier');
    expect(one.status).toBe(303);
    expect(one.headers.get('location')).toBe('/branche/slagterier');
    const several = await (await app.request('/branche?q=transport')).text();
    expect(several).toContain('Branchegrupper der passer til &quot;transport&quot;');
    expect(several).toContain('href="/branche/transport-af-gods"');
    expect(several).toContain('href="/branche/transport-af-passagerer"');
    const none = await (await app.request('/branche?q=rumfart')).text();
    expect(none).toContain('Ingen branchegruppe passer til &quot;rumfart&quot;.');
    const code = await (await app.request('/branche?q=9999')).text();
    expect(code).toContain('Ingen branchegruppe passer til &quot;9999&quot;.');
  });

  it('shows a branch group with its BFA, its targets and its accident figures', async () => {
    const html = await (await app.request('/branche/metal-og-maskiner')).text();
    expect(html).toContain('<h1>Metal og maskiner</h1>');
    expect(html).toContain('BFA Industri');
    const { data } = (await (await app.request('/api/v1/targets?branch=metal-og-maskiner')).json()) as {
      data: { id: number }[];
    };
    for (const target of data) expect(html).toContain(`href="/maaltal/${target.id}"`);
    const rates = (await (
      await app.request('/api/v1/accidents/rates?branch=metal-og-maskiner&groupBy=year&from=2025&to=2025')
    ).json()) as { rows: { value: number; count: number }[] };
    expect(html).toContain(`<td class="num">${formatNumber(rates.rows[0]?.value, 'da', 1)}</td>`);
    expect(html).toMatch(/\d+ dødsulykker i 2012–2025 \(efter ulykkesår\)\./);
    expect((await app.request('/branche/nope')).status).toBe(404);
    expect(await (await app.request('/en/branche/metal-og-maskiner')).text()).toContain(
      'Work accidents in the branch',
    );
  });
});
