// Progress of a target toward its value (METHODS §7), computed by the stats core from the target's observations.
import { type MeasureKind, type Polarity, type ProgressResult, progress } from '../stats/index.js';
import type { Observation, Target } from './targets.model.js';

/** Which change test fits the indicator's unit: Newcombe for shares, the exact rate ratio for rates. */
export function measureOf(unit: string): MeasureKind {
  if (unit === 'percent' || unit === 'proportion') return 'proportion';
  if (unit.startsWith('per_')) return 'rate';
  return 'other';
}

/** The progress assessment of one target: its baseline and target values, against its observations. */
export function assessTarget(target: Target, observations: readonly Observation[]): ProgressResult {
  return progress({
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
}
