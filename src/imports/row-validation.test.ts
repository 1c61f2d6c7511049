// The validation stage on its own (no database): chunks of at most CHUNK_ROWS stored rows, problems with file, row and
// column, a key repeated within a chunk, skipped missing markers counted, and the derived data summed over the rows
// passed on.

import { expect, it } from 'vitest';
import { baseCellsOf } from '../accidents/base-cube.js';
import type { Issue } from '../errors.js';
import { accidentsKind } from './kinds/accidents.kind.js';
import { lookupsFrom } from './lookups.js';
import { type PackedData, PackedRows } from './packed-rows.js';
import type { OpenedTable, RawRow } from './readers/table.js';
import { CHUNK_ROWS, type ValidatedRow, validatedChunks } from './row-validation.js';
import { StageClock } from './stage-clock.js';

const COLUMNS = ['sagsnummer', 'registreringsdato', 'branchegruppe', 'alder'];

function table(rows: (string | null)[][]): OpenedTable {
  return {
    settings: { format: 'csv' },
    columns: COLUMNS,
    rows: {
      async *[Symbol.asyncIterator]() {
        for (const [i, values] of rows.entries()) yield { row: i + 2, values } satisfies RawRow;
      },
    },
  };
}

const lookups = lookupsFrom({
  groups: [{ id: 4, code: 'butikker', nameDa: 'Butikker', nameEn: 'Shops', mainGroupId: 2 }],
  subs: [],
  codes: [],
  indicators: [],
  targets: [],
});

async function run(rows: (string | null)[][]) {
  const problems: Issue[] = [];
  const chunks: ValidatedRow[][] = [];
  const source = validatedChunks(
    {
      kind: accidentsKind,
      table: table(rows),
      fields: ['caseId', 'registrationDate', 'branch', 'age'].map((name, index) => ({
        spec: accidentsKind.fields.find(
          (field) => field.name === name,
        ) as (typeof accidentsKind.fields)[number],
        index,
      })),
      constants: {},
      decimalComma: false,
      lookups,
      file: 'f.csv',
      keyLabel: 'sagsnummer',
      aggregate: true,
    },
    { report: (problem) => problems.push(problem), clock: new StageClock() },
  );
  let next = await source.next();
  for (; next.done !== true; next = await source.next()) chunks.push(next.value);
  return { chunks, problems, summary: next.value };
}

it('passes valid rows on in chunks and sums them; reports a bad cell and a repeated key with row and column', async () => {
  const rows = Array.from({ length: CHUNK_ROWS + 5 }, (_, i) => [`C-${i}`, '2024-05-01', 'butikker', '40']);
  rows[3] = ['C-3', '2024-05-32', 'butikker', '40'];
  rows[7] = ['C-6', '2024-05-01', 'butikker', '40'];
  const { chunks, problems, summary } = await run(rows);
  expect(chunks.map((chunk) => chunk.length)).toEqual([CHUNK_ROWS, 3]);
  expect(chunks[0]?.[0]).toMatchObject({ row: 2, values: expect.arrayContaining(['C-0', '2024-05-01', 4]) });
  expect(problems.map((p) => [p.row, p.column, p.field])).toEqual([
    [5, 'registreringsdato', 'registrationDate'],
    [9, undefined, 'sagsnummer'],
  ]);
  expect(summary.rows).toBe(CHUNK_ROWS + 5);
  expect(summary.skipped).toBe(0);
  // The accidents kind sums its base cube as rows pass: every valid row counted once.
  const cells = [...baseCellsOf(new PackedRows(summary.aggregate as PackedData))];
  expect(cells.reduce((sum, cell) => sum + cell.accidents, 0)).toBe(CHUNK_ROWS + 3);
});
