// The long table of a data cube (JSON-stat, PX): one row per cell, with each dimension's code and label.
import { AppError } from '../../errors.js';
import { IMPORT_SETTINGS } from '../import-settings.js';
import { bilingual, issue } from '../texts.js';
import { checkHeaderNames } from './reader-errors.js';
import type { RawRow, RawValue } from './table.js';

export interface CubeDimension {
  id: string;
  /** Category codes, in the cube's order. */
  codes: string[];
  /** Category labels, parallel to `codes`. */
  labels: string[];
}

/** One cell of the cube: its value, and the raw status or missing marker (e.g. ".."). */
export interface Observation {
  value: RawValue;
  status: string | null;
}

/** `<id>` and `<id>_label` per dimension, then `value` and `status`; names must not collide. */
export function cubeColumns(file: string, dimensions: CubeDimension[]): string[] {
  const columns = [...dimensions.flatMap(({ id }) => [id, `${id}_label`]), 'value', 'status'];
  checkHeaderNames(file, columns, 1, (index) => columns[index] ?? String(index + 1));
  return columns;
}

/** The number of cells: the product of the dimensions' sizes. */
export function cubeSize(dimensions: CubeDimension[]): number {
  return dimensions.reduce((product, { codes }) => product * codes.length, 1);
}

/** A cube larger than the limit is refused from its dimensions alone, before a single cell is read. */
export function checkCubeCells(file: string, dimensions: CubeDimension[]): void {
  const cells = cubeSize(dimensions);
  const limit = IMPORT_SETTINGS.limits.cubeCells;
  if (cells <= limit) return;
  throw new AppError('too_large', `Cannot read ${file}: the table is too large`, [
    issue(
      'file',
      bilingual(
        `its dimensions (${describeSize(dimensions)}) make ${cells} cells, more than the ${limit} an import takes: ask for a narrower table`,
        `dens dimensioner (${describeSize(dimensions)}) giver ${cells} celler, mere end de ${limit}, en import tager: bed om en smallere tabel`,
      ),
      { file },
    ),
  ]);
}

/**
 * Pairs the observations, in row-major order (the last dimension varies fastest), with their categories.
 * A count other than the cube's size is an error, raised once the surplus or the shortfall shows.
 */
export async function* cubeRows(
  dimensions: CubeDimension[],
  observations: AsyncIterable<Observation> | Iterable<Observation>,
  countMismatch: (expected: number, found: number) => AppError,
): AsyncGenerator<RawRow> {
  const expected = cubeSize(dimensions);
  const position = dimensions.map(() => 0);
  let found = 0;
  for await (const { value, status } of observations) {
    found++;
    if (found > expected) continue; // keep counting, so the error can say how many there are
    const values: RawValue[] = [];
    dimensions.forEach(({ codes, labels }, index) => {
      const at = position[index] as number;
      values.push(codes[at] as string, labels[at] as string);
    });
    values.push(value, status);
    yield { row: found, values };
    for (let index = dimensions.length - 1; index >= 0; index--) {
      const next = (position[index] as number) + 1;
      if (next < (dimensions[index] as CubeDimension).codes.length) {
        position[index] = next;
        break;
      }
      position[index] = 0;
    }
  }
  if (found !== expected) throw countMismatch(expected, found);
}

/** "3 × 4 × 2" for messages about a cube's size. */
export function describeSize(dimensions: CubeDimension[]): string {
  return dimensions.map(({ codes }) => codes.length).join(' × ');
}
