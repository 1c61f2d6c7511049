import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CellInput, primarySuppression, suppressTable, type TableInput } from './suppression.js';

const TOTAL = 'total';

/** Builds a table with a total row and a total column from interior counts. */
function tableOf(interior: readonly (readonly number[])[], extra: Partial<CellInput>[][] = []): TableInput {
  const cells: CellInput[] = [];
  const columns = interior[0]?.length ?? 0;
  interior.forEach((row, r) => {
    row.forEach((value, c) => {
      cells.push({ row: `r${r}`, column: `c${c}`, value, ...extra[r]?.[c] });
    });
    cells.push({ row: `r${r}`, column: TOTAL, value: row.reduce((a, b) => a + b, 0) });
  });
  for (let c = 0; c < columns; c++) {
    cells.push({ row: TOTAL, column: `c${c}`, value: interior.reduce((sum, row) => sum + (row[c] ?? 0), 0) });
  }
  const grand = interior.flat().reduce((a, b) => a + b, 0);
  cells.push({ row: TOTAL, column: TOTAL, value: grand });
  return { cells, totalRow: TOTAL, totalColumn: TOTAL };
}

function cell(result: ReturnType<typeof suppressTable>, row: string, column: string) {
  const found = result.cells.find((c) => c.row === row && c.column === column);
  if (found === undefined) throw new Error(`no cell ${row}/${column}`);
  return found;
}

/** Rows and columns that add up to a total, with how many of their cells are hidden. */
function hiddenPerGroup(result: ReturnType<typeof suppressTable>): number[] {
  const counts = new Map<string, number>();
  for (const c of result.cells) {
    for (const key of [`row:${c.row}`, `column:${c.column}`]) {
      counts.set(key, (counts.get(key) ?? 0) + (c.suppressed ? 1 : 0));
    }
  }
  return [...counts.values()];
}

describe('primary suppression', () => {
  it('suppresses counts 0 < x < 5 but not 0 or 5', () => {
    expect(primarySuppression({ value: 0 })).toBeNull();
    expect(primarySuppression({ value: 1 })).toBe('primary_small_count');
    expect(primarySuppression({ value: 4 })).toBe('primary_small_count');
    expect(primarySuppression({ value: 5 })).toBeNull();
  });

  it('suppresses survey cells with fewer than 50 respondents, whatever their value', () => {
    expect(primarySuppression({ value: 38.5, respondents: 49 })).toBe('primary_small_n');
    expect(primarySuppression({ value: 2, respondents: 50 })).toBeNull();
  });

  it('uses configured thresholds and never suppresses exempt sources', () => {
    expect(primarySuppression({ value: 7 }, { minCount: 10 })).toBe('primary_small_count');
    expect(primarySuppression({ value: 20, respondents: 80 }, { minRespondents: 100 })).toBe(
      'primary_small_n',
    );
    expect(primarySuppression({ value: 2, source: 'fatal' }, { exemptSources: ['fatal'] })).toBeNull();
  });
});

describe('suppressTable', () => {
  it('hides a small cell and the next-smallest cell of its row and column', () => {
    const result = suppressTable(
      tableOf([
        [3, 10, 20],
        [12, 15, 30],
        [40, 50, 60],
      ]),
    );
    expect(cell(result, 'r0', 'c0')).toMatchObject({
      suppressed: true,
      reason: 'primary_small_count',
      published: null,
    });
    expect(cell(result, 'r0', 'c1')).toMatchObject({ suppressed: true, reason: 'secondary' });
    expect(cell(result, 'r1', 'c0')).toMatchObject({ suppressed: true, reason: 'secondary' });
    // The two partners left row 1 and column 1 with a single hidden cell; the iteration closes the rectangle.
    expect(cell(result, 'r1', 'c1')).toMatchObject({ suppressed: true, reason: 'secondary' });
    expect(cell(result, 'r2', 'c2')).toMatchObject({
      suppressed: false,
      reason: null,
      published: 60,
      original: 60,
    });
    expect(result.warnings).toEqual([]);
  });

  it('keeps the original value for stewards while publishing null', () => {
    const result = suppressTable(tableOf([[2, 30]]));
    expect(cell(result, 'r0', 'c0')).toMatchObject({ original: 2, published: null });
  });

  it('does not touch a table without totals beyond primary suppression', () => {
    const result = suppressTable({
      cells: [
        { row: 'a', column: 'x', value: 2 },
        { row: 'a', column: 'y', value: 40 },
      ],
    });
    expect(result.cells.map((c) => c.reason)).toEqual(['primary_small_count', null]);
  });

  it('publishes exempt cells, flags them, and warns when a group cannot be protected', () => {
    const table = tableOf([[3, 9]], [[{}, { source: 'fatal' }]]);
    // Hiding the public exempt cell would protect nothing, so the row total is hidden with the small cell.
    const result = suppressTable(table, { exemptSources: ['fatal'] });
    const exempt = cell(result, 'r0', 'c1');
    expect(exempt).toMatchObject({ suppressed: false, exemptSource: 'fatal', published: 9 });
    expect(cell(result, 'r0', 'c0').suppressed).toBe(true);
    expect(cell(result, 'r0', TOTAL)).toMatchObject({ suppressed: true, reason: 'secondary' });
  });

  it('reports a group it cannot protect instead of leaving it silently open', () => {
    const result = suppressTable(
      {
        cells: [
          { row: 'a', column: 'x', value: 2 },
          { row: 'a', column: 'y', value: 7, source: 'fatal' },
          { row: 'a', column: TOTAL, value: 9, source: 'fatal' },
        ],
        totalColumn: TOTAL,
      },
      { exemptSources: ['fatal'] },
    );
    expect(result.warnings).toEqual([{ code: 'unprotectable_group', axis: 'row', key: 'a' }]);
  });

  it('throws for duplicate cells and negative counts', () => {
    const duplicate = { row: 'a', column: 'b', value: 1 };
    expect(() => suppressTable({ cells: [duplicate, duplicate] })).toThrow(
      expect.objectContaining({ field: 'cells[1]' }),
    );
    expect(() => suppressTable({ cells: [{ row: 'a', column: 'b', value: -1 }] })).toThrow(
      expect.objectContaining({ field: 'cells[0].value' }),
    );
  });

  it('never leaves a cell recoverable by subtraction from its row or column total (random tables)', () => {
    const tables = fc
      .record({ rows: fc.integer({ min: 1, max: 7 }), columns: fc.integer({ min: 1, max: 7 }) })
      .chain(({ rows, columns }) =>
        fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 400 })), {
            minLength: columns,
            maxLength: columns,
          }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
      );
    fc.assert(
      fc.property(tables, fc.integer({ min: 1, max: 12 }), (interior, minCount) => {
        const result = suppressTable(tableOf(interior), { minCount });
        for (const hidden of hiddenPerGroup(result)) expect(hidden).not.toBe(1);
        for (const c of result.cells) {
          const small = c.original !== null && c.original > 0 && c.original < minCount;
          if (small) expect(c.suppressed).toBe(true);
          expect(c.published).toBe(c.suppressed ? null : c.original);
        }
        expect(result.warnings).toEqual([]);
      }),
      { seed: 9_001, numRuns: 300 },
    );
  });
});
