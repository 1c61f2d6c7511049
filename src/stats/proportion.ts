// Proportions with confidence intervals: Wilson score (the PHE default, METHODS §1) and Clopper–Pearson exact.
import { resolveConfidence, tailProbability, zValue } from './confidence.js';
import { betaQuantile } from './distributions.js';
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
import { StatsInputError } from './stats-input-error.js';

export interface ProportionInput {
  /** Numerator; may be non-integer (weighted survey counts). */
  x?: Maybe<number>;
  /** Denominator. */
  n?: Maybe<number>;
}

const DEFAULT_MULTIPLIER = 1;

/** Throws unless 0 ≤ x ≤ n and n > 0; `suffix` tells the pairs apart in error messages ("x1", "n2"). */
export function checkProportion(x: number, n: number, suffix = ''): void {
  requireNonNegative(`x${suffix}`, x);
  requirePositive(`n${suffix}`, n);
  if (x > n) throw new StatsInputError(`x${suffix}`, `must not exceed n${suffix} (${x} > ${n})`);
}

/** Wilson score limits on the proportion scale (0–1). */
export function wilsonLimits(x: number, n: number, confidence: number): { lower: number; upper: number } {
  const z = zValue(confidence);
  // Confidence 1 means z = ∞; the limits tend to [0, 1] but the formula would give ∞/∞.
  if (!Number.isFinite(z)) return { lower: 0, upper: 1 };
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denominator = 2 * (n + z2);
  // At x = 0 and x = n the limits are exactly 0 and 1; the formula only gets there up to rounding.
  return {
    lower: x === 0 ? 0 : (centre - spread) / denominator,
    upper: x === n ? 1 : (centre + spread) / denominator,
  };
}

/** Proportion x/n × multiplier with the Wilson score interval (PHEindicatormethods `wilson_lower`/`wilson_upper`). */
export function wilsonProportionCi(input: ProportionInput, options: CiOptions = {}): Estimate {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_MULTIPLIER);
  const { x, n } = input;
  if (!isPresent(x) || !isPresent(n)) return nullEstimate();
  checkProportion(x, n);
  return estimate(x / n, wilsonLimits(x, n, confidence), multiplier);
}

/** PHEindicatormethods `phe_proportion`: the proportion with its Wilson score interval (METHODS §1). */
export function pheProportion(input: ProportionInput, options: CiOptions = {}): Estimate {
  return wilsonProportionCi(input, options);
}

/** Clopper–Pearson "exact" binomial limits from beta quantiles; conservative, used where exact coverage matters. */
export function clopperPearsonProportionCi(input: ProportionInput, options: CiOptions = {}): Estimate {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_MULTIPLIER);
  const { x, n } = input;
  if (!isPresent(x) || !isPresent(n)) return nullEstimate();
  checkProportion(x, n);
  return estimate(x / n, clopperPearsonLimits(x, n, confidence), multiplier);
}

export function clopperPearsonLimits(x: number, n: number, confidence: number): Limits {
  const tail = tailProbability(confidence);
  return {
    lower: x === 0 ? 0 : betaQuantile(tail, x, n - x + 1),
    upper: x === n ? 1 : betaQuantile(1 - tail, x + 1, n - x),
  };
}
