// Disclosure protection of the accident cubes, year by year: the line rules decide a first pattern, the disclosure
// audit (linear programming) adds cells until no hidden count can be pinned narrower than the protection width,
// and the result is stored with a fingerprint of the figures it was computed for. A year whose stored protection
// matches its figures is published with it; any other year with the line rules alone, and answers say so.
import { createHash } from 'node:crypto';
import type { Highs } from 'highs';
import { protectSlice, type SliceProtectionInput } from '../stats/cube-audit.js';
import { CELL_PRIMARY, CELL_PUBLISHED, CELL_SECONDARY } from '../stats/index.js';
import { type AccidentCube, type Axis, UNMAPPED } from './cube.js';
import type { StoredProtection } from './protection.repository.js';
import type { AccidentSettings } from './settings.js';

function sliceBounds(cube: AccidentCube, year: number): { start: number; size: number } {
  const slice = cube.years.indexOf(year);
  const size = cube.strides[0] as number;
  return { start: slice * size, size };
}

/**
 * A year's slice as it is protected and fingerprinted: without the branch leaves of accidents lacking a branch group
 * that hold no record in this year. Such a leaf appears in every year once any year has such records; left out, it
 * changes neither this year's fingerprint nor its stored pattern (its cells are zeros, published, and add nothing to
 * the margins), so the years it does not touch keep their audited protection. `cells` are the slice's cells kept.
 */
interface YearSlice {
  input: SliceProtectionInput;
  values: string[][];
  /** Slice-relative cells kept, in order; null when every cell is kept. */
  cells: Int32Array | null;
  start: number;
  size: number;
}

function yearSlice(cube: AccidentCube, year: number, settings: AccidentSettings): YearSlice {
  const { start, size } = sliceBounds(cube, year);
  const dimensions = cube.axes.slice(1);
  const counts = cube.counts.subarray(start, start + size);
  const exempt = cube.exempt.subarray(start, start + size);
  const suppression = {
    minCount: settings.suppression.minCount,
    protectionWidth: settings.suppression.protectionWidth,
  };
  const branch = dimensions.findIndex((axis) => axis.name === 'branch');
  const empty =
    branch < 0
      ? new Set<number>()
      : emptyUnmappedLeaves(dimensions[branch] as Axis, counts, cube.strides[branch + 1] as number);
  if (empty.size === 0)
    return {
      input: { dimensions, counts: counts.slice(), exempt: exempt.slice(), ...suppression },
      values: dimensions.map((axis) => axis.values),
      cells: null,
      start,
      size,
    };
  const axis = dimensions[branch] as Axis;
  const stride = cube.strides[branch + 1] as number;
  const kept: number[] = [];
  for (let cell = 0; cell < size; cell++)
    if (!empty.has(Math.floor(cell / stride) % axis.size)) kept.push(cell);
  const cells = Int32Array.from(kept);
  const reduced = withoutValues(axis, empty);
  const reducedDimensions = dimensions.map((d, i) => (i === branch ? reduced : d));
  return {
    input: {
      dimensions: reducedDimensions,
      counts: Float64Array.from(cells, (cell) => counts[cell] as number),
      exempt: Uint8Array.from(cells, (cell) => exempt[cell] as number),
      ...suppression,
    },
    values: reducedDimensions.map((d) => d.values),
    cells,
    start,
    size,
  };
}

/** Leaves of accidents without a branch group whose cells in this slice are all zero. */
function emptyUnmappedLeaves(axis: Axis, counts: Float64Array, stride: number): Set<number> {
  const unmapped = axis.leaves.filter((leaf) => (axis.values[leaf] as string).startsWith(UNMAPPED));
  if (unmapped.length === 0) return new Set();
  const filled = new Set<number>();
  for (let cell = 0; cell < counts.length; cell++)
    if ((counts[cell] as number) !== 0) filled.add(Math.floor(cell / stride) % axis.size);
  return new Set(unmapped.filter((leaf) => !filled.has(leaf)));
}

