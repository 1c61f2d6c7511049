// Confidence levels: accepting 0.95 or 95, validating them, and turning them into tail probabilities and z values.
import { normalQuantile } from './distributions.js';
import { isPresent, type Maybe } from './inputs.js';
import { StatsInputError } from './stats-input-error.js';

export const DEFAULT_CONFIDENCE = 0.95;

/**
 * PHEindicatormethods accepts 95 as well as 0.95. A value in (0, 1] is a fraction; a value in
 * [PERCENT_FORM_MIN, 100] is a percentage. Anything between is rejected rather than guessed at:
 * 1.5 is more likely a typo than a 1.5 % confidence level.
 */
const PERCENT_FORM_MIN = 50;
const PERCENT = 100;

/** Returns the confidence level as a fraction in (0, 1]; missing means the default 0.95. */
export function resolveConfidence(confidence?: Maybe<number>): number {
  if (confidence === null || confidence === undefined) return DEFAULT_CONFIDENCE;
  if (isPresent(confidence)) {
    if (confidence > 0 && confidence <= 1) return confidence;
    if (confidence >= PERCENT_FORM_MIN && confidence <= PERCENT) return confidence / PERCENT;
  }
  throw new StatsInputError(
    'confidence',
    `must be a fraction in (0, 1] or a percentage between ${PERCENT_FORM_MIN} and ${PERCENT}, got ${confidence}`,
  );
}

/** α/2, the probability in each tail of a two-sided interval. */
export function tailProbability(confidence: number): number {
  return (1 - confidence) / 2;
}

/** z = Φ⁻¹(1 − α/2); Infinity for confidence 1. */
export function zValue(confidence: number): number {
  return normalQuantile(1 - tailProbability(confidence));
}
