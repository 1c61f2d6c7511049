// Real statistics files in the shapes their offices publish (test/fixtures/corpus): each imports whole on both
// databases, and every stored figure is checked cell by cell against the file.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { rollbackImport, runImport } from './imports.service.js';
import type { Mapping } from './mapping.js';

const corpus = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/corpus/${name}`, import.meta.url));
const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };

const CASES: {
  name: string;
  file: string;
  mapping: Mapping;
  rows: number;
  skipped: number;
  stored: [string, number, number][];
}[] = [
  {
    name: 'a StatBank wide CSV (title rows, years as columns, Windows-1252, ".." not available)',
    file: 'dst-wide.csv',
    mapping: {
      headerRow: 4,
      wide: { value: 'employed' },
      columns: { branch: 'BRANCHE' },
      where: { KØN: 'I alt' },
      values: { branch: { Kontor: 'kontor', Butikker: 'butikker' } },
      constants: {},
    },
    rows: 5,
    skipped: 1,
    stored: [
      ['butikker', 2021, 3400],
      ['butikker', 2022, 3500],
      ['butikker', 2023, 3610],
      ['kontor', 2021, 1200],
      ['kontor', 2023, 1350],
    ],
  },
  {
    name: 'a JSON-stat 1.x answer of Statistics Denmark’s API (quarters as periods, null not available)',
    file: 'dst-1x.json',
    mapping: { columns: { industryCode: 'BRANCHE07', employed: 'value' }, period: 'Tid', constants: {} },
    rows: 3,
    skipped: 1,
    stored: [
      ['butikker', 2021, 210500],
      ['butikker', 2022, 212300],
      ['it-og-telekommunikation', 2022, 98100],
    ],
  },
  {
    name: 'a PX file as Spain’s INE writes it (semicolon after every data line, "-" a true zero)',
    file: 'ine-style.px',
    mapping: { columns: { branch: 'branchegruppe', year: 'år', employed: 'value' }, constants: {} },
    rows: 4,
    skipped: 0,
    stored: [
      ['hotel-og-camping', 2021, 21300],
      ['hotel-og-camping', 2022, 22150],
      ['rengoering', 2021, 48200],
      ['rengoering', 2022, 0],
    ],
  },
  {
    name: 'SDMX-CSV 3.0 from Eurostat (STRUCTURE[;], NACE codes with their section letter)',
    file: 'sdmx-3.csv',
    mapping: {
      columns: { industryCode: 'NACE_R2', year: 'TIME_PERIOD', employed: 'OBS_VALUE' },
      constants: {},
    },
    rows: 3,
    skipped: 0,
    stored: [
      ['engros', 2021, 81250],
      ['engros', 2022, 83100],
      ['it-og-telekommunikation', 2022, 97400],
    ],
  },
];

describeEachDialect('real statistics files', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('imports %s whole', async (_name, c) => {
    const report = await runImport(store, corpus(c.file), { kind: 'employment', mapping: c.mapping }, actor);
    expect({ rows: report.rows, skipped: report.skipped }).toEqual({ rows: c.rows, skipped: c.skipped });
    const stored = await store.db
      .selectFrom('employment')
      .innerJoin('branchGroup', 'branchGroup.id', 'employment.branchGroupId')
      .select(['branchGroup.code', 'employment.year', 'employment.employed', 'employment.ageBand'])
      .where('employment.batchId', '=', report.batchId ?? 0)
      .orderBy('branchGroup.code')
      .orderBy('employment.year')
      .execute();
    expect(stored.map((row) => [row.code, Number(row.year), Number(row.employed)])).toEqual(c.stored);
    expect(new Set(stored.map((row) => row.ageBand))).toEqual(new Set(['all']));
    await rollbackImport(store, report.batchId ?? 0, actor, 'corpus test');
  });
});