/** A dimension without some of its leaves: the others keep their order, margins their parents. */
function withoutValues(
  axis: Axis,
  removed: ReadonlySet<number>,
): { size: number; parent: number[]; values: string[] } {
  const kept = axis.values.map((_, i) => i).filter((i) => !removed.has(i));
  const position = new Map(kept.map((old, i) => [old, i]));
  return {
    size: kept.length,
    values: kept.map((i) => axis.values[i] as string),
    parent: kept.map((i) => {
      const parent = axis.parent[i] as number;
      return parent === -1 ? -1 : (position.get(parent) as number);
    }),
  };
}

/** What a year's protection depends on: its cube's values and figures, exemptions and the suppression settings. */
export function fingerprintOf(cube: AccidentCube, year: number, settings: AccidentSettings): string {
  return fingerprint(yearSlice(cube, year, settings));
}

function fingerprint({ input, values }: YearSlice): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([input.minCount, input.protectionWidth, values]));
  hash.update(new Uint8Array(input.counts.buffer));
  hash.update(input.exempt);
  return hash.digest('hex');
}

export function encodeHidden(status: Uint8Array): string {
  const bits = new Uint8Array(Math.ceil(status.length / 8));
  status.forEach((s, cell) => {
    if (s !== CELL_PUBLISHED) bits[cell >> 3] = (bits[cell >> 3] as number) | (1 << (cell & 7));
  });
  return Buffer.from(bits).toString('base64');
}

/** A stored bitmap back to disclosure statuses (small non-exempt counts are primary, other hidden cells secondary). */
function decodeStatus(hidden: string, input: SliceProtectionInput): Uint8Array {
  const bits = Buffer.from(hidden, 'base64');
  return Uint8Array.from(input.counts, (x, cell) => {
    if (((bits[cell >> 3] ?? 0) & (1 << (cell & 7))) === 0) return CELL_PUBLISHED;
    return x > 0 && x < input.minCount && input.exempt[cell] === 0 ? CELL_PRIMARY : CELL_SECONDARY;
  });
}

/** The statuses of a whole year's slice from those of the cells its protection covers (left-out cells: zeros,
 *  published). */
function sliceStatus(slice: YearSlice, status: Uint8Array): Uint8Array {
  if (slice.cells === null) return status;
  const full = new Uint8Array(slice.size).fill(CELL_PUBLISHED);
  slice.cells.forEach((cell, i) => {
    full[cell] = status[i] as number;
  });
  return full;
}

/**
 * Puts each year's stored protection into the cube where its fingerprint matches the figures; returns the years
 * published with an audited protection.
 */
export function applyProtection(
  cube: AccidentCube,
  stored: readonly StoredProtection[],
  settings: AccidentSettings,
): number[] {
  const audited: number[] = [];
  for (const protection of stored) {
    if (protection.convention !== cube.convention || !cube.years.includes(protection.year)) continue;
    const slice = yearSlice(cube, protection.year, settings);
    if (protection.fingerprint !== fingerprint(slice)) continue;
    cube.status.set(sliceStatus(slice, decodeStatus(protection.hidden, slice.input)), slice.start);
    audited.push(protection.year);
  }
  return audited.sort((a, b) => a - b);
}

/** Protects one year of a cube with the audit; the row to store, and what is still unprotected (normally none). */
export function protectYear(
  highs: Highs,
  cube: AccidentCube,
  year: number,
  settings: AccidentSettings,
  now: Date,
) {
  const slice = yearSlice(cube, year, settings);
  const result = protectSlice(highs, slice.input);
  const row: StoredProtection = {
    convention: cube.convention,
    year,
    fingerprint: fingerprint(slice),
    hidden: encodeHidden(result.status),
    addedCells: result.added.length,
    rounds: result.rounds,
    computedAt: now.toISOString(),
  };
  return { row, unprotected: result.unprotected, solves: result.solves };
}
