// Packed chunks read back exactly the rows packed, after crossing a thread boundary (a structured clone with the
// buffers transferred), whatever mix of repeated, unique, null and numeric values the columns hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedRows, PlainRows, packRows, transferables } from './packed-rows.js';
import type { ValidatedRow } from './row-validation.js';

const WIDTH = 4;
const value = fc.oneof(
  fc.constantFrom('K', 'M', '15-24', null, 0, 1, -0.5, 2024),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true }),
);
const rows = fc.array(
  fc.record({ row: fc.nat(), values: fc.array(value, { minLength: WIDTH, maxLength: WIDTH }) }),
  { maxLength: 300 },
);

describe('packed rows', () => {
  it('read back every row, cell by cell and whole, after a transfer', () => {
    fc.assert(
      fc.property(rows, (original: ValidatedRow[]) => {
        const data = packRows(original, WIDTH);
        const received = new PackedRows(structuredClone(data, { transfer: transferables(data) }));
        expect(received.length).toBe(original.length);
        // Map keys treat -0 as 0; the stored value is the same number.
        const same = (entry: ValidatedRow) => ({
          row: entry.row,
          values: entry.values.map((v) => (v === 0 ? 0 : v)),
        });
        expect(received.entries().map(same)).toEqual(original.map(same));
        original.forEach((entry, index) => {
          expect(received.rowNumber(index)).toBe(entry.row);
          for (let column = 0; column < WIDTH; column++)
            expect(received.cell(index, column) === 0 ? 0 : received.cell(index, column)).toEqual(
              entry.values[column] === 0 ? 0 : entry.values[column],
            );
        });
      }),
      { numRuns: 200 },
    );
  });

  it('send repeated values as codes and unique ones as they are', () => {
    const original = Array.from({ length: 1000 }, (_, i) => ({
      row: i + 2,
      values: [`U-${i}`, i % 2 ? 'K' : 'M'],
    }));
    const data = packRows(original, 2);
    expect(data.columns[0]?.codes).toBeNull();
    expect(data.columns[1]?.values).toEqual(['M', 'K']);
    expect(data.columns[1]?.codes).toBeInstanceOf(Int32Array);
  });

  it('plain rows answer as packed ones do', () => {
    const original = [{ row: 5, values: ['a', 1] }];
    const plain = new PlainRows(original);
    expect([plain.length, plain.rowNumber(0), plain.cell(0, 1), plain.entries()]).toEqual([
      1,
      5,
      1,
      original,
    ]);
  });
});
