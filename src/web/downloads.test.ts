// The accident downloads the pages link, on both databases: a Danish page's CSV is the form Danish Excel opens
// (BOM, `;`, decimal commas, Danish column names and labels, numbers as the explorer shows them, hidden cells said
// hidden), an English page's the international form; the JSON keeps every digit, and the API without `lang`
// keeps its machine form.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { describeEachDialect } from '../../test/databases.js';
import type { RateRow } from '../accidents/rates.js';
import { formatNumber } from '../format.js';
import { createApp } from './app.js';

/** Cells as Danish Excel takes them: a BOM says UTF-8, `;` splits, digits with a decimal comma are numbers. */
function asDanishExcel(text: string): Record<string, string | number>[] {
  expect(text.charCodeAt(0), 'a byte-order mark').toBe(0xfeff);
  const [header, ...rows] = parse(text.slice(1), { delimiter: ';' }) as string[][];
  const number = (cell: string) => (/^-?\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell);
  return rows.map((row) => Object.fromEntries(row.map((cell, i) => [header?.[i] ?? '', number(cell)])));
}

/** A download's text with its byte-order mark kept (Response.text() drops it, as a browser would). */
async function bodyOf(response: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** The explorer's figure in the text of its page (thousands separators, typographic minus) as a number. */
const pageNumber = (shown: string) =>
  Number(shown.replaceAll('.', '').replace(',', '.').replace('\u2212', '-'));

describeEachDialect('downloads in the reader’s language', (dialect) => {
  const workspace = useAccidentFixture(dialect);
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp(workspace.store, { logError: () => {} });
  });
  const query = 'groupBy=year,branch&chemical=false';
  const api = async () =>
    (await (await app.request(`/api/v1/accidents/rates?${query}`)).json()) as { rows: RateRow[] };

  it('links the page’s own form from the Danish and English explorer', async () => {
    const linked = query.replaceAll('&', '&amp;').replace(',', '%2C');
    const da = await (await app.request(`/ulykker?${query}`)).text();
    expect(da).toContain(`href="/api/v1/accidents/rates.csv?${linked}&amp;lang=da"`);
    expect(da).toContain(`href="/api/v1/accidents/rates.xlsx?${linked}&amp;lang=da"`);
    const en = await (await app.request(`/en/ulykker?${query}`)).text();
    expect(en).toContain(`href="/api/v1/accidents/rates.csv?${linked}&amp;lang=en"`);
  });

  it('serves the Danish page a CSV that Danish Excel opens as columns, with the page’s numbers', async () => {
    const { rows } = await api();
    const response = await app.request(`/api/v1/accidents/rates.csv?${query}&lang=da`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv; charset=utf-8');
    const records = asDanishExcel(await bodyOf(response));
    expect(Object.keys(records[0] ?? {})).toEqual([
      'År',
      'Branchegruppe',
      'Branchegruppe (kode)',
      'Hovedgruppe',
      'Hovedgruppe (kode)',
      'Antal',
      'Beskæftigede',
      'Pr. 10.000 beskæftigede',
      'Nedre grænse (95 %)',
      'Øvre grænse (95 %)',
      'Skjult',
      'Bemærkning',
      'Enhed',
      'Opgørelse',
      'Kilde',
      'Noter',
    ]);
    expect(records).toHaveLength(rows.length);
    expect(records.map((r) => r.Branchegruppe)).toContain('Transport af passagerer');
    expect(records[0]?.Opgørelse).toBe('Opgjort efter registreringsår');
    const page = await (await app.request(`/ulykker?${query}`)).text();
    rows.forEach((row, i) => {
      const record = records[i] as Record<string, string | number>;
      expect(record.År).toBe(row.year);
      expect(record['Branchegruppe (kode)']).toBe(row.branch);
      expect(record.Beskæftigede).toBe(row.denominator ?? '');
      if (row.suppressed) {
        expect(record.Antal).toBe('');
        expect(record['Pr. 10.000 beskæftigede']).toBe('');
        expect(record.Skjult).toBe('Ja');
        expect(record.Bemærkning).toBe('Skjult af diskretionshensyn');
        return;
      }
      expect(record.Skjult).toBe('Nej');
      expect(record.Antal).toBe(row.count);
      if (row.denominator === null) {
        expect(record.Bemærkning).toBe('Ingen beskæftigelsestal');
        return;
      }
      // Rounded as the explorer shows the rate: the very number its table cell holds.
      const shown = formatNumber(row.value, 'da', 1);
      expect(page).toContain(`<td class="num">${shown}</td>`);
      expect(record['Pr. 10.000 beskæftigede']).toBe(pageNumber(shown));
      expect(record['Nedre grænse (95 %)']).toBe(pageNumber(formatNumber(row.lowercl, 'da', 1)));
    });
    expect(rows.some((row) => row.suppressed)).toBe(true);
    expect(rows.some((row) => !row.suppressed)).toBe(true);
  });

  it('keeps every digit in the JSON while the CSV rounds as the page', async () => {
    const { rows } = await api();
    const published = rows.filter((row) => !row.suppressed && row.value !== null);
    const records = asDanishExcel(
      await bodyOf(await app.request(`/api/v1/accidents/rates.csv?${query}&lang=da`)),
    );
    for (const row of published) {
      const value = row.value as number;
      expect(String(value).split('.')[1]?.length ?? 0).toBeGreaterThan(1);
      const record = records[rows.indexOf(row)] as Record<string, number>;
      expect(record['Pr. 10.000 beskæftigede']).toBe(Math.round(value * 10) / 10);
    }
  });

  it('serves the English page the international form: commas, decimal points, English names', async () => {
    const { rows } = await api();
    const text = await bodyOf(await app.request(`/api/v1/accidents/rates.csv?${query}&lang=en`));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0] ?? {}).slice(0, 8)).toEqual([
      'Year',
      'Branch group',
      'Branch group (code)',
      'Main group',
      'Main group (code)',
      'Number',
      'Employed',
      'Per 10,000 employed',
    ]);
    rows.forEach((row, i) => {
      const record = records[i] as Record<string, string>;
      expect(record['Per 10,000 employed']).toBe(row.value === null ? '' : row.value.toFixed(1));
      const note = row.denominator === null ? 'No employment figures' : '';
      expect(record.Note).toBe(row.suppressed ? 'Hidden to protect confidentiality' : note);
    });
  });

  it('keeps the machine form without `lang`, and refuses a language it does not have', async () => {
    const text = await bodyOf(await app.request(`/api/v1/accidents/rates.csv?${query}`));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\n')[0]).toBe(
      'year,branch,mainGroup,count,denominator,value,lowercl,uppercl,suppressed,exempt,unit,convention,source,notes',
    );
    const refused = await app.request(`/api/v1/accidents/rates.csv?${query}&lang=de`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('"field":"lang"');
  });

  it('writes the Danish workbook with Danish names, every digit kept and shown as the page rounds it', async () => {
    const { rows } = await api();
    const response = await app.request(`/api/v1/accidents/rates.xlsx?${query}&lang=da`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Data');
    if (sheet === undefined) throw new Error('no Data sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual([
      'År',
      'Branchegruppe',
      'Branchegruppe (kode)',
      'Hovedgruppe',
      'Hovedgruppe (kode)',
      'Antal',
      'Beskæftigede',
      'Pr. 10.000 beskæftigede',
    ]);
    const rate = header.indexOf('Pr. 10.000 beskæftigede') + 1;
    expect(sheet.getColumn(rate).numFmt).toBe('0.0');
    rows.forEach((row, i) => {
      expect(sheet.getRow(i + 2).getCell(rate).value ?? null).toBe(row.value);
    });
  });
});
