import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CELL_PRIMARY,
  CELL_PUBLISHED,
  CELL_SECONDARY,
  type CubeDimension,
  suppressCube,
} from './cube-suppression.js';

/** A flat dimension: `leaves` values and their total as the last value. */
const flat = (leaves: number): CubeDimension => ({
  size: leaves + 1,
  parent: [...Array.from({ length: leaves }, () => leaves), -1],
});

/** Build a cube with margins from leaf counts (2 dimensions). */
function cube2(leaves: number[][]): Float64Array {
  const rows = leaves.length;
  const columns = (leaves[0] as number[]).length;
  const counts = new Float64Array((rows + 1) * (columns + 1));
  leaves.forEach((row, r) => {
    row.forEach((x, c) => {
      for (const rr of [r, rows])
        for (const cc of [c, columns])
          counts[rr * (columns + 1) + cc] = (counts[rr * (columns + 1) + cc] ?? 0) + x;
    });
  });
  return counts;
}

describe('suppressCube', () => {
  it('suppresses a small count and the smallest other cell of its row and column', () => {
    // Rows: 3 leaves + total; columns: 2 leaves + total.
    const counts = cube2([
      [3, 40],
      [20, 30],
      [12, 50],
    ]);
    const { status, unprotectedGroups } = suppressCube({ dimensions: [flat(3), flat(2)], counts });
    const at = (r: number, c: number) => status[r * 3 + c];
    expect(at(0, 0)).toBe(CELL_PRIMARY);
    // Column 0 (3, 20, 12 | 35): the next-smallest is 12; row 0 (3, 40 | 43): 40.
    expect(at(2, 0)).toBe(CELL_SECONDARY);
    expect(at(0, 1)).toBe(CELL_SECONDARY);
    // Row 2 now has 12 hidden alone, so its other cell (50) goes too; column 1 then has 40 and 50 hidden.
    expect(at(2, 1)).toBe(CELL_SECONDARY);
    expect(at(1, 0)).toBe(CELL_PUBLISHED);
    expect(at(1, 1)).toBe(CELL_PUBLISHED);
    expect(at(3, 2)).toBe(CELL_PUBLISHED);
    expect(unprotectedGroups).toBe(0);
  });

  it('publishes exempt cells and never picks them as partners', () => {
    const counts = cube2([[2], [3], [30]]);
    const exempt = new Uint8Array(counts.length);
    exempt[0 * 2 + 0] = 1; // row 0 is public
    const { status } = suppressCube({ dimensions: [flat(3), flat(1)], counts, exempt });
    expect(status[0]).toBe(CELL_PUBLISHED);
    expect(status[2]).toBe(CELL_PRIMARY);
    // Rows 1 (3) is primary; its row group is (3 | 3), so the row total goes; the column needs a partner: 30.
    expect(status[4]).toBe(CELL_SECONDARY);
  });

  it('counts groups it cannot protect', () => {
    const counts = cube2([[2], [0]]);
    const exempt = new Uint8Array(counts.length).fill(1);
    exempt[0] = 0;
    const { unprotectedGroups } = suppressCube({ dimensions: [flat(2), flat(1)], counts, exempt });
    expect(unprotectedGroups).toBeGreaterThan(0);
  });

  it('refuses counts that do not fit the dimensions', () => {
    expect(() => suppressCube({ dimensions: [flat(2)], counts: new Float64Array(2) })).toThrow(/counts/);
  });

  it('leaves no group with exactly one hidden cell or hidden cells under a published total adding up to less than the protection width, and no small count published (random 3-D cubes)', () => {
    const leaves = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 24, maxLength: 24 });
    fc.assert(
      fc.property(leaves, (values) => {
        // 2 × 3 × 4 leaves; the middle dimension is hierarchical: leaves 0,1 → margin 3, leaf 2 → margin 4,
        // margins 3 and 4 → grand total 5.
        const dimensions: CubeDimension[] = [flat(2), { size: 6, parent: [3, 3, 4, 5, 5, -1] }, flat(4)];
        const sizes = dimensions.map((d) => d.size);
        const counts = new Float64Array(sizes.reduce((a, b) => a * b, 1));
        const ancestors = (d: number, v: number) => {
          const chain = [v];
          let p = dimensions[d]?.parent[v] ?? -1;
          while (p >= 0) {
            chain.push(p);
            p = dimensions[d]?.parent[p] ?? -1;
          }
          return chain;
        };
        const leafOf2 = [0, 1, 2];
        values.forEach((x, i) => {
          const a = Math.floor(i / 12);
          const b = leafOf2[Math.floor(i / 4) % 3] as number;
          const c = i % 4;
          for (const aa of ancestors(0, a))
            for (const bb of ancestors(1, b))
              for (const cc of ancestors(2, c)) {
                const cell = (aa * 6 + bb) * 5 + cc;
                counts[cell] = (counts[cell] ?? 0) + x;
              }
        });
        const { status, unprotectedGroups } = suppressCube({ dimensions, counts });
        expect(unprotectedGroups).toBe(0);
        counts.forEach((x, cell) => {
          if (x > 0 && x < 5) expect(status[cell]).not.toBe(CELL_PUBLISHED);
        });
        // Every group: a margin and its children along one dimension.
        const index = (coords: number[]) =>
          ((coords[0] as number) * 6 + (coords[1] as number)) * 5 + (coords[2] as number);
        for (let d = 0; d < 3; d++) {
          const others = [0, 1, 2].filter((o) => o !== d);
          const [o1, o2] = others as [number, number];
          for (let v1 = 0; v1 < (sizes[o1] as number); v1++)
            for (let v2 = 0; v2 < (sizes[o2] as number); v2++) {
              const dimension = dimensions[d] as CubeDimension;
              for (let parent = 0; parent < dimension.size; parent++) {
                const kids = dimension.parent.flatMap((p, v) => (p === parent ? [v] : []));
                if (kids.length === 0) continue;
                const cellAt = (value: number) => {
                  const coords = [0, 0, 0];
                  coords[d] = value;
                  coords[o1] = v1;
                  coords[o2] = v2;
                  return index(coords);
                };
                const hidden = [parent, ...kids].filter((v) => status[cellAt(v)] !== CELL_PUBLISHED).length;
                expect(hidden).not.toBe(1);
                // Under a published total, the hidden children add up to at least the protection width (5).
                const hiddenKids = kids.filter((v) => status[cellAt(v)] !== CELL_PUBLISHED);
                if (status[cellAt(parent)] === CELL_PUBLISHED && hiddenKids.length > 0)
                  expect(
                    hiddenKids.reduce((sum, v) => sum + (counts[cellAt(v)] as number), 0),
                  ).toBeGreaterThanOrEqual(5);
              }
            }
        }
      }),
      { numRuns: 200 },
    );
  });
});
