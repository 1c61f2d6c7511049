// Disclosure protection of the accident cubes, year by year: the line rules decide a first pattern, the disclosure
// audit (linear programming) adds cells until no hidden count can be pinned narrower than the protection width,
// and the result is stored with a fingerprint of the figures it was computed for. A year whose stored protection
// matches its figures is published with it; any other year with the line rules alone, and answers say so.
import { createHash } from 'node:crypto';
import type { Highs } from 'highs';
import { protectSlice, type SliceProtectionInput } from '../stats/cube-audit.js';
import { CELL_PRIMARY, CELL_PUBLISHED, CELL_SECONDARY } from '../stats/index.js';
import type { AccidentCube } from './cube.js';
import type { StoredProtection } from './protection.repository.js';
import type { AccidentSettings } from './settings.js';

function sliceBounds(cube: AccidentCube, year: number): { start: number; size: number } {
  const slice = cube.years.indexOf(year);
  const size = cube.strides[0] as number;
  return { start: slice * size, size };
}

export function sliceInput(
  cube: AccidentCube,
  year: number,
  settings: AccidentSettings,
): SliceProtectionInput {
  const { start, size } = sliceBounds(cube, year);
  return {
    dimensions: cube.axes.slice(1),
    counts: cube.counts.slice(start, start + size),
    exempt: cube.exempt.slice(start, start + size),
    minCount: settings.suppression.minCount,
    protectionWidth: settings.suppression.protectionWidth,
  };
}

/** What a year's protection depends on: its cube's values and figures, exemptions and the suppression settings. */
export function fingerprintOf(cube: AccidentCube, year: number, settings: AccidentSettings): string {
  const input = sliceInput(cube, year, settings);
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([input.minCount, input.protectionWidth, cube.axes.slice(1).map((a) => a.values)]),
  );
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
    if (protection.fingerprint !== fingerprintOf(cube, protection.year, settings)) continue;
    const input = sliceInput(cube, protection.year, settings);
    cube.status.set(decodeStatus(protection.hidden, input), sliceBounds(cube, protection.year).start);
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
  const input = sliceInput(cube, year, settings);
  const result = protectSlice(highs, input);
  const row: StoredProtection = {
    convention: cube.convention,
    year,
    fingerprint: fingerprintOf(cube, year, settings),
    hidden: encodeHidden(result.status),
    addedCells: result.added.length,
    rounds: result.rounds,
    computedAt: now.toISOString(),
  };
  return { row, unprotected: result.unprotected, solves: result.solves };
}
