// Observations of accident-register indicators, read off the protected cube: a target on such an indicator
// (e.g. a branch's reported accidents per 10,000 employed) is assessed from the accident records themselves.
import type { Db } from '../db/connect.js';
import { accidentFilters } from './query.js';
import { accidentRates, type RateRow } from './rates.js';
import { type AccidentData, AccidentStatistics } from './statistics.js';

export { ACCIDENT_INDICATOR_SOURCE } from './indicator-source.js';

/** Units of accident-register indicators: `per_10000`, `per_100000`, … (reported accidents per N employed). */
export function perEmployedOf(unit: string): number | null {
  const match = /^per_(\d+)$/.exec(unit);
  return match === null ? null : Number(match[1]);
}

const shared = new WeakMap<Db, AccidentStatistics>();

/** One cache of the accident statistics per database handle, shared by every reader in the process. */
export function statisticsFor(db: Db): AccidentStatistics {
  let statistics = shared.get(db);
  if (statistics === undefined) {
    statistics = new AccidentStatistics(db);
    shared.set(db, statistics);
  }
  return statistics;
}

export interface AccidentObservation {
  year: number;
  value: number;
  lowercl: number | null;
  uppercl: number | null;
  count: number;
  denominator: number;
}

/**
 * The published yearly series (registration year) of one branch group, or of all branch groups when `branch`
 * is null; suppressed years and years without employment figures are left out, as on the public site.
 */
export function accidentSeries(
  data: AccidentData,
  branch: string | null,
  unit: string,
): AccidentObservation[] {
  const perEmployed = perEmployedOf(unit);
  if (perEmployed === null || data.cubes.registration.years.length === 0) return [];
  const { rows } = accidentRates(
    data,
    accidentFilters({
      branch: branch === null ? [] : [branch],
      convention: 'registration',
      perEmployed,
      groupBy: ['year'],
    }),
  );
  return rows.filter(isPublishedRate).map((row) => ({
    year: row.year as number,
    value: row.value,
    lowercl: row.lowercl,
    uppercl: row.uppercl,
    count: row.count,
    denominator: row.denominator,
  }));
}

function isPublishedRate(
  row: RateRow,
): row is RateRow & { value: number; count: number; denominator: number; year: number } {
  return !row.suppressed && row.value !== null && row.count !== null && row.denominator !== null;
}
