// Disclosure control over a whole cube with all its margins (METHODS §9), so that every table cut from it is
// protected at once: any published cell, in any grouping or filter, is protected the same way.
import { StatsInputError } from './stats-input-error.js';

export interface CubeDimension {
  /** Number of values, margins included. */
  size: number;
  /** For each value, the index of the margin it adds up to, or -1 for the dimension's grand total. */
  parent: readonly number[];
}

export interface CubeSuppressionInput {
  /** Cells in mixed-radix order (first dimension slowest); margins hold the sums of their children. */
  dimensions: readonly CubeDimension[];
  counts: Float64Array;
  /** 1 for cells exempt from suppression (public by law or practice); they are published and never partners. */
  exempt?: Uint8Array;
  /** Counts with 0 < x < minCount are suppressed (k, default 5). */
  minCount?: number;
}

export const CELL_PUBLISHED = 0;
export const CELL_PRIMARY = 1;
export const CELL_SECONDARY = 2;

export interface CubeSuppressionResult {
  /** Per cell: CELL_PUBLISHED, CELL_PRIMARY or CELL_SECONDARY. */
  status: Uint8Array;
  /** Groups left with a single suppressed cell because no other cell could be suppressed with it. */
  unprotectedGroups: number;
  passes: number;
}

interface Group {
  /** Offset of the group's total cell from the group's base index. */
  total: number;
  /** Offsets of the cells that add up to the total. */
  children: number[];
}

function groupsOf(dimension: CubeDimension, stride: number): Group[] {
  const children = new Map<number, number[]>();
  dimension.parent.forEach((parent, value) => {
    if (parent < 0) return;
    if (parent >= dimension.size)
      throw new StatsInputError('dimensions.parent', `value ${parent} out of range`);
    children.set(parent, [...(children.get(parent) ?? []), value * stride]);
  });
  return [...children].map(([parent, offsets]) => ({ total: parent * stride, children: offsets }));
}

/**
 * Primary suppression of small counts, then secondary suppression until stable: whenever a margin and the cells
 * adding up to it (along any one dimension, the others held fixed) have exactly one suppressed cell among them,
 * the smallest positive, non-exempt cell of the group is suppressed too (children before the margin; a zero
 * only when nothing else is left). What cannot be protected is counted in `unprotectedGroups`.
 */
export function suppressCube(input: CubeSuppressionInput): CubeSuppressionResult {
  const { dimensions, counts } = input;
  const minCount = input.minCount ?? 5;
  const cellCount = dimensions.reduce((product, d) => product * d.size, 1);
  if (counts.length !== cellCount)
    throw new StatsInputError('counts', `has ${counts.length} cells, the dimensions make ${cellCount}`);
  const exempt = input.exempt ?? new Uint8Array(cellCount);
  const status = new Uint8Array(cellCount);
  for (let cell = 0; cell < cellCount; cell++) {
    const x = counts[cell] as number;
    if (x > 0 && x < minCount && exempt[cell] === 0) status[cell] = CELL_PRIMARY;
  }

  const strides: number[] = [];
  let stride = 1;
  for (let d = dimensions.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= (dimensions[d] as CubeDimension).size;
  }
  const layouts = dimensions.map((dimension, d) => {
    const inner = strides[d] as number;
    return { inner, block: inner * dimension.size, groups: groupsOf(dimension, inner) };
  });

  const eligible = (cell: number) => status[cell] === CELL_PUBLISHED && exempt[cell] === 0;
  /** The cell to suppress beside a group's lone suppressed one, or -1. */
  const partner = (base: number, group: Group): number => {
    let best = -1;
    let zero = -1;
    for (const offset of group.children) {
      const cell = base + offset;
      if (!eligible(cell)) continue;
      const x = counts[cell] as number;
      if (x > 0 && (best < 0 || x < (counts[best] as number))) best = cell;
      if (x === 0 && zero < 0) zero = cell;
    }
    if (best >= 0) return best;
    const total = base + group.total;
    if (eligible(total) && (counts[total] as number) > 0) return total;
    return zero;
  };
  const suppressedIn = (base: number, group: Group): number => {
    let n = status[base + group.total] === CELL_PUBLISHED ? 0 : 1;
    for (const offset of group.children) if (status[base + offset] !== CELL_PUBLISHED) n++;
    return n;
  };

  let passes = 0;
  let unprotectedGroups = 0;
  let changed = true;
  while (changed) {
    changed = false;
    passes++;
    unprotectedGroups = 0;
    for (const { inner, block, groups } of layouts) {
      for (let outer = 0; outer < cellCount; outer += block) {
        for (let offset = 0; offset < inner; offset++) {
          const base = outer + offset;
          for (const group of groups) {
            if (suppressedIn(base, group) !== 1) continue;
            const cell = partner(base, group);
            if (cell < 0) {
              unprotectedGroups++;
              continue;
            }
            status[cell] = CELL_SECONDARY;
            changed = true;
          }
        }
      }
    }
  }
  return { status, unprotectedGroups, passes };
}
