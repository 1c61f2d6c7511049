// The disclosure gate on the public accident API, tried as an attacker would on the demo data: answer pairs over
// every single and double grouping of every measure recover no hidden cell, public answers never say why a cell
// is hidden, and no numeric field of a hidden row leaves in JSON, CSV or XLSX (random filters and groupings).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { attackPair, KEYS, type Row } from '../../test/accidents/attack.js';
import { bearerFor } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { createApp } from '../web/app.js';

let steward: Record<string, string> = {};
const DIMENSIONS = ['year', 'branch', 'ageBand', 'sex', 'severity', 'chemical'] as const;
const MEASURES = ['rates', 'age-comparison', 'standardised', 'labour-loss'] as const;
/** Numbers a hidden row may still show: its keys and the (public) employment behind it. */
const PUBLIC_WHEN_HIDDEN = new Set(['year', 'denominator', 'allAgesDenominator', 'strata']);
const STEWARD_ONLY = ['suppressionReason', 'daysStated', 'recordsWithDays', 'daysImputed'];
const BASES = [
  'from=2020&to=2020&branch=butikker&sex=M',
  'from=2013&to=2013&branch=tekstil-og-papir',
  'from=2021&to=2022&mainGroup=handel',
  'from=2019&to=2019&ageBand=55-64',
];

/** Groupings a measure allows (age comparison compares age bands; the standardised rate's strata are branches). */
function allowed(measure: string, groups: readonly string[]): boolean {
  if (measure === 'age-comparison' && groups.includes('ageBand')) return false;
  if (measure === 'standardised' && (groups.includes('branch') || groups.includes('mainGroup'))) return false;
  return true;
}

