// The accident explorer page over HTTP (in process) on both databases: the table shows what the public API
// answers, formatted in Danish or English, hidden cells as hidden, and download links carry the filters.
import { beforeAll, expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { describeEachDialect } from '../../test/databases.js';
import { formatNumber } from '../format.js';
import { createApp } from '../web/app.js';
import type { RateRow } from './rates.js';

describeEachDialect('accident explorer page', (dialect) => {
  const workspace = useAccidentFixture(dialect);
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp(workspace.store, { logError: () => {} });
  });

  const cells = (html: string) =>
    [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [
      m[1],
      ...[...(m[2] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]),
    ]);

  it('shows the public figures by branch group in Danish, hidden ones as hidden', async () => {
    const query = 'mainGroup=transport&groupBy=branch&sex=K';
    const html = await (await app.request(`/ulykker?${query}`)).text();
    const api = (await (await app.request(`/api/v1/accidents/rates?${query}`)).json()) as { rows: RateRow[] };
    const table = cells(html);
    expect(table.map((row) => row[0])).toEqual(['Transport af gods', 'Transport af passagerer']);
    api.rows.forEach((row, i) => {
      const shown = table[i] as string[];
      if (row.suppressed) {
        expect(shown[1]).toBe('–');
        expect(shown[5]).toBe('Skjult af diskretionshensyn');
      } else {
        expect(shown[1]).toBe(formatNumber(row.count, 'da'));
        expect(shown[3]).toBe(formatNumber(row.value, 'da', 1));
      }
    });
    expect(api.rows.some((row) => row.suppressed)).toBe(true);
    expect(html).toContain(`href="/api/v1/accidents/rates.csv?${query.replaceAll('&', '&amp;')}"`);
    expect(html).toContain('role="img"');
  });

  it('shows the English page with English number formats and the convention in the title', async () => {
    const html = await (await app.request('/en/ulykker?mainGroup=handel&convention=accident')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Reported work accidents per 10,000 employed, counted by accident year');
    expect(html).toContain('1 reports without an accident date are left out when counting by accident year.');
    expect(cells(html).map((row) => row[0])).toEqual(['2023', '2024']);
  });

  it('offers narrower views, each within the row budget, when a query is too large', async () => {
    const query = 'groupBy=year,branch,ageBand,sex,severity,chemical&convention=registration';
    const response = await app.request(`/ulykker?${query}`);
    const html = await response.text();
    expect(html).toContain('Svaret ville blive for stort');
    expect(html).toContain('gruppér efter færre dimensioner');
    expect(html).toMatch(/\d{1,3}(\.\d{3})+ rækker: afgræns perioden/);
    const links = [...html.matchAll(/<li><a href="(\/ulykker\?[^"]+)">([^<]+)<\/a> \(([\d.]+) rækker\)/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, href, , rows] of links) {
      const target = (href as string).replaceAll('&amp;', '&');
      expect(target).toContain('convention=registration');
      const api = await app.request(target.replace('/ulykker', '/api/v1/accidents/rates'));
      expect(api.status).toBe(200);
      expect(((await api.json()) as { rows: unknown[] }).rows.length).toBe(
        Number((rows as string).replaceAll('.', '')),
      );
      expect((await app.request(target)).status).toBe(200);
    }
    const english = await (await app.request(`/en/ulykker?${query}`)).text();
    expect(english).toContain('The answer would be too large');
    expect(english).toMatch(/<a href="\/en\/ulykker\?[^"]+">group by [^<]+<\/a> \([\d,]+ rows\)/);
  });
});
