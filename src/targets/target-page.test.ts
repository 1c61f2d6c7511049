// The target page over HTTP (in process) on both databases: title, status in words, the "why" panel with the
// assessment's own numbers, the measurements, downloads, and errors for unknown or malformed ids.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import {
  formatDate,
  formatDecimal,
  formatNumber,
  formatPercent,
  formatValue,
  type Locale,
} from '../format.js';
import { loadReferenceData } from '../reference/reference.data.js';
import { createApp } from '../web/app.js';
import { SERIES_NOTES } from './series-notes.js';

const LOCALES = ['da', 'en'] as const;

interface Revision {
  target: { year: number; value: number };
  revisedAt: string;
  revisedBy: string;
  reason: string;
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();

/** The measurements table (by its caption). */
const measurementsTable = (html: string, locale: Locale) =>
  new RegExp(
    `<table[^>]*>\\s*<caption>${locale === 'da' ? 'Målinger' : 'Measurements'}</caption>[\\s\\S]*?</table>`,
  ).exec(html)?.[0] ?? '';
const headerCells = (table: string) =>
  [...(/<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '').matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
const rowOf = (table: string, year: number) =>
  textOf(new RegExp(`<tr><th scope="row">${year}</th>[\\s\\S]*?</tr>`).exec(table)?.[0] ?? '');
/** The "why this status?" part of the page. */
const whySection = (html: string) =>
  /<(section|details) class="maaltal-why"[^>]*>([\s\S]*?)<\/\1>/.exec(html)?.[2] ?? '';

describeEachDialect('target page', (dialect) => {
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

  // biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below
  const json = async (path: string): Promise<any> => (await app.request(path)).json();

  it('explains a survey target: status in words, chart, why this status, measurements', async () => {
    const { data: target } = await json('/api/v1/targets/1');
    const { data: assessment } = await json('/api/v1/targets/1/assessment');
    const html = await (await app.request('/maaltal/1')).text();
    expect(html).toContain('<h1>Anlægsarbejde – Arbejdsulykker</h1>');
    expect(html).toMatch(
      /<p id="status-in-words">Andelen (faldt|steg|var uændret) fra [\d,]+\u00a0% i 2021 til [\d,]+\u00a0% i 2025; målet er [\d,]+\u00a0% i 2030/,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-describedby="status-in-words"');
    // The chart marks the baseline and the target under the years, at both widths.
    expect(html.match(/<text[^>]*>Udgangspunkt 2021<\/text>/g)).toHaveLength(2);
    expect(html.match(/<text[^>]*>Mål 2030<\/text>/g)).toHaveLength(2);
    expect(html).toContain('<h2 id="hvorfor-title">Hvorfor denne status?</h2>');
    expect(html).toContain(`<dd>${formatDecimal(assessment.r, 'da', 2)}</dd>`);
    const reasons = /<h3>Begrundelse<\/h3><ul>([\s\S]*?)<\/ul>/.exec(whySection(html))?.[1] ?? '';
    expect(reasons.match(/<li>/g)).toHaveLength(assessment.explanation.reasons.length);
    const rows = html.match(/<tr><th scope="row">\d{4}<\/th>/g) ?? [];
    expect(rows).toHaveLength(target.observations.length);
    const table = measurementsTable(html, 'da');
    expect(rowOf(table, 2021)).toContain('NOA-L Databrud: ny serie');
    expect(rowOf(table, 2023)).not.toContain('Databrud');
    expect(html).toMatch(/href="\/api\/v1\/targets\/1\/observations.csv[^"]*"/);
  });

  it('draws the projection interval as a fan from the latest interval, as the words give it', async () => {
    const { data: assessment } = await json('/api/v1/targets/16/assessment');
    expect(assessment.projection.cagr.lowercl).not.toBeNull();
    const html = await (await app.request('/maaltal/16')).text();
    expect(html).toMatch(/<g[^>]*fill-opacity="0.15"[^>]*>\s*<path/);
    expect(html).toContain('(interval ');
  });

  it('shows the national accident target from the accident records, in English too', async () => {
    const { data: list } = await json('/api/v1/targets');
    const national = list.find((t: { scope: string }) => t.scope === 'national');
    const html = await (await app.request(`/en/maaltal/${national.id}`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Whole country – Work accidents</h1>');
    expect(html).toContain('Reported work accidents per 10,000 employed');
    expect(html.match(/<tr><th scope="row">\d{4}<\/th>/g)).toHaveLength(14);
  });

  it('downloads the chart as SVG and PNG with its title, status, notes and source', async () => {
    const { data: list } = await json('/api/v1/targets');
    const national = list.find((t: { scope: string }) => t.scope === 'national');
    const page = await (await app.request(`/maaltal/${national.id}`)).text();
    expect(page).toContain(`href="/maaltal/${national.id}?format=svg" download`);
    expect(page).toContain(`href="/maaltal/${national.id}?format=png" download`);
    const svg = await app.request(`/en/maaltal/${national.id}?format=svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-disposition')).toBe(`attachment; filename="maaltal-${national.id}.svg"`);
    const text = await svg.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain('Whole country – Work accidents: Reported work accidents per 10,000 employed');
    expect(text).toContain('COVID-19');
    expect(text).toContain('Source: ');
    expect(text).toContain(`http://localhost/en/maaltal/${national.id}`);
    const png = await app.request(`/maaltal/${national.id}?format=png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('serves the measurements as CSV', async () => {
    const { data: target } = await json('/api/v1/targets/1');
    const response = await app.request('/api/v1/targets/1/observations.csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [Number(r.year), Number(r.value)])).toEqual(
      target.observations.map((o: { year: number; value: number }) => [o.year, o.value]),
    );
  });

  it('serves the measurements as XLSX with a metadata sheet', async () => {
    const { data: target } = await json('/api/v1/targets/1');
    const response = await app.request('/api/v1/targets/1/observations.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Data', 'Metadata']);
    expect(workbook.getWorksheet('Data')?.rowCount).toBe(target.observations.length + 1);
    const about = workbook.getWorksheet('Metadata')?.getColumn(1).values ?? [];
    expect(about).toContain('Metodebrud');
    expect(about).toContain('Demodata');
  });

  const prefix = (locale: Locale) => (locale === 'en' ? '/en' : '');
  const pageOf = async (locale: Locale, id: number) =>
    (await app.request(`${prefix(locale)}/maaltal/${id}`)).text();
  const nationalId = async (): Promise<number> => {
    const { data: list } = await json('/api/v1/targets');
    return list.find((t: { scope: string }) => t.scope === 'national').id;
  };

  it.each(LOCALES)(
    'labels the measurements by what they count and names the source in words (%s)',
    async (locale) => {
      const id = await nationalId();
      const { data: national } = await json(`/api/v1/targets/${id}`);
      const html = await pageOf(locale, id);
      const table = measurementsTable(html, locale);
      const header = headerCells(table);
      expect(header).toContain(locale === 'da' ? 'Beskæftigede' : 'Employed');
      expect(header).toContain(locale === 'da' ? 'Anmeldte ulykker' : 'Reported accidents');
      expect(header).not.toContain(locale === 'da' ? 'Svarpersoner' : 'Respondents');
      const first = national.observations[0];
      expect(rowOf(table, first.year)).toContain(formatNumber(first.denominator, locale));
      expect(textOf(html)).toContain(
        locale === 'da'
          ? 'Arbejdstilsynets anmeldte arbejdsulykker'
          : 'Reported work accidents (Danish Working Environment Authority)',
      );
      expect(textOf(html)).not.toContain('accident-register');
      const survey = headerCells(measurementsTable(await pageOf(locale, 1), locale));
      expect(survey).toContain(locale === 'da' ? 'Svarpersoner' : 'Respondents');
      expect(survey).not.toContain(locale === 'da' ? 'Beskæftigede' : 'Employed');
    },
  );

  it.each(LOCALES)(
    'marks the COVID-19 years on accident targets: chart, note column, notes (%s)',
    async (locale) => {
      const html = await pageOf(locale, await nationalId());
      const svgs = html.match(/<svg[^>]*role="img"[\s\S]*?<\/svg>/g) ?? [];
      expect(svgs).toHaveLength(2);
      for (const svg of svgs) expect(svg).toMatch(/<text[^>]*>COVID-19<\/text>/);
      const table = measurementsTable(html, locale);
      expect(headerCells(table)).toContain(locale === 'da' ? 'Bemærkning' : 'Note');
      const covid = SERIES_NOTES.find((note) => note.id === 'covid-19-reports');
      const yearNote = covid?.yearNote?.[locale] ?? 'missing';
      for (const year of [2020, 2021, 2022]) expect(rowOf(table, year)).toContain(yearNote);
      for (const year of [2019, 2023]) expect(rowOf(table, year)).not.toContain(yearNote);
      const notes = /<ul class="maaltal-series-notes">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
      for (const note of SERIES_NOTES.filter((n) => n.indicatorKinds.includes('accident-register')))
        expect(notes).toContain(note.text[locale]);
      const survey = await pageOf(locale, 1);
      expect(survey).not.toContain('COVID-19</text>');
      expect(survey).not.toContain(yearNote);
    },
  );

  it.each(LOCALES)(
    'shows every revision: date, old → new target value, reason and who (%s)',
    async (locale) => {
      const { data: list } = await json('/api/v1/targets');
      let revised: { id: number; revisions: Revision[]; indicator: { unit: string } } | undefined;
      for (const item of list) {
        const { data } = await json(`/api/v1/targets/${item.id}`);
        if (data.revisions.length > 1) {
          revised = data;
          break;
        }
      }
      if (revised === undefined) throw new Error('the demo has no revised target');
      const [first, second] = revised.revisions as [Revision, Revision];
      const unit = revised.indicator.unit;
      const html = await pageOf(locale, revised.id);
      const table =
        /<table[^>]*>\s*<caption>(Ændringer af måltallet|Revisions of the target)<\/caption>[\s\S]*?<\/table>/.exec(
          html,
        )?.[0];
      expect(table).toBeDefined();
      const text = textOf(table ?? '');
      expect(text).toContain(
        `${formatValue(first.target.value, unit, locale)} → ${formatValue(second.target.value, unit, locale)}`,
      );
      expect(text).toContain(formatDate(second.revisedAt, locale));
      expect(text).toContain(second.reason);
      expect(text).toContain(second.revisedBy);
      // Only what changed: the demo revisions change the target value alone.
      for (const unchanged of locale === 'da'
        ? ['Indikator:', 'Udgangspunkt:', 'Ansvarligt']
        : ['Indicator:', 'Baseline:', 'Responsible'])
        expect(text).not.toContain(unchanged);
    },
  );

  it.each(LOCALES)('links the branch group page and the responsible BFA (%s)', async (locale) => {
    const { data: target } = await json('/api/v1/targets/1');
    const html = await pageOf(locale, 1);
    expect(html).toContain(`href="${prefix(locale)}/branche/${target.branchGroup.code}"`);
    const bfa = loadReferenceData().bfas.find((b) => b.code === target.owner.code);
    expect(bfa?.sourceUrl).toMatch(/^https?:\/\//);
    expect(html).toContain(`href="${bfa?.sourceUrl}"`);
    const national = await pageOf(locale, await nationalId());
    expect(national).not.toMatch(/href="(\/en)?\/branche\/[a-z]/);
  });

  it.each(LOCALES)(
    'draws the chart at two widths, with a legend that explains the bars (%s)',
    async (locale) => {
      const html = await pageOf(locale, 1);
      const figure = /<figure class="maaltal-chart"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
      const wide = /<div class="maaltal-chart-wide">\s*<svg[^>]*>/.exec(figure)?.[0] ?? '';
      const narrow = /<div class="maaltal-chart-narrow">\s*<svg[^>]*>/.exec(figure)?.[0] ?? '';
      expect(wide).toContain('width="760"');
      expect(narrow).toContain('width="340"');
      expect(narrow).toContain('font-size:12px');
      const legend = textOf(/<ul class="maaltal-legend">[\s\S]*?<\/ul>/.exec(figure)?.[0] ?? '');
      expect(legend).toContain(
        locale === 'da'
          ? 'Lodret bjælke: 95 %-konfidensintervallet'
          : 'Vertical bar: the 95% confidence interval',
      );
      for (const label of locale === 'da' ? ['Udgangspunkt', 'Mål'] : ['Baseline', 'Target'])
        expect(legend).toContain(label);
    },
  );

  it.each(LOCALES)('writes minus signs, units and the method in the page language (%s)', async (locale) => {
    const html = await pageOf(locale, await nationalId());
    const why = whySection(html);
    const text = textOf(why);
    expect(text).toContain('\u2212');
    expect(text).not.toMatch(/(^|[\s(>])-\d/);
    expect(text).toContain(locale === 'da' ? 'pr. 10.000 beskæftigede' : 'per 10,000 employed');
    expect(html).not.toContain('Statistics Canada / Open SDG compound annual growth rate ratio');
    if (locale === 'da') expect(text).toContain('Statistics Canadas og FN’s Open SDG-metode');
    // No raw method ids, and both projections named.
    expect(text).not.toMatch(/\((newcombe|rate_ratio_exact|ci_overlap|[a-z]+_[a-z_]+)\)/);
    expect(text).not.toContain('statcan_opensdg_cagr');
    expect(why).toContain(
      locale === 'da' ? 'Fremskrivning med samme årlige ændring' : 'Projection at the same yearly change',
    );
    expect(why).toContain(
      locale === 'da' ? 'Fremskrivning med log-lineær trend' : 'Projection by a log-linear trend',
    );
  });

  it.each(LOCALES)(
    'explains the status in plain words first, then the figures, each term linked to the glossary (%s)',
    async (locale) => {
      const id = await nationalId();
      const { data: assessment } = await json(`/api/v1/targets/${id}/assessment`);
      const html = await pageOf(locale, id);
      // A section that is always open, so it is read and printed whole.
      expect(html).not.toContain('<details');
      expect(html).toMatch(
        /<section class="maaltal-why" id="hvorfor"[^>]*>\s*<h2[^>]*>(Hvorfor denne status\?|Why this status\?)<\/h2>/,
      );
      const why = whySection(html);
      const plain = textOf(/<div class="maaltal-why-plain">([\s\S]*?)<\/div>/.exec(why)?.[1] ?? '');
      const e = assessment.explanation;
      const pct = (rate: number) => formatPercent(Math.abs(rate) * 100, locale, 1);
      expect(plain).toContain(`${e.baseline.year}`);
      expect(plain).toContain(`${e.latest.year}`);
      expect(plain).toContain(pct(e.observedCagr));
      expect(plain).toContain(pct(e.requiredCagr));
      if (assessment.uncertain)
        expect(plain).toContain(locale === 'da' ? 'derfor er status usikker' : 'so the status is uncertain');
      expect(why.indexOf('maaltal-why-plain')).toBeLessThan(why.indexOf('<dl'));
      const terms = [...why.matchAll(/<dt>([\s\S]*?)<\/dt>/g)].map((m) => m[1] ?? '');
      expect(terms.length).toBeGreaterThan(8);
      const method = await (await app.request(`${prefix(locale)}/metode`)).text();
      for (const term of terms) {
        const anchor = new RegExp(`^<a href="${prefix(locale)}/metode#(ordliste-[a-z0-9-]+)">`).exec(term);
        expect(anchor, term).not.toBeNull();
        expect(method).toContain(`id="${anchor?.[1]}"`);
      }
    },
  );

  it('answers an unknown target with 404 and a malformed id with 400', async () => {
    expect((await app.request('/maaltal/9999')).status).toBe(404);
    expect((await app.request('/maaltal/abc')).status).toBe(400);
  });
});
