// Mean of a set of values with a Student t confidence interval (METHODS §5).
import { resolveConfidence, tailProbability } from './confidence.js';
import { tQuantile } from './distributions.js';
import { type Estimate, isPresent, type Maybe, requireFinite, sum } from './inputs.js';

export interface MeanInput {
  values: readonly Maybe<number>[];
}

export type MeanResult = Estimate & {
  value_sum: number | null;
  value_count: number | null;
  stdev: number | null;
};

function nullMean(): MeanResult {
  return { value: null, lowercl: null, uppercl: null, value_sum: null, value_count: null, stdev: null };
}

/** PHEindicatormethods `phe_mean`: value ± t(1 − α/2; k − 1) · sd/√k, sd with k − 1 in the denominator. */
export function pheMean(input: MeanInput, options: { confidence?: Maybe<number> } = {}): MeanResult {
  const confidence = resolveConfidence(options.confidence);
  const { values } = input;
  // Like R's sum() without na.rm: one missing value makes the whole mean NA rather than silently biased.
  if (values.length === 0 || !values.every(isPresent)) return nullMean();
  values.forEach((value, i) => {
    requireFinite(`values[${i}]`, value);
  });
  const count = values.length;
  const total = sum(values);
  const mean = total / count;
  if (count < 2) {
    return { value: mean, lowercl: null, uppercl: null, value_sum: total, value_count: count, stdev: null };
  }
  const stdev = Math.sqrt(sum(values.map((value) => (value - mean) ** 2)) / (count - 1));
  const halfWidth = (tQuantile(1 - tailProbability(confidence), count - 1) * stdev) / Math.sqrt(count);
  return {
    value: mean,
    lowercl: mean - halfWidth,
    uppercl: mean + halfWidth,
    value_sum: total,
    value_count: count,
    stdev,
  };
}
