// Indirectly standardised ratios (SMR-style) and rates: observed over expected events (METHODS §4).
import { resolveConfidence } from './confidence.js';
import {
  type CiOptions,
  type Estimate,
  estimate,
  isPresent,
  type Maybe,
  nullEstimate,
  requireNonNegative,
  requirePositive,
  requireSameLength,
  resolveMultiplier,
  sum,
} from './inputs.js';
import { poissonLimits } from './rate.js';

export interface IsrInput {
  /** Observed events per stratum in the area; missing counts as 0. */
  x: readonly Maybe<number>[];
  /** Population per stratum in the area; 0 is allowed (the stratum then expects no events). */
  n: readonly Maybe<number>[];
  /** Events per stratum in the reference population. */
  x_ref: readonly Maybe<number>[];
  /** Population per stratum in the reference population. */
  n_ref: readonly Maybe<number>[];
}

export type IsRatioInput = IsrInput & {
  /** 1 for a ratio, 100 for the SMR convention; default 1. */
  refvalue?: Maybe<number>;
};

export type IsRatioResult = Estimate & {
  observed: number | null;
  expected: number | null;
};

export type IsRateResult = IsRatioResult & {
  ref_rate: number | null;
};

const DEFAULT_REFVALUE = 1;
const DEFAULT_RATE_MULTIPLIER = 100_000;

interface Standardisation {
  observed: number;
  /** null when a population or reference value is missing, so nothing can be expected. */
  expected: number | null;
  /** Reference rate Σx_ref / Σn_ref, unscaled. */
  referenceRate: number | null;
}

function standardise(input: IsrInput): Standardisation {
  const strata = input.x.length;
  requireSameLength('n', input.n, strata);
  requireSameLength('x_ref', input.x_ref, strata);
  requireSameLength('n_ref', input.n_ref, strata);
  const observed = sum(input.x.map((x, i) => (isPresent(x) ? requireNonNegative(`x[${i}]`, x) : 0)));
  const { n, x_ref: xRef, n_ref: nRef } = input;
  if (!n.every(isPresent) || !xRef.every(isPresent) || !nRef.every(isPresent)) {
    return { observed, expected: null, referenceRate: null };
  }
  const expected = sum(
    n.map(
      (ni, i) =>
        (requireNonNegative(`x_ref[${i}]`, xRef[i] ?? 0) / requirePositive(`n_ref[${i}]`, nRef[i] ?? 0)) *
        requireNonNegative(`n[${i}]`, ni),
    ),
  );
  return { observed, expected, referenceRate: sum(xRef) / sum(nRef) };
}

/** Observed/expected × factor with exact (O < 10) or Byar limits on O; no suppression (METHODS §4). */
function ratioEstimate(observed: number, expected: number, confidence: number, factor: number): Estimate {
  return estimate(observed, poissonLimits(observed, confidence), factor / expected);
}

/** PHEindicatormethods `calculate_ISRatio`: O/E × refvalue. */
export function calculateIsRatio(
  input: IsRatioInput,
  options: Pick<CiOptions, 'confidence'> = {},
): IsRatioResult {
  const confidence = resolveConfidence(options.confidence);
  const refvalue = isPresent(input.refvalue) ? requirePositive('refvalue', input.refvalue) : DEFAULT_REFVALUE;
  const { observed, expected } = standardise(input);
  const ratio = expected === null ? nullEstimate() : ratioEstimate(observed, expected, confidence, refvalue);
  return { ...ratio, observed, expected };
}

/** PHEindicatormethods `calculate_ISRate`: O/E × the reference rate (per `multiplier`, default 100,000). */
export function calculateIsRate(input: IsrInput, options: CiOptions = {}): IsRateResult {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_RATE_MULTIPLIER);
  const { observed, expected, referenceRate } = standardise(input);
  if (expected === null || referenceRate === null) {
    return { ...nullEstimate(), observed, expected, ref_rate: null };
  }
  const refRate = referenceRate * multiplier;
  return { ...ratioEstimate(observed, expected, confidence, refRate), observed, expected, ref_rate: refRate };
}
