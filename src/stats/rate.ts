// Rates and counts with Poisson confidence limits: exact (chi-square) below 10 events, Byar from 10 (METHODS §2).
import { resolveConfidence, tailProbability, zValue } from './confidence.js';
import { chiSquareQuantile } from './distributions.js';
import {
  type CiOptions,
  type Estimate,
  estimate,
  isPresent,
  type Limits,
  type Maybe,
  nullEstimate,
  requireNonNegative,
  requirePositive,
  resolveMultiplier,
} from './inputs.js';

export interface CountInput {
  x?: Maybe<number>;
}

export interface RateInput {
  /** Number of events. */
  x?: Maybe<number>;
  /** Population or person-time at risk. */
  n?: Maybe<number>;
}

/** PHEindicatormethods switches from the exact method to Byar's approximation at this many events. */
export const BYAR_MIN_COUNT = 10;
const DEFAULT_RATE_MULTIPLIER = 100_000;
const DEFAULT_COUNT_MULTIPLIER = 1;

/**
 * Byar's lower limit x(1 − 1/(9x) − z/(3√x))³. Not defined for x = 0, and it goes negative for very small x at
 * high confidence; PHE reports NA then, so we return null.
 */
export function byarsLower(x: number, confidence: number): number | null {
  const z = zValue(confidence);
  const lower = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  return Number.isFinite(lower) && lower >= 0 ? lower : null;
}

/** Byar's upper limit (x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³; this is PHE's form, not the x + 0.5 variant. */
export function byarsUpper(x: number, confidence: number): number {
  const z = zValue(confidence);
  const shifted = x + 1;
  return shifted * (1 - 1 / (9 * shifted) + z / (3 * Math.sqrt(shifted))) ** 3;
}

/** Exact Poisson limits for a count via the chi-square distribution: χ²(α/2; 2x)/2 and χ²(1 − α/2; 2x + 2)/2. */
export function exactPoissonLimits(x: number, confidence: number): Limits {
  const tail = tailProbability(confidence);
  return {
    lower: x === 0 ? 0 : chiSquareQuantile(tail, 2 * x) / 2,
    upper: chiSquareQuantile(1 - tail, 2 * x + 2) / 2,
  };
}

export function byarsLimits(x: number, confidence: number): Limits {
  return { lower: byarsLower(x, confidence), upper: byarsUpper(x, confidence) };
}

/** PHE's rule for a count: exact below BYAR_MIN_COUNT events, Byar from there on. */
export function poissonLimits(x: number, confidence: number): Limits {
  return x < BYAR_MIN_COUNT ? exactPoissonLimits(x, confidence) : byarsLimits(x, confidence);
}

function countCi(
  input: CountInput,
  options: CiOptions,
  limitsOf: (x: number, confidence: number) => Limits,
): Estimate {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_COUNT_MULTIPLIER);
  if (!isPresent(input.x)) return nullEstimate();
  const x = requireNonNegative('x', input.x);
  return estimate(x, limitsOf(x, confidence), multiplier);
}

/** A bare count with Byar's limits at any count (PHEindicatormethods `byars_lower`/`byars_upper`). */
export function byarsCountCi(input: CountInput, options: CiOptions = {}): Estimate {
  return countCi(input, options, byarsLimits);
}

/** A bare count with exact Poisson limits at any count. */
export function poissonExactCountCi(input: CountInput, options: CiOptions = {}): Estimate {
  return countCi(input, options, exactPoissonLimits);
}

/** PHEindicatormethods `phe_rate`: x/n × multiplier (default per 100,000) with exact or Byar limits. */
export function pheRate(input: RateInput, options: CiOptions = {}): Estimate {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_RATE_MULTIPLIER);
  if (!isPresent(input.x) || !isPresent(input.n)) return nullEstimate();
  const x = requireNonNegative('x', input.x);
  const n = requirePositive('n', input.n);
  return estimate(x, poissonLimits(x, confidence), multiplier / n);
}
