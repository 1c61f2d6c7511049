import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../../test/imports/reader-testing.js';
import { AppError, invalidInput } from '../../errors.js';
import { type CubeDimension, cubeColumns, cubeRows, cubeSize } from './cube-table.js';

const dimension = (id: string, size: number): CubeDimension => ({
  id,
  codes: Array.from({ length: size }, (_, index) => `${id}${index}`),
  labels: Array.from({ length: size }, (_, index) => `${id} ${index}`),
});

const mismatch = (expected: number, found: number) => invalidInput(`expected ${expected}, found ${found}`);

describe('cubeRows', () => {
  it('walks the cube in row-major order: row k holds the categories of cell k', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        async (sizes) => {
          const dimensions = sizes.map((size, index) => dimension(`d${index}`, size));
          const cells = cubeSize(dimensions);
          const observations = Array.from({ length: cells }, (_, cell) => ({ value: cell, status: null }));
          const rows = await readAll({
            settings: { format: 'px' },
            columns: [],
            rows: cubeRows(dimensions, observations, mismatch),
          });
          expect(rows).toHaveLength(cells);
          rows.forEach(({ row, values }, cell) => {
            expect(row).toBe(cell + 1);
            expect(values.at(-2)).toBe(cell);
            // Decode the cell number with the last dimension varying fastest.
            let rest = cell;
            for (let index = sizes.length - 1; index >= 0; index--) {
              const size = sizes[index] as number;
              expect(values[index * 2]).toBe(`d${index}${rest % size}`);
              expect(values[index * 2 + 1]).toBe(`d${index} ${rest % size}`);
              rest = Math.floor(rest / size);
            }
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('reports too few and too many observations with both counts', async () => {
    const dimensions = [dimension('a', 2), dimension('b', 3)];
    const few = Array.from({ length: 5 }, () => ({ value: 1, status: null }));
    const many = Array.from({ length: 8 }, () => ({ value: 1, status: null }));
    const collect = async (observations: typeof few) => {
      for await (const _row of cubeRows(dimensions, observations, mismatch)) {
        // drained
      }
    };
    await expect(collect(few)).rejects.toThrow('expected 6, found 5');
    await expect(collect(many)).rejects.toThrow('expected 6, found 8');
  });
});

describe('cubeColumns', () => {
  it('names code and label columns per dimension, then value and status', () => {
    expect(cubeColumns('x.px', [dimension('tid', 1), dimension('køn', 1)])).toEqual([
      'tid',
      'tid_label',
      'køn',
      'køn_label',
      'value',
      'status',
    ]);
  });

  it('refuses dimensions whose column names collide', () => {
    expect(() => cubeColumns('x.px', [dimension('value', 1)])).toThrow(AppError);
  });
});
