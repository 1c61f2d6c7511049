// Directly standardised rates with the Dobson interval, for independent and non-independent events (METHODS §3).
import { resolveConfidence } from './confidence.js';
import { ESP2013 } from './esp2013.js';
import {
  type CiOptions,
  type Estimate,
  isPresent,
  type Limits,
  type Maybe,
  nullEstimate,
  requireNonNegative,
  requirePositive,
  requireSameLength,
  resolveMultiplier,
  scale,
  sum,
} from './inputs.js';
import { byarsLower, byarsUpper } from './rate.js';
import { StatsInputError } from './stats-input-error.js';

export interface DsrInput {
  /** Events per stratum; a missing count counts as 0 (as in PHEindicatormethods). */
  x: readonly Maybe<number>[];
  /** Population per stratum. */
  n: readonly Maybe<number>[];
  /** Standard population per stratum; defaults to ESP 2013 (19 bands). */
  stdpop?: Maybe<readonly number[]>;
}

export interface DsrNonIndependentInput {
  n: readonly Maybe<number>[];
  stdpop?: Maybe<readonly number[]>;
  /**
   * Unique persons per stratum, keyed by how many events each of them had ("1", "2", …). A person with f events
   * contributes f events to the rate but f² to the variance, which widens the interval for repeat events.
   */
  persons_by_event_frequency: Readonly<Record<string, readonly Maybe<number>[]>>;
}

export type DsrResult = Estimate & {
  total_count: number | null;
  total_pop: number | null;
};

export type DsrNonIndependentResult = Estimate & {
  total_count: number | null;
};

/** Below this total count the DSR is not reliable and PHE reports NA. */
export const DSR_MIN_TOTAL_COUNT = 10;
const DEFAULT_MULTIPLIER = 100_000;

/** The per-stratum factors w_i / n_i, or null when a population is missing (nothing can be standardised then). */
function stratumFactors(n: readonly Maybe<number>[], stdpop: Maybe<readonly number[]>): number[] | null {
  const standard = stdpop ?? ESP2013;
  requireSameLength('stdpop', standard, n.length);
  standard.forEach((w, i) => {
    requireNonNegative(`stdpop[${i}]`, w);
  });
  if (!n.every(isPresent)) return null;
  const totalStandard = sum(standard);
  requirePositive('stdpop', totalStandard);
  return n.map((ni, i) => (standard[i] ?? 0) / requirePositive(`n[${i}]`, ni) / totalStandard);
}

function counts(field: string, values: readonly Maybe<number>[]): number[] {
  return values.map((value, i) => (isPresent(value) ? requireNonNegative(`${field}[${i}]`, value) : 0));
}

/** Σ counts_i · factors_i^power. */
function weighted(countsPerStratum: readonly number[], factors: readonly number[], power: 1 | 2): number {
  let total = 0;
  countsPerStratum.forEach((count, i) => {
    total += count * (factors[i] ?? 0) ** power;
  });
  return total;
}

/** Dobson: scale the Byar limits of the total count O onto the DSR through √(var/O). */
function dobsonLimits(dsr: number, variance: number, totalCount: number, confidence: number): Limits {
  const spread = Math.sqrt(variance / totalCount);
  const lower = byarsLower(totalCount, confidence);
  return {
    lower: lower === null ? null : dsr + spread * (lower - totalCount),
    upper: dsr + spread * (byarsUpper(totalCount, confidence) - totalCount),
  };
}

function dobsonEstimate(
  dsr: number,
  variance: number,
  totalCount: number,
  confidence: number,
  multiplier: number,
): Estimate {
  if (totalCount < DSR_MIN_TOTAL_COUNT) return nullEstimate();
  const limits = dobsonLimits(dsr, variance, totalCount, confidence);
  return {
    value: scale(dsr, multiplier),
    lowercl: scale(limits.lower, multiplier),
    uppercl: scale(limits.upper, multiplier),
  };
}

/** PHEindicatormethods `calculate_dsr` with independent events. */
export function calculateDsr(input: DsrInput, options: CiOptions = {}): DsrResult {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_MULTIPLIER);
  requireSameLength('n', input.n, input.x.length);
  const x = counts('x', input.x);
  const totalCount = sum(x);
  const factors = stratumFactors(input.n, input.stdpop);
  if (factors === null) return { ...nullEstimate(), total_count: totalCount, total_pop: null };
  const totalPop = sum(input.n.filter(isPresent));
  const dsr = weighted(x, factors, 1);
  const variance = weighted(x, factors, 2);
  return {
    ...dobsonEstimate(dsr, variance, totalCount, confidence, multiplier),
    total_count: totalCount,
    total_pop: totalPop,
  };
}

function eventFrequency(key: string): number {
  const frequency = Number(key);
  if (key.trim() === '' || !Number.isFinite(frequency) || frequency <= 0) {
    throw new StatsInputError(
      'persons_by_event_frequency',
      `keys must be positive event counts, got "${key}"`,
    );
  }
  return frequency;
}

/** PHEindicatormethods `calculate_dsr` with `independent_events = FALSE`: persons counted by event frequency. */
export function calculateDsrNonindependent(
  input: DsrNonIndependentInput,
  options: CiOptions = {},
): DsrNonIndependentResult {
  const confidence = resolveConfidence(options.confidence);
  const multiplier = resolveMultiplier(options.multiplier, DEFAULT_MULTIPLIER);
  const strata = input.n.length;
  const groups = Object.entries(input.persons_by_event_frequency).map(([key, persons]) => {
    const field = `persons_by_event_frequency.${key}`;
    requireSameLength(field, persons, strata);
    return { frequency: eventFrequency(key), persons: counts(field, persons) };
  });
  const events = Array.from({ length: strata }, (_, i) =>
    sum(groups.map((group) => group.frequency * (group.persons[i] ?? 0))),
  );
  const totalCount = sum(events);
  const factors = stratumFactors(input.n, input.stdpop);
  if (factors === null) return { ...nullEstimate(), total_count: totalCount };
  const dsr = weighted(events, factors, 1);
  const variance = sum(groups.map((group) => group.frequency ** 2 * weighted(group.persons, factors, 2)));
  return { ...dobsonEstimate(dsr, variance, totalCount, confidence, multiplier), total_count: totalCount };
}
