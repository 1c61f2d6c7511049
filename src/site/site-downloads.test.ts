// The measurements a target page links and the "download everything" zips, on both databases: the Danish files
// as Danish Excel reads them (BOM, `;`, decimal commas, Danish names, æøå intact, numbers as the pages show them),
// the English ones in the international form, every digit in the JSON, a read-me with sources, batches, method
// and caveats, and the disclosure rules held: a measurement below the minimum of respondents and a hidden
// accident cell stay hidden in every file.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { type TempFiles, tempFiles } from '../../test/imports/files.js';
import { seedStore } from '../../test/seed.js';
import type { RateRow } from '../accidents/rates.js';
import { formatValue } from '../format.js';
import { runImport } from '../imports/imports.service.js';
import { DEFAULT_SURVEY_SETTINGS } from '../targets/survey-settings.js';
import { createApp } from '../web/app.js';

const HIDDEN_YEAR = 2026;
const MIN = DEFAULT_SURVEY_SETTINGS.publication.minRespondents;

/** Cells as Danish Excel takes them: a BOM says UTF-8, `;` splits, digits with a decimal comma are numbers. */
function asDanishExcel(text: string): Record<string, string | number>[] {
  expect(text.charCodeAt(0), 'a byte-order mark').toBe(0xfeff);
  const [header, ...rows] = parse(text.slice(1), { delimiter: ';' }) as string[][];
  const number = (cell: string) => (/^-?\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell);
  return rows.map((row) => Object.fromEntries(row.map((cell, i) => [header?.[i] ?? '', number(cell)])));
}

/** A value as a page shows it (formatValue), read back as Danish Excel would read it: a number. */
const shownDa = (value: number, unit: string) =>
  Number(
    formatValue(value, unit, 'da')
      .replace(/\u00a0%$/, '')
      .replaceAll('.', '')
      .replace(',', '.')
      .replace('\u2212', '-'),
  );

const decode = (bytes: Uint8Array | undefined) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes ?? new Uint8Array());

interface ApiTarget {
  id: number;
  indicator: { code: string; unit: string };
  branchGroup: { code: string } | null;
  goal: { code: string };
  baseline: { value: number };
  latest: { value: number } | null;
  observations?: { year: number; value: number; lowercl: number | null }[];
}

