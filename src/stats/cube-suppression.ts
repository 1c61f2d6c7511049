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
  /**
   * Under a published total, the hidden cells must add up to at least this much (default: minCount), so that no
   * one of them can be pinned within a narrower range by subtraction.
   */
  protectionWidth?: number;
  /** Cells already decided to be hidden (e.g. by a disclosure audit): secondary from the start. */
  alsoHidden?: Uint8Array;
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
 * adding up to it (along any one dimension, the others held fixed) have exactly one hidden non-zero cell among
 * them, or the hidden children of a published margin add up to less than the protection width, another
 * non-exempt, non-zero cell of the group is hidden too (children before the margin). What cannot be protected
 * this way is counted in `unprotectedGroups` (the disclosure audit then finds what else to hide).
 */
export function suppressCube(input: CubeSuppressionInput): CubeSuppressionResult {
  const { dimensions, counts } = input;
  const minCount = input.minCount ?? 5;
  const cellCount = dimensions.reduce((product, d) => product * d.size, 1);
  if (counts.length !== cellCount)
    throw new StatsInputError('counts', `has ${counts.length} cells, the dimensions make ${cellCount}`);
  const width = input.protectionWidth ?? minCount;
  const exempt = input.exempt ?? new Uint8Array(cellCount);
  const status = new Uint8Array(cellCount);
  for (let cell = 0; cell < cellCount; cell++) {
    const x = counts[cell] as number;
    if (x > 0 && x < minCount && exempt[cell] === 0) status[cell] = CELL_PRIMARY;
    else if (input.alsoHidden?.[cell] === 1) status[cell] = CELL_SECONDARY;
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
  /**
   * The cell to hide next in a group that is not yet protected, or -1: the smallest child that covers what is
   * missing, else the largest child, else the total. Never a zero: a hidden zero next to published figures is
   * usually pinned at zero, so it protects nothing.
   */
  const partner = (base: number, group: Group, missing: number): number => {
    let covering = -1;
    let largest = -1;
    for (const offset of group.children) {
      const cell = base + offset;
      const x = counts[cell] as number;
      if (!eligible(cell) || x <= 0) continue;
      if (x >= missing && (covering < 0 || x < (counts[covering] as number))) covering = cell;
      if (largest < 0 || x > (counts[largest] as number)) largest = cell;
    }
    if (covering >= 0) return covering;
    if (largest >= 0) return largest;
    const total = base + group.total;
    return eligible(total) && (counts[total] as number) > 0 ? total : -1;
  };
  /** Hidden and not zero: only such cells can keep each other from being worked out. */
  const hiddenCount = (cell: number) => status[cell] !== CELL_PUBLISHED && (counts[cell] as number) > 0;
  /** What the group still needs hidden: 0 when protected (no hidden count, or enough hidden beside each other). */
  const missingIn = (base: number, group: Group): number => {
    const totalHidden = status[base + group.total] !== CELL_PUBLISHED;
    let hidden = hiddenCount(base + group.total) ? 1 : 0;
    let hiddenSum = 0;
    for (const offset of group.children) {
      const cell = base + offset;
      if (!hiddenCount(cell)) continue;
      hidden++;
      hiddenSum += counts[cell] as number;
    }
    if (hidden === 0) return 0;
    if (hidden === 1) return Math.max(1, width - hiddenSum);
    return totalHidden ? 0 : Math.max(0, width - hiddenSum);
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
            const missing = missingIn(base, group);
            if (missing === 0) continue;
            const cell = partner(base, group, missing);
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
