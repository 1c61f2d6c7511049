// Life expectancy from an abridged life table (Chiang II) with Silcocks' variance, as PHEindicatormethods does it.
import { resolveConfidence, zValue } from './confidence.js';
import {
  type Estimate,
  finiteOrNull,
  isPresent,
  type Maybe,
  nullEstimate,
  requireNonNegative,
  requireSameLength,
  sum,
} from './inputs.js';
import { StatsInputError } from './stats-input-error.js';

export interface LifeExpectancyInput {
  /** Start age of each band, ascending from 0; the last band is open-ended (e.g. 0, 1, 5, 10, …, 90). */
  startage: readonly number[];
  pops: readonly Maybe<number>[];
  deaths: readonly Maybe<number>[];
  /** The start age to report life expectancy at; default 0 (at birth). */
  le_age?: Maybe<number>;
}

/** Fraction of the first year lived by infants who die in it; 0.5 elsewhere (deaths spread evenly). */
const INFANT_FRACTION_LIVED = 0.1;
const FRACTION_LIVED = 0.5;
const RADIX = 100_000;
/** Below this many person-years life expectancy is not robust (Toson & Baker 2003). */
const MIN_TOTAL_POPULATION = 5000;
/** A value whose 95 % interval is wider than this many years is suppressed (its limits are still shown). */
const MAX_95_INTERVAL_WIDTH = 20;
const SUPPRESSION_CONFIDENCE = 0.95;

interface LifeTable {
  expectancy: number[];
  standardError: number[];
}

function lifeTable(
  startage: readonly number[],
  pops: readonly number[],
  deaths: readonly number[],
): LifeTable {
  const bands = startage.length;
  const last = bands - 1;
  const rate = deaths.map((d, i) => d / (pops[i] ?? Number.NaN));
  const width = startage.map((age, i) => (i < last ? (startage[i + 1] ?? age) - age : 2 / (rate[i] ?? 0)));
  const lived = startage.map((age) => (age === 0 ? INFANT_FRACTION_LIVED : FRACTION_LIVED));
  const q = rate.map((m, i) => {
    const n = width[i] ?? 0;
    const a = lived[i] ?? 0;
    // More deaths than the band can hold means everyone in it dies.
    return (deaths[i] ?? 0) <= (pops[i] ?? 0) / n / a ? (m * n) / (1 + m * n * (1 - a)) : 1;
  });
  const alive: number[] = [RADIX];
  for (let i = 1; i < bands; i++) alive.push((alive[i - 1] ?? 0) * (1 - (q[i - 1] ?? 0)));
  const aliveAt = (i: number) => alive[i] ?? 0;
  const died = alive.map((l, i) => l - (i < last ? aliveAt(i + 1) : 0));
  const personYears = alive.map((l, i) =>
    i < last ? (width[i] ?? 0) * (aliveAt(i + 1) + (lived[i] ?? 0) * (died[i] ?? 0)) : l / (rate[i] ?? 0),
  );
  const expectancy = alive.map((l, i) => (l === 0 ? 0 : sum(personYears.slice(i)) / l));
  const survivalVariance = q.map((qi, i) => {
    const d = deaths[i] ?? 0;
    if (i === last) return 4 / (d * (rate[i] ?? 0) ** 2);
    return died[i] === 0 ? 0 : (qi ** 2 * (1 - qi)) / d;
  });
  const weighted = survivalVariance.map((s, i) => {
    const l = aliveAt(i);
    if (i === last) return (l / 2) ** 2 * s;
    return s * l ** 2 * ((1 - (lived[i] ?? 0)) * (width[i] ?? 0) + (expectancy[i + 1] ?? 0)) ** 2;
  });
  const standardError = alive.map((l, i) => Math.sqrt(sum(weighted.slice(i)) / l ** 2));
  return { expectancy, standardError };
}

function checkBands(startage: readonly number[]): void {
  if (startage[0] !== 0) throw new StatsInputError('startage', 'the first age band must start at 0');
  startage.forEach((age, i) => {
    if (!Number.isFinite(age) || (i > 0 && age <= (startage[i - 1] ?? age))) {
      throw new StatsInputError('startage', 'must be finite start ages in strictly ascending order');
    }
  });
}

/**
 * PHEindicatormethods `phe_life_expectancy` at one age. Not calculable (null) when a population is missing or 0,
 * deaths exceed the population, the total population is at most 5,000, or the open band has no deaths.
 */
export function pheLifeExpectancy(
  input: LifeExpectancyInput,
  options: { confidence?: Maybe<number> } = {},
): Estimate {
  const confidence = resolveConfidence(options.confidence);
  const { startage } = input;
  checkBands(startage);
  requireSameLength('pops', input.pops, startage.length);
  requireSameLength('deaths', input.deaths, startage.length);
  const leAge = isPresent(input.le_age) ? input.le_age : 0;
  const index = startage.indexOf(leAge);
  if (index < 0) throw new StatsInputError('le_age', `must be one of the start ages, got ${leAge}`);
  if (!input.pops.every(isPresent) || !input.deaths.every(isPresent)) return nullEstimate();
  const pops = input.pops.map((p, i) => requireNonNegative(`pops[${i}]`, p));
  const deaths = input.deaths.map((d, i) => requireNonNegative(`deaths[${i}]`, d));
  const calculable =
    pops.every((p, i) => p > 0 && (deaths[i] ?? 0) <= p) &&
    sum(pops) > MIN_TOTAL_POPULATION &&
    (deaths.at(-1) ?? 0) > 0;
  if (!calculable) return nullEstimate();
  const table = lifeTable(startage, pops, deaths);
  const value = table.expectancy[index] ?? Number.NaN;
  const se = table.standardError[index] ?? Number.NaN;
  const halfWidth = zValue(confidence) * se;
  const tooWide = 2 * zValue(SUPPRESSION_CONFIDENCE) * se > MAX_95_INTERVAL_WIDTH;
  return {
    value: tooWide ? null : finiteOrNull(value),
    lowercl: finiteOrNull(value - halfWidth),
    uppercl: finiteOrNull(value + halfWidth),
  };
}
