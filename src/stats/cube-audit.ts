// The disclosure audit of a protected cube, one slice (a value of its first dimension, e.g. one year) at a time: the
// slice's additive lines along every other dimension are the constraints an attacker has. And the protection
// that follows from it: hide more cells in a slice until the audit passes.
import type { Highs } from 'highs';
import { CELL_PRIMARY, CELL_PUBLISHED, type CubeDimension, suppressCube } from './cube-suppression.js';
import { type AdditiveLine, type AuditResult, auditTable, type CellInterval } from './disclosure-audit.js';
import { StatsInputError } from './stats-input-error.js';

export interface CubeAuditInput {
  dimensions: readonly CubeDimension[];
  counts: Float64Array;
  /** Per cell: CELL_PUBLISHED, CELL_PRIMARY or CELL_SECONDARY (as suppressCube decides). */
  status: Uint8Array;
}

/** Strides of a cube's dimensions (first dimension slowest). */
function stridesOf(dimensions: readonly CubeDimension[]): number[] {
  const strides: number[] = [];
  let stride = 1;
  for (let d = dimensions.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= (dimensions[d] as CubeDimension).size;
  }
  return strides;
}

/** Every line of a cube: a margin and its children along one dimension, the others held fixed. */
function* cubeLines(dimensions: readonly CubeDimension[]): Generator<AdditiveLine> {
  const strides = stridesOf(dimensions);
  const size = dimensions.reduce((product, d) => product * d.size, 1);
  for (let d = 0; d < dimensions.length; d++) {
    const dimension = dimensions[d] as CubeDimension;
    const stride = strides[d] as number;
    const children = new Map<number, number[]>();
    dimension.parent.forEach((parent, value) => {
      if (parent >= 0) children.set(parent, [...(children.get(parent) ?? []), value]);
    });
    const block = stride * dimension.size;
    for (let outer = 0; outer < size; outer += block)
      for (let inner = 0; inner < stride; inner++)
        for (const [parent, values] of children)
          yield {
            total: outer + inner + parent * stride,
            children: values.map((value) => outer + inner + value * stride),
          };
  }
}

interface Slice {
  dimensions: readonly CubeDimension[];
  start: number;
  size: number;
}

function sliceOf(dimensions: readonly CubeDimension[], slice: number): Slice {
  const [first, ...rest] = dimensions;
  if (first === undefined || first.parent.some((parent) => parent >= 0))
    throw new StatsInputError('dimensions', 'the first dimension must have no margins');
  if (slice < 0 || slice >= first.size) throw new StatsInputError('slice', `${slice} is out of range`);
  const size = rest.reduce((product, d) => product * d.size, 1);
  return { dimensions: rest, start: slice * size, size };
}

/** Audits a slice-sized table: the feasible interval of every hidden small count, given all it publishes. */
function auditSliceTable(
  highs: Highs,
  dimensions: readonly CubeDimension[],
  counts: Float64Array,
  status: Uint8Array,
  width: number,
  checked: (cell: number) => boolean,
): AuditResult {
  return auditTable(
    highs,
    {
      values: counts,
      hidden: Uint8Array.from(status, (s) => (s === CELL_PUBLISHED ? 0 : 1)),
      lines: cubeLines(dimensions),
      sensitive: (cell) => status[cell] === CELL_PRIMARY && checked(cell),
    },
    width,
  );
}

/**
 * Audits one slice of the cube: the feasible interval of every hidden small count (a primary cell) given all the
 * slice publishes. The first dimension must have no margins, so slices are independent tables.
 */
export function auditCubeSlice(
  highs: Highs,
  cube: CubeAuditInput,
  slice: number,
  width: number,
): AuditResult {
  const { dimensions, start, size } = sliceOf(cube.dimensions, slice);
  const status = cube.status.subarray(start, start + size);
  const counts = cube.counts.subarray(start, start + size);
  const result = auditSliceTable(highs, dimensions, counts, status, width, () => true);
  return { ...result, unprotected: result.unprotected.map((c) => ({ ...c, cell: c.cell + start })) };
}

export interface SliceProtectionInput {
  dimensions: readonly CubeDimension[];
  counts: Float64Array;
  exempt: Uint8Array;
  minCount: number;
  protectionWidth: number;
}

