// Pilot evaluation by difference in differences (METHODS §10): an intervention group (i) and a comparison group (c),
// each measured before (0) and after (1).
//
// Shares: DiD = (p_i1 − p_i0) − (p_c1 − p_c0) with Var = Σ p(1 − p)/n over four independent samples and a normal
// interval. Where a cell has x = 0, x = n or n < 30 the approximation is weak: the answer says so and adds the
// conservative range from the four Wilson limits combined in the worst direction.
// Rates: the same on the log scale, ln(r_i1/r_i0) − ln(r_c1/r_c0) with Var = Σ 1/x, reported as a ratio of rate
// ratios. Paired panels (the same units before and after) are not independent samples: they are refused unless
// the per-unit data are given, which are then compared by their mean change per unit (Welch's standard error).

import { excludesNoChange } from './change.js';
import { resolveConfidence, zValue } from './confidence.js';
import {
  type CiOptions,
  type Estimate,
  finiteOrNull,
  isPresent,
  type Maybe,
  requireNonNegative,
  requirePositive,
  resolveMultiplier,
  scale,
} from './inputs.js';
import { checkProportion, wilsonLimits } from './proportion.js';
import { StatsInputError } from './stats-input-error.js';

const CELLS = ['i0', 'i1', 'c0', 'c1'] as const;
type Cell = (typeof CELLS)[number];

/** The four cells' counts (x) and sample sizes or person-time (n), named as in `maaltal stats --batch`. */
export type DidInput = { [K in `x_${Cell}` | `n_${Cell}`]?: Maybe<number> } & {
  /** True when the same units were measured before and after (a panel): refused without `units`. */
  paired?: boolean | undefined;
  /** Per-unit measurements [before, after] of each group, for paired panels. */
  units_i?: readonly (readonly [number, number])[] | undefined;
  units_c?: readonly (readonly [number, number])[] | undefined;
};

export type DidFormula = 'did_proportions_normal' | 'did_log_rate_ratio' | 'did_paired_mean_change';

export interface DidResult extends Estimate {
  formula: DidFormula;
  /** The interval excludes no effect (0 for a difference, 1 for a ratio of rate ratios); null if not defined. */
  significant: boolean | null;
  /** Some cell has x = 0, x = n or n < 30: the normal approximation is weak (shares only). */
  weakApproximation: boolean;
  /** With a weak approximation, the conservative range from the four Wilson limits (else null). */
  conservative: { lowercl: number | null; uppercl: number | null } | null;
}

const SMALL_SAMPLE = 30;
const DEFAULT_MULTIPLIER = 1;

const PAIRED_REFUSAL =
  'paired samples (the same units before and after) are not independent: the four-cell formula does not apply; ' +
  'supply the per-unit measurements (units_i and units_c as [before, after] pairs)';

function cellsOf(input: DidInput): Record<Cell, { x: number; n: number }> | null {
  const cells = {} as Record<Cell, { x: number; n: number }>;
  for (const cell of CELLS) {
    const x = input[`x_${cell}`];
    const n = input[`n_${cell}`];
    if (!isPresent(x) || !isPresent(n)) return null;
    cells[cell] = { x, n };
  }
  return cells;
}

function emptyResult(formula: DidFormula): DidResult {
  return {
    value: null,
    lowercl: null,
    uppercl: null,
    formula,
    significant: null,
    weakApproximation: false,
    conservative: null,
  };
}

/** Difference in differences of four independent shares (METHODS §10), in units of `multiplier` (1: a fraction). */
export function didProportions(input: DidInput, options: CiOptions = {}): DidResult {
  if (input.paired === true) return pairedMeanChange(input, options);
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_MULTIPLIER);
  const cells = cellsOf(input);
  if (cells === null) return emptyResult('did_proportions_normal');
  for (const cell of CELLS) checkProportion(cells[cell].x, cells[cell].n, `_${cell}`);
  const p = (cell: Cell) => cells[cell].x / cells[cell].n;
  const did = p('i1') - p('i0') - (p('c1') - p('c0'));
  const variance = CELLS.reduce((sum, cell) => sum + (p(cell) * (1 - p(cell))) / cells[cell].n, 0);
  const half = zValue(confidence) * Math.sqrt(variance);
  const interval = { value: did, lowercl: did - half, uppercl: did + half };
  const weak = CELLS.some((cell) => {
    const { x, n } = cells[cell];
    return x === 0 || x === n || n < SMALL_SAMPLE;
  });
  return {
    value: scale(did, multiplier),
    lowercl: scale(interval.lowercl, multiplier),
    uppercl: scale(interval.uppercl, multiplier),
    formula: 'did_proportions_normal',
    significant: excludesNoChange(interval, 0),
    weakApproximation: weak,
    conservative: weak ? wilsonBound(cells, confidence, multiplier) : null,
  };
}

