// The accident API over HTTP (in process): every measure in JSON, CSV and XLSX; errors naming the parameter;
// a data steward's token for unsuppressed values and the case list; and, over random filters, that public answers never
// show a suppressed cell, neither directly, nor in the files, nor by subtraction from a published total.

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { bearerFor } from '../../test/accounts.js';
import { describeEachDialect } from '../../test/databases.js';
import { createApp } from '../web/app.js';
import type { RateRow } from './rates.js';

let steward: Record<string, string> = {};
const _actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };
const GROUPS = ['year', 'branch', 'mainGroup', 'ageBand', 'sex', 'severity', 'chemical'] as const;
const KEYS = ['year', 'branch', 'mainGroup', 'ageBand', 'sex', 'severity', 'chemical'] as const;

describeEachDialect('accident API', (dialect) => {
  let app: ReturnType<typeof createApp>;
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  const rates = async (query: URLSearchParams) => {
    const response = await get(`/api/v1/accidents/rates?${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as { rows: RateRow[] };
  };

  const workspace = useAccidentFixture(dialect);
  beforeAll(async () => {
    app = createApp(workspace.store, { logError: () => {} });
    steward = await bearerFor(workspace.store, 'steward');
  });

  it('answers every measure as JSON with rows and meta', async () => {
    for (const measure of ['rates', 'age-comparison', 'standardised', 'labour-loss', 'trend']) {
      const response = await get(`/api/v1/accidents/${measure}?mainGroup=handel`);
      expect(response.status, measure).toBe(200);
      const body = (await response.json()) as {
        rows: unknown[];
        meta: { measure: string; sourceBatches: unknown[] };
      };
      expect(body.rows.length, measure).toBeGreaterThan(0);
      expect(body.meta.sourceBatches).toHaveLength(2);
    }
  });

  it('serves CSV and XLSX downloads of the same rows', async () => {
    const query = 'mainGroup=handel&groupBy=year,branch';
    const json = (await (await get(`/api/v1/accidents/rates?${query}`)).json()) as { rows: RateRow[] };
    const csv = await get(`/api/v1/accidents/rates.csv?${query}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const records = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => [Number(r.year), r.branch, r.count === '' ? null : Number(r.count)])).toEqual(
      json.rows.map((r) => [r.year, r.branch, r.count]),
    );
    const xlsx = await get(`/api/v1/accidents/labour-loss.xlsx?${query}`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Data', 'Metadata']);
    expect(workbook.getWorksheet('Data')?.getRow(1).values).toContain('fullTimeYears');
  });

  it('streams CSV and JSON lines row by row, each row the JSON answer’s, with unit, source and notes', async () => {
    const query = 'groupBy=year,branch,ageBand,sex,severity';
    const json = (await (await get(`/api/v1/accidents/rates?${query}`)).json()) as { rows: RateRow[] };
    expect(json.rows.length).toBeGreaterThan(1000);
    const chunks = async (response: Response) => {
      const parts: string[] = [];
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        parts.push(decoder.decode(chunk, { stream: true }));
      return parts;
    };
    const csv = await get(`/api/v1/accidents/rates.csv?${query}`);
    const csvParts = await chunks(csv);
    expect(csvParts.length).toBeGreaterThan(10);
    const records = parse(csvParts.join(''), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => (r.count === '' ? null : Number(r.count)))).toEqual(
      json.rows.map((r) => r.count),
    );
    const lines = await get(`/api/v1/accidents/rates.jsonl?${query}`);
    expect(lines.headers.get('content-type')).toContain('application/jsonl');
    expect(lines.headers.get('content-disposition')).toContain('maaltal-ulykker-rates.jsonl');
    const lineParts = await chunks(lines);
    expect(lineParts.length).toBeGreaterThan(10);
    const rows = lineParts
      .join('')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as RateRow & { source: string; convention: string });
    expect(rows.map((r) => r.count)).toEqual(json.rows.map((r) => r.count));
    expect(rows[0]?.convention).toBe('registration');
    expect(rows[0]?.source).not.toBe('');
  });

  it('refuses an answer above the row budget before computing it, saying how to narrow it', async () => {
    // Six groupings over the full branch list: far above the budget of rows.
    const heavy = 'groupBy=year,branch,ageBand,sex,severity,chemical';
    for (const file of ['rates', 'rates.csv', 'rates.xlsx', 'labour-loss']) {
      const response = await get(`/api/v1/accidents/${file}?${heavy}`);
      expect(response.status, file).toBe(422);
      const body = (await response.json()) as {
        error: { code: string; details: { message: string; messageDa: string }[] };
      };
      expect(body.error.code).toBe('too_large');
      expect(body.error.details[0]?.message).toMatch(/^\d{1,3}(,\d{3})* rows: narrow the period/);
      expect(body.error.details[0]?.messageDa).toMatch(/afgræns perioden/);
    }
    // Within the row budget but above the XLSX limit: refused with a pointer to the CSV, which answers.
    const wide = 'groupBy=year,branch,ageBand,sex,severity';
    const xlsx = await get(`/api/v1/accidents/rates.xlsx?${wide}`);
    expect(xlsx.status).toBe(422);
    expect(JSON.stringify(await xlsx.json())).toContain('rates.csv');
    expect((await get(`/api/v1/accidents/rates.csv?${wide}`)).status).toBe(200);
  });

  it('refuses unknown parameters and values with a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['colour=red', 'colour'],
      ['ageBand=20-30', 'ageBand'],
      ['sex=X', 'sex'],
      ['groupBy=year,colour', 'groupBy'],
      ['branch=nope', 'branch'],
      ['perEmployed=0', 'perEmployed'],
      ['convention=calendar', 'convention'],
      ['fatal=maybe', 'fatal'],
      ['unsuppressed=yes', 'unsuppressed'],
    ] as const) {
      const response = await get(`/api/v1/accidents/rates?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { details: { field: string }[] } };
      expect(
        body.error.details.map((d) => d.field),
        query,
      ).toContain(field);
    }
    expect((await get('/api/v1/accidents/nothing')).status).toBe(404);
  });

  it('shows unsuppressed values and the fatal case list only to a data steward', async () => {
    const query = 'mainGroup=transport&groupBy=year,branch,sex';
    expect((await get(`/api/v1/accidents/rates?${query}&unsuppressed=true`)).status).toBe(401);
    expect(
      (await get('/api/v1/accidents/fatal-cases', { authorization: 'Bearer wrong-token-000000' })).status,
    ).toBe(401);
    const viewer = await bearerFor(workspace.store, 'viewer');
    expect((await get(`/api/v1/accidents/rates?${query}&unsuppressed=true`, viewer)).status).toBe(403);
    expect((await get('/api/v1/accidents/fatal-cases', viewer)).status).toBe(403);
    const open = await get(`/api/v1/accidents/rates?${query}&unsuppressed=true`, steward);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toContain('no-store');
    const rows = ((await open.json()) as { rows: RateRow[] }).rows;
    const hidden = rows.filter((r) => r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((r) => r.count !== null)).toBe(true);
    const cases = await get('/api/v1/accidents/fatal-cases?from=2023&to=2024', steward);
    expect(((await cases.json()) as { rows: unknown[] }).rows).toHaveLength(4);
  });

  it('never shows a suppressed cell, in JSON, CSV or XLSX, nor one that a published total reveals', async () => {
    const filters = fc.record({
      from: fc.option(fc.constantFrom('2023', '2024'), { nil: undefined }),
      to: fc.option(fc.constant('2024'), { nil: undefined }),
      branch: fc.subarray(['butikker', 'engros', 'transport-af-gods', 'transport-af-passagerer'], {
        maxLength: 3,
      }),
      ageBand: fc.option(fc.constantFrom('15-24', '55-64'), { nil: undefined }),
      sex: fc.option(fc.constantFrom('K', 'M'), { nil: undefined }),
      severity: fc.option(fc.constantFrom('serious', 'minor'), { nil: undefined }),
      fatal: fc.option(fc.constantFrom('true', 'false'), { nil: undefined }),
      chemical: fc.option(fc.constantFrom('true', 'false'), { nil: undefined }),
      convention: fc.option(fc.constantFrom('registration', 'accident'), { nil: undefined }),
      groupBy: fc.subarray([...GROUPS], { minLength: 1, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(filters, async (f) => {
        if (f.fatal !== undefined && f.severity !== undefined) return;
        const query = new URLSearchParams();
        for (const [name, value] of Object.entries(f)) {
          if (value === undefined || name === 'branch' || name === 'groupBy') continue;
          query.set(name, value as string);
        }
        for (const branch of f.branch) query.append('branch', branch);
        const fine = (await rates(new URLSearchParams([...query, ['groupBy', f.groupBy.join(',')]]))).rows;
        for (const row of fine) {
          if (row.suppressed)
            expect([row.count, row.value, row.lowercl, row.uppercl]).toEqual([null, null, null, null]);
          else if (!row.exempt)
            expect(row.count === 0 || (row.count ?? 0) >= 5, JSON.stringify(row)).toBe(true);
        }
        // Files carry exactly what the JSON shows.
        const csv = parse(
          await (await get(`/api/v1/accidents/rates.csv?${query}&groupBy=${f.groupBy.join(',')}`)).text(),
          {
            columns: true,
          },
        ) as Record<string, string>[];
        expect(csv.map((r) => (r.count === '' ? null : Number(r.count)))).toEqual(fine.map((r) => r.count));
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(
          await (
            await get(`/api/v1/accidents/rates.xlsx?${query}&groupBy=${f.groupBy.join(',')}`)
          ).arrayBuffer(),
        );
        const sheet = workbook.getWorksheet('Data');
        const header = (sheet?.getRow(1).values ?? []) as unknown[];
        const countColumn = header.indexOf('count');
        const xlsxCounts: (number | null)[] = [];
        sheet?.eachRow((row, n) => {
          if (n > 1) xlsxCounts.push((row.getCell(countColumn).value as number | null) ?? null);
        });
        expect(xlsxCounts).toEqual(fine.map((r) => r.count));
        // Every coarser table (one grouping fewer, or main groups instead of branches) that publishes a total
        // leaves zero or at least two hidden cells under it.
        const coarser = f.groupBy.map((dropped) =>
          dropped === 'branch' && !f.groupBy.includes('mainGroup')
            ? f.groupBy.map((g) => (g === 'branch' ? 'mainGroup' : g))
            : f.groupBy.filter((g) => g !== dropped),
        );
        for (const groups of coarser) {
          const totals = (await rates(new URLSearchParams([...query, ['groupBy', groups.join(',')]]))).rows;
          for (const total of totals) {
            if (total.suppressed) continue;
            const under = fine.filter((row) =>
              KEYS.every((key) => !groups.includes(key) || row[key] === total[key]),
            );
            const hidden = under.filter((row) => row.suppressed).length;
            expect(hidden, `${query} ${f.groupBy} → ${groups}: ${JSON.stringify(total)}`).not.toBe(1);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