export interface SliceProtection {
  /** The slice's disclosure status per cell (slice-local), the audit's additions included. */
  status: Uint8Array;
  /** Slice-local cells hidden because the audit found a count pinned too narrowly without them. */
  added: number[];
  rounds: number;
  solves: number;
  /** Counts still unprotected when nothing more could be hidden (none when protection succeeded). */
  unprotected: CellInterval[];
}

/** The lines through a cell: along each dimension, the cell's siblings and margin, and its children if a margin. */
function linesThrough(dimensions: readonly CubeDimension[], cell: number): number[][] {
  const strides = stridesOf(dimensions);
  const lines: number[][] = [];
  dimensions.forEach((dimension, d) => {
    const stride = strides[d] as number;
    const value = Math.floor(cell / stride) % dimension.size;
    const base = cell - value * stride;
    const parent = dimension.parent[value] as number;
    const childrenOf = (p: number) =>
      dimension.parent.flatMap((q, v) => (q === p ? [base + v * stride] : []));
    if (parent >= 0) lines.push([base + parent * stride, ...childrenOf(parent)]);
    const children = childrenOf(value);
    if (children.length > 0) lines.push([cell, ...children]);
  });
  return lines;
}

/**
 * The published cell to hide so a pinned count gets room: in the lines through it (then through the hidden cells
 * in those lines, and so on), the smallest count of at least `width`, else the largest count there.
 */
function cellToHide(input: SliceProtectionInput, status: Uint8Array, cell: number): number {
  const seen = new Set([cell]);
  let frontier = [cell];
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    let best = -1;
    let fallback = -1;
    const next: number[] = [];
    for (const from of frontier)
      for (const line of linesThrough(input.dimensions, from))
        for (const other of line) {
          if (seen.has(other)) continue;
          seen.add(other);
          if (status[other] !== CELL_PUBLISHED) {
            next.push(other);
            continue;
          }
          const x = input.counts[other] as number;
          if (input.exempt[other] === 1 || x <= 0) continue;
          if (x >= input.protectionWidth && (best < 0 || x < (input.counts[best] as number))) best = other;
          if (fallback < 0 || x > (input.counts[fallback] as number)) fallback = other;
        }
    if (best >= 0 || fallback >= 0) return best >= 0 ? best : fallback;
    frontier = next;
  }
  return -1;
}

const MAX_ROUNDS = 50;

/**
 * Protects one slice-sized table: suppression by the line rules, then the audit; every count it finds pinned too
 * narrowly gets another cell hidden beside it, the line rules run again, and only those counts are audited again
 * (a count once proven wide stays so: hiding more only widens what an attacker must allow).
 */
export function protectSlice(highs: Highs, input: SliceProtectionInput): SliceProtection {
  const suppress = (alsoHidden?: Uint8Array) =>
    suppressCube({
      dimensions: input.dimensions,
      counts: input.counts,
      exempt: input.exempt,
      minCount: input.minCount,
      protectionWidth: input.protectionWidth,
      ...(alsoHidden === undefined ? {} : { alsoHidden }),
    }).status;
  let status = suppress();
  const added: number[] = [];
  let checked: (cell: number) => boolean = () => true;
  const outcome: SliceProtection = { status, added, rounds: 0, solves: 0, unprotected: [] };
  while (outcome.rounds < MAX_ROUNDS) {
    outcome.rounds++;
    const result = auditSliceTable(
      highs,
      input.dimensions,
      input.counts,
      status,
      input.protectionWidth,
      checked,
    );
    outcome.solves += result.solves;
    outcome.unprotected = result.unprotected;
    if (result.unprotected.length === 0) break;
    const hide = result.unprotected
      .map((found) => cellToHide(input, status, found.cell))
      .filter((c) => c >= 0);
    if (hide.length === 0) break;
    for (const cell of new Set(hide)) added.push(cell);
    const alsoHidden = Uint8Array.from(status, (s) => (s === CELL_PUBLISHED ? 0 : 1));
    for (const cell of hide) alsoHidden[cell] = 1;
    status = suppress(alsoHidden);
    const again = new Set(result.unprotected.map((found) => found.cell));
    checked = (cell) => again.has(cell);
  }
  outcome.status = status;
  return outcome;
}