/** (L_i1 − U_i0) − (U_c1 − L_c0) … (U_i1 − L_i0) − (L_c1 − U_c0): each Wilson limit in the worst direction. */
function wilsonBound(cells: Record<Cell, { x: number; n: number }>, confidence: number, multiplier: number) {
  const w = (cell: Cell) => wilsonLimits(cells[cell].x, cells[cell].n, confidence);
  const lower = w('i1').lower - w('i0').upper - (w('c1').upper - w('c0').lower);
  const upper = w('i1').upper - w('i0').lower - (w('c1').lower - w('c0').upper);
  return { lowercl: scale(lower, multiplier), uppercl: scale(upper, multiplier) };
}

/** Ratio of rate ratios (r_i1/r_i0) / (r_c1/r_c0) with a log-scale interval (METHODS §10); null with a zero count. */
export function didRates(input: DidInput, options: Pick<CiOptions, 'confidence'> = {}): DidResult {
  if (input.paired === true) throw new StatsInputError('paired', PAIRED_REFUSAL);
  const confidence = resolveConfidence(options.confidence);
  const cells = cellsOf(input);
  if (cells === null) return emptyResult('did_log_rate_ratio');
  for (const cell of CELLS) {
    requireNonNegative(`x_${cell}`, cells[cell].x);
    requirePositive(`n_${cell}`, cells[cell].n);
  }
  if (CELLS.some((cell) => cells[cell].x === 0)) return emptyResult('did_log_rate_ratio');
  const rate = (cell: Cell) => cells[cell].x / cells[cell].n;
  const logRatio = Math.log(rate('i1') / rate('i0')) - Math.log(rate('c1') / rate('c0'));
  const half = zValue(confidence) * Math.sqrt(CELLS.reduce((sum, cell) => sum + 1 / cells[cell].x, 0));
  const interval = {
    value: finiteOrNull(Math.exp(logRatio)),
    lowercl: finiteOrNull(Math.exp(logRatio - half)),
    uppercl: finiteOrNull(Math.exp(logRatio + half)),
  };
  return {
    ...interval,
    formula: 'did_log_rate_ratio',
    significant: excludesNoChange(interval, 1),
    weakApproximation: false,
    conservative: null,
  };
}

/** Mean change per unit, intervention minus comparison, for paired panels given unit by unit (0/1 or measures). */
function pairedMeanChange(input: DidInput, options: CiOptions): DidResult {
  const units = { i: input.units_i, c: input.units_c };
  if (units.i === undefined || units.c === undefined) throw new StatsInputError('paired', PAIRED_REFUSAL);
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_MULTIPLIER);
  const summary = (name: 'units_i' | 'units_c', pairs: readonly (readonly [number, number])[]) => {
    if (pairs.length < 2) throw new StatsInputError(name, 'needs at least 2 units');
    const changes = pairs.map(([before, after]) => after - before);
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    const variance = changes.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (changes.length - 1);
    return { mean, error: variance / changes.length };
  };
  const i = summary('units_i', units.i);
  const c = summary('units_c', units.c);
  const did = i.mean - c.mean;
  const half = zValue(confidence) * Math.sqrt(i.error + c.error);
  const interval = { value: did, lowercl: did - half, uppercl: did + half };
  return {
    value: scale(did, multiplier),
    lowercl: scale(interval.lowercl, multiplier),
    uppercl: scale(interval.uppercl, multiplier),
    formula: 'did_paired_mean_change',
    significant: excludesNoChange(interval, 0),
    weakApproximation: Math.min(units.i.length, units.c.length) < SMALL_SAMPLE,
    conservative: null,
  };
}
