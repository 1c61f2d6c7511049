// The disclosure audit on planted tables: a pattern that passes the §9 row/column rule but whose published figures
// pin a hidden count is found, with its interval; well-protected cells pass; narrow intervals are reported.
import highsModule, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCubeSlice } from './cube-audit.js';
import { CELL_PRIMARY, CELL_PUBLISHED, CELL_SECONDARY, type CubeDimension } from './cube-suppression.js';
import { type AdditiveLine, auditTable } from './disclosure-audit.js';

type Loader = (typeof highsModule)['default'];
const loadHighs = ((highsModule as { default?: Loader }).default ?? highsModule) as unknown as Loader;

/** A rows × columns table with row totals, column totals and the grand total, cells row by row. */
function twoWay(interior: number[][]) {
  const rows = interior.length;
  const columns = interior[0]?.length ?? 0;
  const width = columns + 1;
  const values: number[] = [];
  for (const row of interior)
    values.push(
      ...row,
      row.reduce((a, b) => a + b, 0),
    );
  const totals = Array.from({ length: width }, (_, j) => values.filter((_, i) => i % width === j));
  values.push(...totals.map((column) => column.reduce((a, b) => a + b, 0)));
  const at = (r: number, c: number) => r * width + c;
  const lines: AdditiveLine[] = [];
  for (let r = 0; r <= rows; r++)
    lines.push({ total: at(r, columns), children: Array.from({ length: columns }, (_, c) => at(r, c)) });
  for (let c = 0; c <= columns; c++)
    lines.push({ total: at(rows, c), children: Array.from({ length: rows }, (_, r) => at(r, c)) });
  return { values, lines, at, width };
}

/** Hides the 2 × 2 block at the table's top left. */
function hideTopLeft(table: ReturnType<typeof twoWay>): Uint8Array {
  const hidden = new Uint8Array(table.values.length);
  for (const r of [0, 1]) for (const c of [0, 1]) hidden[table.at(r, c)] = 1;
  return hidden;
}

/** The §9 rule: no line has exactly one hidden cell. */
function passesLineRule(lines: AdditiveLine[], hidden: Uint8Array): boolean {
  return lines.every(
    (line) => [line.total, ...line.children].filter((cell) => hidden[cell] === 1).length !== 1,
  );
}

describe('disclosure audit', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('finds a count that the row/column rule lets through but the published figures pin', () => {
    // 3 hidden in row 1 beside zeros, and row 2 all hidden zeros: column 1 then gives the 3 away exactly.
    const table = twoWay([
      [3, 0, 7],
      [0, 0, 8],
      [6, 9, 5],
    ]);
    const hidden = hideTopLeft(table);
    expect(passesLineRule(table.lines, hidden)).toBe(true);
    const result = auditTable(highs, { values: table.values, hidden, lines: table.lines }, 5);
    const pinned = result.unprotected.find((cell) => cell.cell === table.at(0, 0));
    expect(pinned?.value).toBe(3);
    expect(pinned?.lower).toBeCloseTo(3, 6);
    expect(pinned?.upper).toBeCloseTo(3, 6);
  });

  it('passes hidden counts that can move by at least the protection width', () => {
    const table = twoWay([
      [3, 6, 7],
      [6, 4, 8],
      [9, 9, 5],
    ]);
    const hidden = hideTopLeft(table);
    const small = (cell: number) => (table.values[cell] as number) < 5;
    const result = auditTable(
      highs,
      { values: table.values, hidden, lines: table.lines, sensitive: small },
      5,
    );
    expect(result.unprotected).toEqual([]);
    expect(result.checkedCells).toBe(2);
  });

  it('reports the interval of a count hidden beside too little', () => {
    const table = twoWay([
      [1, 1, 9],
      [1, 1, 9],
      [9, 9, 9],
    ]);
    const hidden = hideTopLeft(table);
    const result = auditTable(highs, { values: table.values, hidden, lines: table.lines }, 5);
    expect(result.unprotected).toHaveLength(4);
    for (const cell of result.unprotected) {
      expect(cell.lower).toBeCloseTo(0, 6);
      expect(cell.upper).toBeCloseTo(2, 6);
    }
    // A width of 2 is met exactly.
    expect(auditTable(highs, { values: table.values, hidden, lines: table.lines }, 2).unprotected).toEqual(
      [],
    );
  });

  it('audits one year of a cube along every other dimension', () => {
    // Years (no margin) × A (a1, a2, a3, all) × B (b1, b2, b3, all), the planted table in year 1.
    const margin = (leaves: number): CubeDimension => ({
      size: leaves + 1,
      parent: [...Array.from({ length: leaves }, () => leaves), -1],
    });
    const dimensions = [{ size: 2, parent: [-1, -1] }, margin(3), margin(3)];
    const table = twoWay([
      [3, 0, 7],
      [0, 0, 8],
      [6, 9, 5],
    ]);
    const counts = new Float64Array([...table.values.map((v) => v * 10), ...table.values]);
    const status = new Uint8Array(counts.length);
    const slice = table.values.length;
    status[slice + table.at(0, 0)] = CELL_PRIMARY;
    for (const [r, c] of [
      [0, 1],
      [1, 0],
      [1, 1],
    ] as const)
      status[slice + table.at(r, c)] = CELL_SECONDARY;
    expect(auditCubeSlice(highs, { dimensions, counts, status }, 0, 5).hiddenCells).toBe(0);
    const result = auditCubeSlice(highs, { dimensions, counts, status }, 1, 5);
    expect(result.unprotected.map((cell) => cell.cell)).toEqual([slice + table.at(0, 0)]);
    expect(status[slice + table.at(2, 2)]).toBe(CELL_PUBLISHED);
  });
});
