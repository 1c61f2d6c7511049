// The accident explorer page over HTTP (in process) on both databases: the table shows what the public API
// answers, formatted in Danish or English, hidden cells as hidden, and download links carry the filters.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { formatNumber } from '../format.js';
import { createApp } from '../web/app.js';
import type { RateRow } from './rates.js';

describeEachDialect('accident explorer page', (dialect) => {
  const workspace = useAccidentFixture(dialect);
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp(workspace.store, { logError: () => {} });
  });

  /** The table body's rows (the reference row in the table's foot is not one of the answer's rows). */
  const cells = (html: string) =>
    [
      ...(/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').matchAll(
        /<tr><th scope="row">([^<]*)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g,
      ),
    ].map((m) => [m[1], ...[...(m[2] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1])]);

  it('shows the public figures by branch group in Danish, hidden ones as hidden', async () => {
    const query = 'mainGroup=transport&groupBy=branch&sex=K&from=2023&to=2024';
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
    expect(html).toContain(
      `href="/api/v1/accidents/rates.csv?${query.replaceAll('&', '&amp;')}&amp;lang=da"`,
    );
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
  const heading = (html: string) => /<h2 id="results-title">([^<]*)<\/h2>/.exec(html)?.[1] ?? '';
  const headers = (html: string) =>
    [...(/<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '').matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map(
      (m) => m[1],
    );
  const caption = (html: string) =>
    /<figcaption id="chart-description">([\s\S]*?)<\/figcaption>/.exec(html)?.[1] ?? '';
  const rates = async (query: string) =>
    ((await (await app.request(`/api/v1/accidents/rates?${query}`)).json()) as { rows: RateRow[] }).rows;

  it('names employment summed over several years as person-years, in both languages', async () => {
    const danish = await (await app.request('/ulykker?groupBy=sex&from=2023&to=2024')).text();
    expect(headers(danish)).toContain('Personår i beskæftigelse, summeret over 2023–2024');
    expect(headers(danish)).not.toContain('Beskæftigede');
    expect(danish).toContain('Beskæftigede er lagt sammen over de 2 år 2023–2024 (personår)');
    const english = await (await app.request('/en/ulykker?groupBy=sex&from=2023&to=2024')).text();
    expect(headers(english)).toContain('Person-years in employment, summed over 2023–2024');
    // One year is a number of people.
    const oneYear = await (await app.request('/ulykker?groupBy=sex&from=2024&to=2024')).text();
    expect(headers(oneYear)).toContain('Beskæftigede');
    expect(headers(oneYear).join(' ')).not.toContain('Personår');
  });

  it('ranks the latest year when no period is chosen, and says why', async () => {
    const latest = await rates('groupBy=mainGroup&from=2024&to=2024');
    for (const [path, note] of [
      ['/ulykker', 'Uden valgt periode sammenligner figuren det seneste år, 2024.'],
      ['/en/ulykker', 'With no period chosen, the chart compares the latest year, 2024.'],
    ] as const) {
      const html = await (await app.request(`${path}?groupBy=mainGroup`)).text();
      expect(heading(html)).toContain(', 2024,');
      expect(caption(html)).toContain(note);
      const locale = path === '/ulykker' ? 'da' : 'en';
      const handel = latest.find((row) => row.mainGroup === 'handel') as RateRow;
      const shown = cells(html).find((row) => row[0] === (locale === 'da' ? 'Handel' : 'Trade'));
      expect(shown?.[3]).toBe(formatNumber(handel.value, locale, 1));
      // The downloads carry the period the chart shows.
      expect(html).toContain('rates.csv?groupBy=mainGroup&amp;from=2024&amp;to=2024');
    }
    // A period chosen is the period shown.
    const chosen = await (await app.request('/ulykker?groupBy=mainGroup&from=2023&to=2024')).text();
    expect(heading(chosen)).toContain('2023–2024');
    expect(caption(chosen)).not.toContain('Uden valgt periode');
  });

  it('puts the period and the selection in words into the heading and the chart’s name', async () => {
    const query = 'groupBy=branch&mainGroup=transport&sex=K&ageBand=25-34&from=2023&to=2024';
    const danish = await (await app.request(`/ulykker?${query}`)).text();
    const title = heading(danish);
    expect(title).toBe(
      'Anmeldte arbejdsulykker pr. 10.000 beskæftigede, opgjort efter registreringsår, 2023–2024, fordelt på branchegruppe: hovedgruppe Transport, 25-34 år, kvinder',
    );
    expect(danish).toContain(`aria-label="${title}"`);
    expect(danish).toContain(`<title>${title}`);
    const english = heading(await (await app.request(`/en/ulykker?${query}`)).text());
    expect(english).toBe(
      'Reported work accidents per 10,000 employed, counted by registration year, 2023–2024, by branch group: main group Transport, 25-34 years, women',
    );
  });

  it('sorts the bars and the table by value, largest first, with rows without a value last', async () => {
    const api = await rates('groupBy=mainGroup&from=2023&to=2024');
    const valued = api.filter((row) => row.value !== null);
    // The API's own order is not by value, so the page's order is its own doing.
    expect(valued.map((row) => row.mainGroup)).toEqual(['handel', 'transport']);
    const html = await (await app.request('/ulykker?groupBy=mainGroup&from=2023&to=2024')).text();
    const order = cells(html).map((row) => row[0]);
    expect(order.slice(0, 2)).toEqual(['Transport', 'Handel']);
    expect(order).toHaveLength(api.length);
    // The wide chart draws its bars in the same order, top to bottom.
    const wide = /<div class="maaltal-chart-wide">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    const labels = [...wide.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels.indexOf('Transport')).toBeGreaterThanOrEqual(0);
    expect(labels.indexOf('Transport')).toBeLessThan(labels.indexOf('Handel'));
  });

  it('draws a panel per branch group for groupBy=year,branch, with the branch group in the table', async () => {
    for (const [path, columns, names] of [
      ['/ulykker', ['År', 'Branchegruppe'], ['Transport af gods', 'Transport af passagerer']],
      ['/en/ulykker', ['Year', 'Branch group'], ['Freight transport', 'Passenger transport']],
    ] as const) {
      const html = await (await app.request(`${path}?groupBy=year,branch&mainGroup=transport`)).text();
      expect(headers(html).slice(0, 2)).toEqual(columns);
      const table = cells(html);
      expect(table.map((row) => [row[0], row[1]])).toEqual([
        ['2023', names[0]],
        ['2023', names[1]],
        ['2024', names[0]],
        ['2024', names[1]],
      ]);
      const wide = /<div class="maaltal-chart-wide">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
      // Each panel's name, in bold, in a group of its own (Plot draws a group per facet).
      const panelNames = [...wide.matchAll(/<g[^>]*font-weight="bold"[^>]*>([\s\S]*?)<\/g>/g)]
        .map((m) => m[1])
        .join('');
      for (const name of names) expect(panelNames).toMatch(new RegExp(`<text[^>]*>${name}</text>`));
      // One line per panel, not one zig-zag line through every row.
      expect(wide.match(/<path[^>]*stroke="#1a5a8a"/g)?.length ?? 0).toBeLessThanOrEqual(2);
      expect(html).toMatch(/<option value="year,branch" selected="">/);
    }
  });

  it('says the one value of a one-year series, not a change from it to itself', async () => {
    const [row] = await rates('groupBy=year&from=2024&to=2024&mainGroup=transport');
    expect(row?.value).not.toBeNull();
    const danish = caption(
      await (await app.request('/ulykker?from=2024&to=2024&mainGroup=transport')).text(),
    );
    expect(danish).toContain(`I 2024: ${formatNumber(row?.value, 'da', 1)}.`);
    expect(danish).not.toMatch(/Fra .* til /);
    const english = caption(
      await (await app.request('/en/ulykker?from=2024&to=2024&mainGroup=transport')).text(),
    );
    expect(english).toContain(`In 2024: ${formatNumber(row?.value, 'en', 1)}.`);
    expect(english).not.toMatch(/From .* to /);
  });

  it('lists every problem with the choices at once, each linked to its field', async () => {
    const query = 'from=2031&sex=X&branch=nope&severity=fatal&fatal=false';
    const danish = await (await app.request(`/ulykker?${query}`)).text();
    const summary = /<div class="alert alert-error"[\s\S]*?<\/ul>/.exec(danish)?.[0] ?? '';
    expect(summary).toContain('Ret disse 4 valg:');
    expect(summary).toContain('<a href="#filter-from">Fra år: ulykkestallene slutter i 2024');
    expect(summary).toContain('<a href="#filter-sex">Køn: &quot;X&quot; er ikke en af K, M');
    expect(summary).toContain('<a href="#filter-branch">Branchegruppe: &quot;nope&quot; er ikke en kode');
    expect(summary).toContain('<a href="#filter-severity">Alvorlighed:');
    const english = await (await app.request(`/en/ulykker?${query}`)).text();
    expect(english).toContain('Correct these 4 choices:');
    expect(english).toContain('From year: the accident records end in');
    expect(english).toContain('Sex: &quot;X&quot; is not one of K, M');
    expect(english).toContain('Branch group: &quot;nope&quot; is not a branch group code');
  });

  it('draws each chart twice, wide and narrow, with text of at least 12 px on the narrow one', async () => {
    const html = await (await app.request('/ulykker?groupBy=mainGroup&from=2023&to=2024')).text();
    const narrow = /<div class="maaltal-chart-narrow">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(narrow).toMatch(/<svg[^>]*width="340"/);
    expect(narrow).toContain('font-size:12px');
    expect(html).toMatch(/<div class="maaltal-chart-wide"><svg[^>]*width="760"/);
  });

  it('downloads the chart as SVG and PNG with its title, under a fixed file name', async () => {
    const query = 'groupBy=mainGroup&from=2023&to=2024';
    const page = await (await app.request(`/ulykker?${query}`)).text();
    expect(page).toContain(`href="/ulykker?${query.replaceAll('&', '&amp;')}&amp;format=svg"`);
    expect(page).toContain(`href="/ulykker?${query.replaceAll('&', '&amp;')}&amp;format=png"`);
    const svg = await app.request(`/ulykker?${query}&format=svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-disposition')).toBe(
      'attachment; filename="arbejdsulykker-2023-2024.svg"',
    );
    const text = await svg.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('Anmeldte arbejdsulykker pr. 10.000 beskæftigede');
    expect(text).toContain('Kilde:');
    expect(text).not.toContain('<script');
    const png = await app.request(`/en/ulykker?${query}&format=png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toBe(
      'attachment; filename="work-accidents-2023-2024.png"',
    );
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(bytes.length).toBeGreaterThan(5_000);
    // A query with problems has no chart to download.
    const bad = await app.request('/ulykker?from=2031&format=svg');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Fra år: ulykkestallene slutter i 2024');
  });
});

describeEachDialect('accident explorer page on the demo data', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.01 });
    app = createApp(store, { logError: () => {} });
  });
  afterAll(async () => {
    await store?.destroy();
  });
  const caption = (html: string) =>
    /<figcaption id="chart-description">([\s\S]*?)<\/figcaption>/.exec(html)?.[1] ?? '';
  const wideChart = (html: string) =>
    /<div class="maaltal-chart-wide">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';

  it('marks the COVID-19 years on the chart, under it and in the table', async () => {
    for (const [path, label, note, yearNote] of [
      ['/ulykker', 'COVID-19', '2020–2022 omfatter COVID-19-smitter', 'Omfatter anmeldte COVID-19-smitter'],
      [
        '/en/ulykker',
        'COVID-19',
        '2020–2022 include COVID-19 infections',
        'Includes reported COVID-19 infections',
      ],
    ] as const) {
      const html = await (await app.request(path)).text();
      const chart = wideChart(html);
      expect(chart).toMatch(/<g[^>]*fill="#efe7d6"[^>]*><rect/);
      expect(chart).toMatch(new RegExp(`<text[^>]*>${label}</text>`));
      expect(caption(html)).toContain(note);
      const row2021 = /<tr><th scope="row">2021<\/th>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
      expect(row2021).toContain(yearNote);
      const row2019 = /<tr><th scope="row">2019<\/th>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
      expect(row2019).not.toContain(yearNote);
    }
    // A period without those years has neither band nor note.
    const later = await (await app.request('/ulykker?from=2023')).text();
    expect(wideChart(later)).not.toContain('COVID-19');
    expect(caption(later)).not.toContain('COVID-19');
  });

  it("names the demo data source in the page's language", async () => {
    const sources = (html: string) => /<p>(?:Kilder|Sources):([^<]*)<\/p>/.exec(html)?.[1] ?? '';
    const en = sources(await (await app.request('/en/ulykker')).text());
    expect(en).toContain('Demo data – not official figures');
    expect(en).not.toContain('Demodata');
    expect(sources(await (await app.request('/ulykker')).text())).toContain('Demodata – ikke officielle tal');
  });

  it('draws the national value as a labelled reference on bar charts and branch lines', async () => {
    const national = (
      (await (await app.request('/api/v1/accidents/rates?from=2025&to=2025')).json()) as { rows: RateRow[] }
    ).rows[0] as RateRow;
    const value = formatNumber(national.value, 'da', 1);
    const bars = await (await app.request('/ulykker?groupBy=branch')).text();
    expect(wideChart(bars)).toMatch(/<text[^>]*>Hele landet<\/text>/);
    expect(caption(bars)).toContain(`Hele landet: ${value} (stiplet linje).`);
    expect(bars).toMatch(
      new RegExp(`<tfoot><tr><th scope="row">Hele landet</th>.*<td class="num">${value}</td>`),
    );
    const english = await (await app.request('/en/ulykker?groupBy=branch')).text();
    expect(wideChart(english)).toMatch(/<text[^>]*>All of Denmark<\/text>/);
    // A branch group's yearly line has the country's beside it, as a column of the table too.
    const line = await (await app.request('/ulykker?branch=slagterier')).text();
    expect(wideChart(line)).toMatch(/<text[^>]*>Hele landet<\/text>/);
    expect(line).toContain('Hele landet, pr. 10.000');
  });
});
