// Progress of a target toward its value (METHODS §7), computed by the stats core from the target's observations.
import { type MeasureKind, type Polarity, progress } from '../stats/index.js';
import type { LeftOut, Observation, Target, TargetAssessment } from './targets.model.js';

/** Which change test fits the indicator's unit: Newcombe for shares, the exact rate ratio for rates. */
export function measureOf(unit: string): MeasureKind {
  if (unit === 'percent' || unit === 'proportion') return 'proportion';
  if (unit.startsWith('per_')) return 'rate';
  return 'other';
}

/**
 * The progress assessment of one target: its baseline and target values, against its published observations.
 * `leftOut` names the observations kept from the public (METHODS §9); the explanation lists them.
 */
export function assessTarget(
  target: Target,
  observations: readonly Observation[],
  leftOut: readonly LeftOut[] = [],
): TargetAssessment {
  const result = progress({
    observations: observations.map((o) => ({
      year: o.year,
      value: o.value,
      lowercl: o.lowercl,
      uppercl: o.uppercl,
      seriesBreak: o.seriesBreak,
      count: o.count,
      n: o.respondents ?? o.denominator,
    })),
    baseline: { year: target.baseline.year, value: target.baseline.value },
    target: { year: target.target.year, value: target.target.value },
    polarity: target.indicator.polarity as Polarity,
    measure: measureOf(target.indicator.unit),
  });
  return { ...result, explanation: { ...result.explanation, leftOut: [...leftOut] } };
}
