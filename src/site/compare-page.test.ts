// The comparison of branch groups over HTTP (in process) on both databases: the page in Danish and English, the
// figures against the accident statistics API, the comparisons against the stats core, the disclosure gate (a
// hidden group shows no figure and takes part in no comparison), and the problems with a choice, naming the field.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { formatNumber } from '../format.js';
import { compareWithBenchmark, holmAdjust, poissonRatesPValue } from '../stats/rate-comparison.js';
import { createApp } from '../web/app.js';

interface Row {
  branch: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lowercl: number | null;
  uppercl: number | null;
  suppressed: boolean;
}

describeEachDialect('comparison of branch groups', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const year = 2024;
  /** Branch groups with published figures in the year, and ones that are hidden. */
  let shown: Row[] = [];
  let hidden: Row[] = [];
  let national: Row;

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
    app = createApp(store, { logError: () => {} });
    const ask = async (query: string) =>
      (
        (await (await app.request(`/api/v1/accidents/rates?from=${year}&to=${year}${query}`)).json()) as {
          rows: Row[];
        }
      ).rows;
    const rows = (await ask('&groupBy=branch')).filter((row) => !row.branch.startsWith('uden-branchegruppe'));
    shown = rows.filter((row) => !row.suppressed && row.count !== null && row.count > 20);
    hidden = rows.filter((row) => row.suppressed);
    national = (await ask('')).at(0) as Row;
  }, 120_000);
  afterAll(async () => {
    await store?.destroy();
  });

  const json = async (query: string) => {
    const response = await app.request(`/api/v1/compare?${query}`);
    // biome-ignore lint/suspicious/noExplicitAny: the answer is checked field by field
    return { status: response.status, body: (await response.json()) as any };
  };
  const branches = (rows: Row[]) => rows.map((row) => `branch=${row.branch}`).join('&');

  it('shows the form in Danish and English without a comparison until one is asked for', async () => {
    const da = await (await app.request('/sammenlign')).text();
    expect(da).toContain('<h1>Sammenlign branchegrupper</h1>');
    expect(da).toContain('action="/sammenlign"');
    expect(da).toContain('name="branch" value="butikker"');
    expect(da).not.toContain('role="alert"');
    expect(da).not.toContain('<svg');
    const en = await (await app.request('/en/sammenlign')).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>Compare branch groups</h1>');
    expect(en).toContain('action="/en/sammenlign"');
    const choices = await json('');
    expect(choices.status).toBe(200);
    expect(choices.body.data).toBeNull();
    expect(choices.body.choices.branches.map((b: { code: string }) => b.code)).toContain('butikker');
  });

  it('compares three groups: the accident figures, each against the whole country, every pair tested', async () => {
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const three = shown.slice(0, 3);
    const { status, body } = await json(`indicator=reported&year=${year}&${branches(three)}`);
    expect(status).toBe(200);
    expect(body.data.national.value).toBeCloseTo(national.value as number, 10);
    for (const [i, row] of three.entries()) {
      const group = body.data.groups[i];
      expect(group.code).toBe(row.branch);
      expect(group.count).toBe(row.count);
      expect(group.value).toBeCloseTo(row.value as number, 10);
      expect(group.comparedWithNational).toBe(compareWithBenchmark(row, national.value));
    }
    // Every pair once, tested on the counts and employment, Holm-adjusted over the three.
    const expected = [
      [0, 1],
      [0, 2],
      [1, 2],
    ].map(([a, b]) => {
      const x = three[a as number] as Row;
      const y = three[b as number] as Row;
      return poissonRatesPValue({ x1: x.count, n1: x.denominator, x2: y.count, n2: y.denominator });
    });
    const adjusted = holmAdjust(expected);
    expect(body.data.pairs).toHaveLength(3);
    for (const [i, pair] of body.data.pairs.entries()) {
      expect(pair.pValue).toBeCloseTo(expected[i] as number, 10);
      expect(pair.pAdjusted).toBeCloseTo(adjusted[i] as number, 10);
      expect(pair.significant).toBe((adjusted[i] as number) < 0.05);
    }
    expect(body.meta.multipleComparisons.method).toBe('holm');

    const html = await (
      await app.request(`/sammenlign?indicator=reported&year=${year}&${branches(three)}`)
    ).text();
    expect(html).toContain(`name="branch" value="${three[0]?.branch}" checked`);
    expect(html.match(/<div class="maaltal-chart-wide"><svg[^>]*role="img"/g)).toHaveLength(1);
    expect(html.match(/<div class="maaltal-chart-narrow"><svg[^>]*font-size:12px/g)).toHaveLength(1);
    expect(html).toContain(`Hele landet ${formatNumber(national.value, 'da', 1)}`);
    expect(html).toContain('Holm-korrigerede');
    const words = {
      higher: 'højere end hele landet',
      lower: 'lavere end hele landet',
      similar: 'Ikke signifikant',
    };
    for (const group of body.data.groups)
      expect(html).toContain(words[group.comparedWithNational as 'higher']);
    expect(html).toContain(`href="/api/v1/compare.csv?indicator=reported&amp;year=${year}&amp;branch=`);

    const en = await (
      await app.request(`/en/sammenlign?indicator=reported&year=${year}&${branches(three)}`)
    ).text();
    expect(en).toContain('Pairwise comparisons');
    expect(en).toContain(`Whole country ${formatNumber(national.value, 'en', 1)}`);
  });

  it('downloads the comparison chart as SVG and PNG, and says what is missing without a comparison', async () => {
    const query = `indicator=reported&year=${year}&${branches(shown.slice(0, 3))}`;
    const page = await (await app.request(`/sammenlign?${query}`)).text();
    expect(page).toContain(`href="/sammenlign?${query.replaceAll('&', '&amp;')}&amp;format=svg" download`);
    const svg = await app.request(`/en/sammenlign?${query}&format=svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-disposition')).toBe(`attachment; filename="sammenligning-${year}.svg"`);
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*Whole country /);
    const png = await app.request(`/sammenlign?${query}&format=png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    const nothing = await app.request('/en/sammenlign?format=png');
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toBe('Choose 2–6 branch groups to download the chart.');
  });

  it('shows a hidden group as hidden, with no figure and in no comparison', async () => {
    expect(hidden.length).toBeGreaterThan(0);
    const secret = hidden[0] as Row;
    const chosen = [shown[0] as Row, secret, shown[1] as Row];
    const { body } = await json(`year=${year}&${branches(chosen)}`);
    const group = body.data.groups[1];
    expect(group).toMatchObject({ code: secret.branch, suppressed: true, count: null, value: null });
    expect(group.lowercl).toBeNull();
    expect(group.comparedWithNational).toBeNull();
    const involving = body.data.pairs.filter(
      (pair: { first: string; second: string }) =>
        pair.first === secret.branch || pair.second === secret.branch,
    );
    expect(involving).toHaveLength(2);
    for (const pair of involving)
      expect(pair).toMatchObject({
        suppressed: true,
        rateRatio: null,
        lowercl: null,
        uppercl: null,
        pValue: null,
        pAdjusted: null,
        significant: null,
      });
    // The one pair of published groups is adjusted as the only test made.
    const open = body.data.pairs.find((pair: { suppressed: boolean }) => !pair.suppressed);
    expect(open.pAdjusted).toBeCloseTo(open.pValue, 12);
    expect(JSON.stringify(body)).not.toContain('reason');

    const html = await (await app.request(`/sammenlign?year=${year}&${branches(chosen)}`)).text();
    const secretRow = html
      .split(`<th scope="row">`)
      .find((part) => part.startsWith(body.data.groups[1].nameDa));
    expect(secretRow).toContain('Skjult');
    expect(html).toContain('1 gruppe er skjult af diskretionshensyn.');
    const csv = parse(
      await (await app.request(`/api/v1/compare.csv?year=${year}&${branches(chosen)}`)).text(),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    expect(csv).toHaveLength(1 + 3 + 3);
    for (const row of csv.filter((r) => r.suppressed === 'true')) {
      expect([row.count, row.value, row.lowercl, row.uppercl, row.pValue, row.pAdjustedHolm]).toEqual([
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    expect(csv.filter((r) => r.suppressed === 'true')).toHaveLength(3);
  });

  it('names the field of each problem, in Danish and English, on the page and in the API', async () => {
    const [a, b] = [shown[0] as Row, shown[1] as Row];
    const seven = shown.slice(0, 7);
    const cases: [string, string, string, string][] = [
      [
        branches([a]),
        'branch',
        'Branchegrupper: vælg mindst 2 branchegrupper (1 valgt)',
        'Branch groups: choose at least 2 branch groups (1 chosen)',
      ],
      [
        `year=${year}`,
        'branch',
        'Branchegrupper: vælg mindst 2 branchegrupper (0 valgt)',
        'choose at least 2',
      ],
      [
        branches(seven),
        'branch',
        'Branchegrupper: vælg højst 6 branchegrupper (7 valgt)',
        'choose at most 6 branch groups (7 chosen)',
      ],
      [
        `${branches([a])}&branch=nope`,
        'branch',
        'Branchegrupper: "nope" er ikke en kode for en branchegruppe',
        '"nope" is not a branch group code',
      ],
      [
        `indicator=xyz&${branches([a, b])}`,
        'indicator',
        'Indikator: "xyz" er ikke en af reported, serious, fatal',
        'Indicator: "xyz" is not one of',
      ],
      [
        `year=1990&${branches([a, b])}`,
        'year',
        'År: der er ingen tal for 1990',
        'Year: there are no figures for 1990',
      ],
      [
        `foo=1&${branches([a, b])}`,
        'foo',
        'Parameteren «foo»: er ikke en kendt parameter',
        'The parameter “foo”: is not a known parameter',
      ],
    ];
    expect(seven).toHaveLength(7);
    for (const [query, field, da, en] of cases) {
      const page = await (await app.request(`/sammenlign?${query}`)).text();
      expect(page, query).toContain('role="alert"');
      expect(page, query).toContain(da.replaceAll('"', '&quot;'));
      expect(page, query).not.toContain('<svg');
      const english = await (await app.request(`/en/sammenlign?${query}`)).text();
      expect(english, query).toContain(en.replaceAll('"', '&quot;'));
      const { status, body } = await json(query);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('invalid_input');
      expect(
        body.error.details.map((d: { field: string }) => d.field),
        query,
      ).toContain(field);
      expect((await app.request(`/api/v1/compare.csv?${query}`)).status, query).toBe(400);
    }
  });
});
