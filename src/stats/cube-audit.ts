// The disclosure audit of a protected cube, one slice (a value of its first dimension, e.g. one year) at a time: the
// slice's additive lines along every other dimension are the constraints an attacker has.
import type { Highs } from 'highs';
import { CELL_PRIMARY, CELL_PUBLISHED, type CubeDimension } from './cube-suppression.js';
import { type AdditiveLine, type AuditResult, auditTable } from './disclosure-audit.js';
import { StatsInputError } from './stats-input-error.js';

export interface CubeAuditInput {
  dimensions: readonly CubeDimension[];
  counts: Float64Array;
  /** Per cell: CELL_PUBLISHED, CELL_PRIMARY or CELL_SECONDARY (as suppressCube decides). */
  status: Uint8Array;
}

/** Every line of one slice: a margin and its children along one dimension, the others held fixed. */
function* sliceLines(dimensions: readonly CubeDimension[], sliceSize: number): Generator<AdditiveLine> {
  let stride = sliceSize;
  for (let d = 1; d < dimensions.length; d++) {
    const dimension = dimensions[d] as CubeDimension;
    stride /= dimension.size;
    const children = new Map<number, number[]>();
    dimension.parent.forEach((parent, value) => {
      if (parent >= 0) children.set(parent, [...(children.get(parent) ?? []), value]);
    });
    const block = stride * dimension.size;
    for (let outer = 0; outer < sliceSize; outer += block)
      for (let inner = 0; inner < stride; inner++)
        for (const [parent, values] of children)
          yield {
            total: outer + inner + parent * stride,
            children: values.map((value) => outer + inner + value * stride),
          };
  }
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
  const [first, ...rest] = cube.dimensions;
  if (first === undefined || first.parent.some((parent) => parent >= 0))
    throw new StatsInputError('dimensions', 'the first dimension must have no margins');
  if (slice < 0 || slice >= first.size) throw new StatsInputError('slice', `${slice} is out of range`);
  const sliceSize = rest.reduce((product, d) => product * d.size, 1);
  const start = slice * sliceSize;
  const status = cube.status.subarray(start, start + sliceSize);
  const result = auditTable(
    highs,
    {
      values: cube.counts.subarray(start, start + sliceSize),
      hidden: Uint8Array.from(status, (s) => (s === CELL_PUBLISHED ? 0 : 1)),
      lines: sliceLines(cube.dimensions, sliceSize),
      sensitive: (cell) => status[cell] === CELL_PRIMARY,
    },
    width,
  );
  return { ...result, unprotected: result.unprotected.map((c) => ({ ...c, cell: c.cell + start })) };
}