describeEachDialect('disclosure gate on the public accident API', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const answer = async (measure: string, query: string, asSteward = false) => {
    const headers: Record<string, string> = asSteward ? steward : {};
    const path = `/api/v1/accidents/${measure}?${query}${asSteward ? '&unsuppressed=true' : ''}`;
    const response = await app.request(path, { headers });
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
    return (await response.json()) as { rows: Row[]; meta: Record<string, unknown> };
  };

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.05, bulk: store });
    app = createApp(store, { logError: () => {} });
    steward = await bearerFor(store, 'steward');
  }, 120_000);
  afterAll(async () => store?.destroy());

  it('lets no answer pair over any single or double grouping of any measure recover a hidden cell', async () => {
    const groupings = [
      ...DIMENSIONS.map((d) => [d]),
      ...DIMENSIONS.flatMap((a, i) => DIMENSIONS.slice(i + 1).map((b) => [a, b])),
    ];
    let pairs = 0;
    const recovered: string[] = [];
    for (const measure of MEASURES)
      for (const base of BASES)
        for (const fine of groupings) {
          if (!allowed(measure, fine) || (measure === 'age-comparison' && base.includes('ageBand'))) continue;
          const fineQuery = `${base}&groupBy=${fine.join(',')}`;
          const [publicFine, truth] = [
            await answer(measure, fineQuery),
            await answer(measure, fineQuery, true),
          ];
          const coarser: string[][] = fine.map((dropped) => fine.filter((g) => g !== dropped));
          if (fine.includes('branch')) coarser.push(fine.map((g) => (g === 'branch' ? 'mainGroup' : g)));
          for (const coarse of coarser) {
            const query = coarse.length === 0 ? base : `${base}&groupBy=${coarse.join(',')}`;
            const publicCoarse = await answer(measure, query);
            const midpoints = (publicCoarse.meta.severityMidpointDays ?? null) as Record<
              string,
              number
            > | null;
            const keys = [...coarse, 'band'];
            pairs++;
            for (const found of attackPair(publicCoarse.rows, publicFine.rows, keys, midpoints)) {
              const actual = truth.rows.find((row) => KEYS.every((key) => row[key] === found.row[key]));
              if (actual?.suppressed === true && Math.abs((actual.count as number) - found.count) < 1e-9)
                recovered.push(`${measure}?${fineQuery} from ${coarse}: ${JSON.stringify(found)}`);
            }
          }
        }
    expect(pairs).toBeGreaterThan(300);
    expect(recovered.slice(0, 5), `${recovered.length} hidden cells recovered`).toEqual([]);
  }, 300_000);

  it('gives no reason or steward-only field and no figure of a hidden row, in JSON, CSV and XLSX', async () => {
    const cases = fc.record({
      measure: fc.constantFrom(...MEASURES, 'trend' as const),
      year: fc.integer({ min: 2012, max: 2025 }),
      span: fc.integer({ min: 0, max: 2 }),
      branch: fc.option(fc.constantFrom('butikker', 'tekstil-og-papir', 'anlaegsarbejde'), {
        nil: undefined,
      }),
      sex: fc.option(fc.constantFrom('K', 'M'), { nil: undefined }),
      severity: fc.option(fc.constantFrom('serious', 'minor', 'unknown'), { nil: undefined }),
      groupBy: fc.subarray([...DIMENSIONS], { minLength: 1, maxLength: 3 }),
    });
    let hiddenSeen = 0;
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const groups: string[] = c.measure === 'trend' ? ['year'] : c.groupBy;
        if (!allowed(c.measure, groups)) return;
        const query = new URLSearchParams({
          from: String(c.year),
          to: String(Math.min(2025, c.year + c.span)),
        });
        if (c.branch !== undefined && c.measure !== 'standardised') query.set('branch', c.branch);
        if (c.sex !== undefined) query.set('sex', c.sex);
        if (c.severity !== undefined) query.set('severity', c.severity);
        query.set('groupBy', groups.join(','));
        const json = await answer(c.measure, query.toString());
        for (const row of json.rows) {
          for (const field of STEWARD_ONLY) expect(row, field).not.toHaveProperty(field);
          if (row.suppressed !== true) continue;
          hiddenSeen++;
          for (const [field, value] of Object.entries(row))
            if (typeof value === 'number')
              expect(PUBLIC_WHEN_HIDDEN.has(field), `${field} of ${query}`).toBe(true);
        }
        const csv = await app.request(`/api/v1/accidents/${c.measure}.csv?${query}`);
        const records = parse(await csv.text(), { columns: true }) as Record<string, string>[];
        const xlsx = new ExcelJS.Workbook();
        await xlsx.xlsx.load(
          await (await app.request(`/api/v1/accidents/${c.measure}.xlsx?${query}`)).arrayBuffer(),
        );
        const sheet = xlsx.getWorksheet('Data');
        const header = ((sheet?.getRow(1).values ?? []) as unknown[]).map(String);
        for (const field of STEWARD_ONLY) {
          expect(Object.keys(records[0] ?? {})).not.toContain(field);
          expect(header).not.toContain(field);
        }
        json.rows.forEach((row, i) => {
          for (const [field, value] of Object.entries(row)) {
            if (typeof value !== 'number' && value !== null) continue;
            const fromCsv = records[i]?.[field];
            if (value === null) expect(fromCsv, `${field} in CSV`).toBe('');
            else expect(Number(fromCsv), `${field} in CSV`).toBeCloseTo(value, 9);
            const fromXlsx = sheet?.getRow(i + 2).getCell(header.indexOf(field)).value ?? null;
            expect(fromXlsx, `${field} in XLSX`).toEqual(value);
          }
        });
      }),
      { numRuns: 60 },
    );
    expect(hiddenSeen).toBeGreaterThan(0);
  }, 300_000);

  it('shows data stewards the values and the reasons', async () => {
    const query = 'from=2020&to=2020&branch=butikker&sex=M&groupBy=severity,ageBand';
    const steward = await answer('labour-loss', query, true);
    const hidden = steward.rows.filter((row) => row.suppressed === true);
    expect(hidden.length).toBeGreaterThan(0);
    for (const row of hidden) {
      expect(['primary_small_count', 'secondary']).toContain(row.suppressionReason);
      expect(typeof row.count).toBe('number');
      expect(typeof row.daysImputed).toBe('number');
    }
  });
});