describeEachDialect('downloads of targets and everything', (dialect) => {
  let store: TestStore;
  let files: TempFiles;
  let app: ReturnType<typeof createApp>;
  let target: ApiTarget;

  const get = (path: string) => app.request(path);
  const json = async <T>(path: string): Promise<T> => ((await (await get(path)).json()) as { data: T }).data;
  const zip = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    return { names: Object.keys(entries), text: (name: string) => decode(entries[name]), response };
  };

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    files = tempFiles();
    app = createApp(store, { logError: () => {} });
    target = await json<ApiTarget>('/api/v1/targets/1');
    // A wave from 20 respondents: below the minimum, so stored but never published.
    const file = files.write(
      'lille-celle.csv',
      [
        'indikator;branchegruppe;år;andel;antal_svar;nedre;øvre;serie;kilde',
        `${target.indicator.code};${target.branchGroup?.code};${HIDDEN_YEAR};88,8;20;67,2;96,9;NOA-L;NOA-L ${HIDDEN_YEAR}`,
      ].join('\n'),
    );
    const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };
    await runImport(store, file, { kind: 'observations' }, actor);
  }, 120_000);
  afterAll(async () => {
    files?.remove();
    await store?.destroy();
  });

  it('links the measurements in the page’s language', async () => {
    expect(await (await get('/maaltal/1')).text()).toContain(
      'href="/api/v1/targets/1/observations.csv?lang=da"',
    );
    expect(await (await get('/en/maaltal/1')).text()).toContain(
      'href="/api/v1/targets/1/observations.csv?lang=en"',
    );
  });

  it('serves a target’s measurements as Danish Excel reads them, as the target page shows them', async () => {
    const history = await json<Required<ApiTarget>>('/api/v1/targets/1');
    const response = await get('/api/v1/targets/1/observations.csv?lang=da');
    expect(response.headers.get('content-disposition')).toContain('maaltal-1-maalinger.csv');
    const records = asDanishExcel(decode(new Uint8Array(await response.arrayBuffer())));
    expect(Object.keys(records[0] ?? {})).toEqual([
      'Måltal-nr.',
      'Branche',
      'Problem',
      'Indikator',
      'Indikator (kode)',
      'Enhed',
      'År',
      'Periode',
      'Værdi',
      'Nedre grænse',
      'Øvre grænse',
      'Antal',
      'Nævner',
      'Svarpersoner',
      'Serie',
      'Databrud',
      'Kilde',
      'Skjult',
      'Bemærkning',
    ]);
    expect(records[0]?.Branche).toBe('Anlægsarbejde');
    expect(records[0]?.Enhed).toBe('Procent');
    const page = await (await get('/maaltal/1')).text();
    const published = records.filter((r) => r.Skjult === 'Nej');
    expect(published.map((r) => r.År)).toEqual(history.observations.map((o) => o.year));
    history.observations.forEach((o, i) => {
      expect(page).toContain(`<td class="num">${formatValue(o.value, 'percent', 'da')}</td>`);
      expect(published[i]?.Værdi).toBe(shownDa(o.value, 'percent'));
    });
    // The wave below the minimum is a line that says hidden: its year and the rule, never its figures.
    const hidden = records.filter((r) => r.Skjult === 'Ja');
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ År: HIDDEN_YEAR, Værdi: '', 'Nedre grænse': '', Svarpersoner: '' });
    expect(String(hidden[0]?.Bemærkning)).toContain(`færre end ${MIN} svarpersoner`);
  });

  it('writes the Danish workbook of a target’s measurements: Danish names, every digit, shown rounded', async () => {
    const history = await json<Required<ApiTarget>>('/api/v1/targets/1');
    const response = await get('/api/v1/targets/1/observations.xlsx?lang=da');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Data');
    if (sheet === undefined) throw new Error('no Data sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(6, 9)).toEqual(['År', 'Periode', 'Værdi']);
    const value = header.indexOf('Værdi') + 1;
    expect(sheet.getColumn(value).numFmt).toBe('0.0');
    expect(sheet.rowCount).toBe(history.observations.length + 2);
    // A value with more digits than the page shows keeps them all; the cell format shows it rounded.
    expect(sheet.getRow(2).getCell(value).value).toBe(history.observations[0]?.value);
    expect(history.observations[0]?.value).not.toBe(shownDa(history.observations[0]?.value ?? 0, 'percent'));
    expect(workbook.getWorksheet('Metadata')?.getColumn(1).values).toContain('Metodebrud');
  });

  it('serves the English form to the English page, and the machine form to the API as before', async () => {
    const en = decode(
      new Uint8Array(await (await get('/api/v1/targets/1/observations.csv?lang=en')).arrayBuffer()),
    );
    expect(en.startsWith('\ufeffTarget no.,Branch,Problem,Indicator,Indicator (code),Unit,Year,')).toBe(true);
    expect(en).toContain('\r\n1,Civil engineering works,Work accidents,');
    const machine = await (await get('/api/v1/targets/1/observations.csv')).text();
    expect(machine.split('\n')[0]).toBe(
      'targetId,indicator,unit,year,period,value,lowercl,uppercl,confidence,count,denominator,respondents,series,seriesBreak,source,demo',
    );
    expect(machine).not.toContain(String(HIDDEN_YEAR));
    expect((await get('/api/v1/targets/1/observations.csv?lang=sv')).status).toBe(400);
  });

  it('zips a goal in Danish: its targets, measurements, a read-me and the JSON with every digit', async () => {
    const goal = 'chemical';
    const { names, text, response } = await zip(`/maal/${goal}/data.zip`);
    expect(response.headers.get('content-disposition')).toContain(`maaltal-maal-${goal}.zip`);
    expect(names.sort()).toEqual(['LÆSMIG.txt', 'data.json', 'maalinger.csv', 'maaltal.csv']);
    const listed = await json<ApiTarget[]>(`/api/v1/targets?goal=${goal}`);
    const targets = asDanishExcel(text('maaltal.csv'));
    expect(targets.map((r) => r['Måltal-nr.'])).toEqual(listed.map((t) => t.id));
    listed.forEach((t, i) => {
      expect(targets[i]?.Udgangspunkt).toBe(shownDa(t.baseline.value, t.indicator.unit));
      expect(targets[i]?.['Seneste måling']).toBe(
        t.latest === null ? '' : shownDa(t.latest.value, t.indicator.unit),
      );
    });
    const data = JSON.parse(text('data.json')) as {
      targets: ApiTarget[];
      observations: { targetId: number; year: number; value?: number; hidden?: boolean }[];
    };
    expect(data.targets.map((t) => t.baseline.value)).toEqual(listed.map((t) => t.baseline.value));
    expect(data.targets.some((t) => !Number.isInteger(t.latest?.value ?? 0))).toBe(true);
    const lines = asDanishExcel(text('maalinger.csv'));
    expect(lines).toHaveLength(data.observations.length);
    const readme = text('LÆSMIG.txt');
    expect(readme.charCodeAt(0)).toBe(0xfeff);
    for (const part of [
      'Filer',
      'Format',
      'Kilder',
      'Indlæste datafiler',
      'Metode',
      'Diskretion',
      'Forbehold',
    ])
      expect(readme).toContain(part);
    expect(readme).toContain('DEMODATA');
    expect(readme).toContain('lille-celle.csv');
    expect(readme).not.toContain('accidents:');
    expect(readme).toContain(`færre end ${MIN} svarpersoner`);
    // The accident goal's zip holds the accident tables too.
    expect((await zip('/maal/accidents/data.zip')).names).toContain('ulykker-branche.csv');
  });

  it('keeps the measurement below the minimum hidden in every file of the zips', async () => {
    for (const path of [`/maal/${target.goal.code}/data.zip`, '/data.zip', '/en/data.zip']) {
      const english = path.startsWith('/en');
      const { names, text } = await zip(path);
      const read = (name: string) =>
        parse(text(name), { bom: true, columns: true, delimiter: english ? ',' : ';' }) as Record<
          string,
          string
        >[];
      const measurements = read(english ? 'measurements.csv' : 'maalinger.csv').filter(
        (r) => Number(r['Måltal-nr.'] ?? r['Target no.']) === 1,
      );
      const hidden = measurements.filter((r) => Number(r.År ?? r.Year) === HIDDEN_YEAR);
      expect(hidden, path).toHaveLength(1);
      expect(hidden[0]).toMatchObject(
        english
          ? { Value: '', Respondents: '', Hidden: 'Yes' }
          : { Værdi: '', Svarpersoner: '', Skjult: 'Ja' },
      );
      expect(measurements.filter((r) => (r.Svarpersoner ?? r.Respondents) === '20')).toEqual([]);
      const targets = read(english ? 'targets.csv' : 'maaltal.csv').filter(
        (r) => Number(r['Måltal-nr.'] ?? r['Target no.']) === 1,
      );
      expect(Number(targets[0]?.['Seneste måling, år'] ?? targets[0]?.['Latest measurement year'])).toBe(
        2025,
      );
      const data = JSON.parse(text('data.json')) as { observations: Record<string, unknown>[] };
      const lines = data.observations.filter((o) => o.targetId === 1 && o.year === HIDDEN_YEAR);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ hidden: true });
      expect(lines[0]).not.toHaveProperty('value');
      expect(data.observations.filter((o) => o.respondents === 20 || o.value === 88.8)).toEqual([]);
      expect(names.length).toBeGreaterThan(3);
    }
  });

  it('zips the whole site with the accident tables, a hidden cell staying hidden', async () => {
    const { names, text } = await zip('/data.zip');
    expect(names.sort()).toEqual([
      'LÆSMIG.txt',
      'data.json',
      'doedsulykker.csv',
      'maalinger.csv',
      'maaltal.csv',
      'ulykker-branche.csv',
      'ulykker-koen-alder.csv',
    ]);
    const api = (await (await get('/api/v1/accidents/rates?groupBy=year,branch')).json()) as {
      rows: RateRow[];
    };
    const records = asDanishExcel(text('ulykker-branche.csv'));
    expect(records).toHaveLength(api.rows.length);
    const hidden = api.rows.filter((row) => row.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    api.rows.forEach((row, i) => {
      const record = records[i] as Record<string, string | number>;
      expect(record['Branchegruppe (kode)']).toBe(row.branch ?? '');
      if (!row.suppressed) return;
      expect(record).toMatchObject({ Antal: '', 'Pr. 10.000 beskæftigede': '', Skjult: 'Ja' });
      expect(record.Bemærkning).toBe('Skjult af diskretionshensyn');
    });
    const data = JSON.parse(text('data.json')) as { accidents: { byBranch: { rows: RateRow[] } } };
    expect(data.accidents.byBranch.rows).toEqual(api.rows);
    expect(JSON.stringify(data)).not.toContain('suppressionReason');
    expect(asDanishExcel(text('ulykker-koen-alder.csv')).map((r) => r.Køn)).toContain('Kvinder');
    expect(text('LÆSMIG.txt')).toContain('Anmeldte ulykker pr. N beskæftigede');
  });

  it('zips the site and a goal in English, with English names', async () => {
    const site = await zip('/en/data.zip');
    expect(site.response.headers.get('content-disposition')).toContain('maaltal-all-data.zip');
    expect(site.names).toContain('README.txt');
    expect(site.names).toContain('accidents-by-branch.csv');
    expect(site.text('targets.csv').startsWith('\ufeffTarget no.,Goal,Branch,')).toBe(true);
    expect(site.text('README.txt')).toContain('DEMO DATA');
    const goal = await zip(`/en/maal/${target.goal.code}/data.zip`);
    expect(goal.names.sort()).toContain('measurements.csv');
    expect((await get('/maal/no-such-goal/data.zip')).status).toBe(404);
  });

  it('links the zips from the overview and the goal pages, in both languages', async () => {
    expect(await (await get('/')).text()).toContain('href="/data.zip"');
    expect(await (await get('/en/')).text()).toContain('href="/en/data.zip"');
    const goal = target.goal.code;
    expect(await (await get(`/maal/${goal}`)).text()).toContain(`href="/maal/${goal}/data.zip"`);
    expect(await (await get(`/en/maal/${goal}`)).text()).toContain(`href="/en/maal/${goal}/data.zip"`);
  });
});
