// Funnel-plot control limits for proportions around an average, at any confidence (95 % and 99.8 % as standard).
import { resolveConfidence, zValue } from './confidence.js';
import {
  type CiOptions,
  type Estimate,
  isPresent,
  type Maybe,
  nullEstimate,
  requirePositive,
  resolveMultiplier,
  scale,
} from './inputs.js';
import { StatsInputError } from './stats-input-error.js';

export interface FunnelProportionInput {
  /** Denominator of the unit plotted (the funnel's x axis). */
  population?: Maybe<number>;
  /** Σ numerators / Σ denominators over all units. */
  average_proportion?: Maybe<number>;
}

const DEFAULT_MULTIPLIER = 100;

/**
 * Control limits p̄ ± z·√(p̄(1 − p̄)/N), clipped to [0, 1] × multiplier. PHEindicatormethods writes this as an
 * inverse-Wilson "sigma adjustment", but that expression simplifies algebraically to this normal form.
 * The 95 % limits use z(0.975), the 99.8 % limits z(0.999).
 */
export function funnelProportionControlLimits(
  input: FunnelProportionInput,
  options: CiOptions = {},
): Estimate {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_MULTIPLIER);
  const { population, average_proportion: average } = input;
  if (!isPresent(population) || !isPresent(average)) return nullEstimate();
  requirePositive('population', population);
  if (!(average >= 0 && average <= 1)) {
    throw new StatsInputError('average_proportion', `must be between 0 and 1, got ${average}`);
  }
  const halfWidth = zValue(confidence) * Math.sqrt((average * (1 - average)) / population);
  return {
    value: scale(average, multiplier),
    lowercl: scale(Math.max(0, average - halfWidth), multiplier),
    uppercl: scale(Math.min(1, average + halfWidth), multiplier),
  };
}
