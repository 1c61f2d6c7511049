// Tests for change between two waves or years: Newcombe's difference of proportions and an exact rate ratio (§6).
//
// For two rates we use the ratio of rates with the exact conditional (binomial) interval: given x1 + x2 = N events,
// x1 ~ Binomial(N, π) with π = n1·RR / (n1·RR + n2), so Clopper–Pearson limits on π map to limits on RR through
// RR = π/(1 − π) · n2/n1. It needs no large-count approximation, which matters for small accident counts.
import { resolveConfidence } from './confidence.js';
import {
  type CiOptions,
  type Estimate,
  finiteOrNull,
  isPresent,
  type Maybe,
  nullEstimate,
  requireNonNegative,
  requirePositive,
  resolveMultiplier,
  scale,
} from './inputs.js';
import { checkProportion, clopperPearsonLimits, wilsonLimits } from './proportion.js';

export interface TwoSampleInput {
  x1?: Maybe<number>;
  n1?: Maybe<number>;
  x2?: Maybe<number>;
  n2?: Maybe<number>;
}

const DEFAULT_MULTIPLIER = 1;

function allPresent(input: TwoSampleInput): input is { x1: number; n1: number; x2: number; n2: number } {
  return isPresent(input.x1) && isPresent(input.n1) && isPresent(input.x2) && isPresent(input.n2);
}

/** p1 − p2 with Newcombe's hybrid score ("square-and-add Wilson") interval. */
export function newcombeDifferenceOfProportionsCi(input: TwoSampleInput, options: CiOptions = {}): Estimate {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_MULTIPLIER);
  if (!allPresent(input)) return nullEstimate();
  const { x1, n1, x2, n2 } = input;
  checkProportion(x1, n1, '1');
  checkProportion(x2, n2, '2');
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilsonLimits(x1, n1, confidence);
  const w2 = wilsonLimits(x2, n2, confidence);
  const difference = p1 - p2;
  return {
    value: scale(difference, multiplier),
    lowercl: scale(difference - Math.hypot(p1 - w1.lower, w2.upper - p2), multiplier),
    uppercl: scale(difference + Math.hypot(w1.upper - p1, p2 - w2.lower), multiplier),
  };
}

/** (x1/n1) / (x2/n2) with the exact conditional binomial interval; limits that are infinite come back null. */
export function rateRatioExactCi(
  input: TwoSampleInput,
  options: Pick<CiOptions, 'confidence'> = {},
): Estimate {
  const confidence = resolveConfidence(options.confidence);
  if (!allPresent(input)) return nullEstimate();
  const x1 = requireNonNegative('x1', input.x1);
  const n1 = requirePositive('n1', input.n1);
  const x2 = requireNonNegative('x2', input.x2);
  const n2 = requirePositive('n2', input.n2);
  const events = x1 + x2;
  if (events === 0) return nullEstimate();
  const share = clopperPearsonLimits(x1, events, confidence);
  const toRatio = (pi: number | null) => (pi === null ? null : finiteOrNull((pi / (1 - pi)) * (n2 / n1)));
  return {
    value: finiteOrNull(x1 / n1 / (x2 / n2)),
    lowercl: toRatio(share.lower),
    uppercl: toRatio(share.upper),
  };
}

/**
 * Whether an interval excludes the value of "no change" (0 for a difference, 1 for a ratio). A null limit is
 * open-ended (e.g. infinite) and excludes nothing on its side; with neither limit there is no answer (null).
 */
export function excludesNoChange(interval: Estimate, noChange: number): boolean | null {
  if (interval.lowercl !== null && interval.lowercl > noChange) return true;
  if (interval.uppercl !== null && interval.uppercl < noChange) return true;
  return interval.lowercl === null && interval.uppercl === null ? null : false;
}
