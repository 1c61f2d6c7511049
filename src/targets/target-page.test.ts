// The target page over HTTP (in process) on both databases: title, status in words, the "why" panel with the
// assessment's own numbers, the measurements, downloads, and errors for unknown or malformed ids.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { formatDecimal } from '../format.js';
import { createApp } from '../web/app.js';

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
    // The chart marks the baseline and the target.
    expect(html).toMatch(/<text[^>]*>Udgangspunkt<\/text>/);
    expect(html).toMatch(/<text[^>]*>Mål<\/text>/);
    expect(html).toContain('<summary>Hvorfor denne status?</summary>');
    expect(html).toContain(`<dd>${formatDecimal(assessment.r, 'da', 3)}</dd>`);
    for (const reason of assessment.explanation.reasons) expect(html).toContain(reason.da);
    const rows = html.match(/<tr><th scope="row">\d{4}<\/th>/g) ?? [];
    expect(rows).toHaveLength(target.observations.length);
    expect(html).toContain('NOA-L (Databrud)');
    expect(html).toContain('href="/api/v1/targets/1/observations.csv"');
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

  it('answers an unknown target with 404 and a malformed id with 400', async () => {
    expect((await app.request('/maaltal/9999')).status).toBe(404);
    expect((await app.request('/maaltal/abc')).status).toBe(400);
  });
});
