// Comparing groups' rates (METHODS §6): each group against a benchmark value (as Fingertips compares areas with
// England: does the group's interval hold the benchmark?), and pairs of groups with the exact conditional test of
// two Poisson rates, its p-values adjusted for multiple comparisons by Holm's step-down method.
//
// The pairwise test is the one `rateRatioExactCi` inverts: given x1 + x2 = N events, x1 ~ Binomial(N, π0) with
// π0 = n1 / (n1 + n2) when the rates are equal. Its two-sided p-value doubles the smaller tail (the central test
// that Clopper–Pearson limits invert), so p < 1 − confidence exactly when the rate-ratio interval excludes 1.
import { rateRatioExactCi, type TwoSampleInput } from './change.js';
import { resolveConfidence } from './confidence.js';
import { betaQuantile } from './distributions.js';
import { type Estimate, isPresent, requireNonNegative, requirePositive } from './inputs.js';

/** Where a group's value lies against a benchmark: its interval above, below, or holding the benchmark. */
export type BenchmarkComparison = 'higher' | 'lower' | 'similar';

/**
 * A group against a benchmark value (e.g. the national rate): 'higher' when the whole interval lies above it,
 * 'lower' when below, 'similar' when the interval holds it; null without both limits or without a benchmark.
 */
export function compareWithBenchmark(
  interval: Pick<Estimate, 'lowercl' | 'uppercl'>,
  benchmark: number | null,
): BenchmarkComparison | null {
  if (benchmark === null || interval.lowercl === null || interval.uppercl === null) return null;
  if (interval.lowercl > benchmark) return 'higher';
  if (interval.uppercl < benchmark) return 'lower';
  return 'similar';
}

/** Relative tolerance of the beta distribution function found by bisection of its quantile function. */
const CDF_TOLERANCE = 1e-12;
/** The log of the smallest probability searched for; anything smaller is reported as this (about 1e-300). */
const LOG_SMALLEST = -690;

/**
 * P(B ≤ x) for B ~ Beta(a, b), by bisection of the quantile function (increasing in the probability) on the log of
 * the probability, so that tiny tail probabilities keep their relative precision.
 */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  let low = LOG_SMALLEST;
  let high = 0;
  while (high - low > CDF_TOLERANCE) {
    const middle = (low + high) / 2;
    if (betaQuantile(Math.exp(middle), a, b) < x) low = middle;
    else high = middle;
  }
  return Math.exp((low + high) / 2);
}

/** P(X ≥ x) for X ~ Binomial(n, p): the regularised incomplete beta I_p(x, n − x + 1). */
function upperTail(x: number, n: number, p: number): number {
  return x <= 0 ? 1 : betaCdf(p, x, n - x + 1);
}

/** P(X ≤ x) for X ~ Binomial(n, p), as the upper tail of n − X ~ Binomial(n, 1 − p). */
function lowerTail(x: number, n: number, p: number): number {
  return upperTail(n - x, n, 1 - p);
}

/**
 * Two-sided p-value of the exact conditional test that two Poisson rates x1/n1 and x2/n2 are equal (twice the
 * smaller binomial tail, at most 1); null when a count or person-time is missing or there are no events at all.
 */
export function poissonRatesPValue(input: TwoSampleInput): number | null {
  const { x1, n1, x2, n2 } = input;
  if (!isPresent(x1) || !isPresent(n1) || !isPresent(x2) || !isPresent(n2)) return null;
  const events = requireNonNegative('x1', x1) + requireNonNegative('x2', x2);
  const share = requirePositive('n1', n1) / (n1 + requirePositive('n2', n2));
  if (events === 0) return null;
  const smaller = Math.min(lowerTail(x1, events, share), upperTail(x1, events, share));
  return Math.min(1, 2 * smaller);
}

/**
 * Holm's step-down adjustment: the i-th smallest of m p-values times (m − i + 1), never below the adjusted value
 * before it, at most 1. Rejecting where the adjusted value is below α keeps the family-wise error rate at α.
 * Null p-values (no test) stay null and do not count towards m.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues
    .map((p, index) => ({ p, index }))
    .filter((entry): entry is { p: number; index: number } => entry.p !== null)
    .sort((a, b) => a.p - b.p);
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  tested.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, p * (tested.length - rank)));
    adjusted[index] = running;
  });
  return adjusted;
}

export interface RatePairComparison {
  /** Index of the first group in the input, whose rate is the ratio's numerator. */
  first: number;
  second: number;
  /** The rate ratio first / second with its exact interval. */
  ratio: Estimate;
  pValue: number | null;
  /** Holm-adjusted over every pair that could be tested. */
  pAdjusted: number | null;
  /** True when the Holm-adjusted p-value is below 1 − confidence; null when the pair could not be tested. */
  significant: boolean | null;
}

/** A group's events and person-time, or null when it must not be compared (hidden, or no denominator). */
export type ComparedRate = { x: number; n: number } | null;

/**
 * Every pair of groups (i < j) compared: the rate ratio with its exact interval and the exact test, p-values
 * Holm-adjusted across the pairs that could be tested. A pair with a null group gets no figure at all.
 */
export function comparePairsOfRates(
  groups: readonly ComparedRate[],
  options: { confidence?: number } = {},
): RatePairComparison[] {
  const confidence = resolveConfidence(options.confidence);
  const pairs: Omit<RatePairComparison, 'pAdjusted' | 'significant'>[] = [];
  groups.forEach((a, first) => {
    groups.forEach((b, second) => {
      if (second <= first) return;
      if (a === null || b === null) {
        pairs.push({ first, second, ratio: { value: null, lowercl: null, uppercl: null }, pValue: null });
        return;
      }
      const input = { x1: a.x, n1: a.n, x2: b.x, n2: b.n };
      pairs.push({
        first,
        second,
        ratio: rateRatioExactCi(input, { confidence }),
        pValue: poissonRatesPValue(input),
      });
    });
  });
  const adjusted = holmAdjust(pairs.map((pair) => pair.pValue));
  return pairs.map((pair, index) => {
    const pAdjusted = adjusted[index] ?? null;
    return { ...pair, pAdjusted, significant: pAdjusted === null ? null : pAdjusted < 1 - confidence };
  });
}
