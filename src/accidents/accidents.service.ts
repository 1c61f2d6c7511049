// One entry point for every accident measure, shared by the web API and the CLI: parse the parameters, pick the
// measure, and answer from the protected cube (or, for the stewards' case list, from the records).
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { listTargets } from '../targets/targets.service.js';
import {
  accidentTrend,
  ageComparison,
  COMPARED_BANDS,
  type ComparedBand,
  labourLoss,
  standardisedIncidence,
  type TrendTarget,
} from './measures.js';
import { parseFilters, type RawParameters } from './query.js';
import { type Answer, type AnswerOptions, accidentRates } from './rates.js';
import { ACCIDENT_INDICATOR_SOURCE } from './series.js';
import type { AccidentStatistics } from './statistics.js';

export const MEASURES = ['rates', 'age-comparison', 'standardised', 'labour-loss', 'trend'] as const;
export type MeasureName = (typeof MEASURES)[number];

export { ACCIDENT_INDICATOR_SOURCE };

/** Column names of an empty answer's files, so a download always has a header. */
export const EMPTY_COLUMNS: Record<MeasureName, string[]> = {
  rates: ['count', 'denominator', 'value', 'lowercl', 'uppercl', 'suppressed', 'exempt'],
  'age-comparison': ['band', 'count', 'denominator', 'value', 'rateRatio', 'suppressed'],
  standardised: ['count', 'value', 'lowercl', 'uppercl', 'strata', 'suppressed', 'valueNote'],
  'labour-loss': ['count', 'daysTotal', 'fullTimeYears', 'suppressed'],
  trend: ['year', 'count', 'denominator', 'value', 'lowercl', 'uppercl', 'suppressed'],
};

const EXTRA_PARAMETERS: Record<MeasureName, string[]> = {
  rates: [],
  'age-comparison': ['band'],
  standardised: [],
  'labour-loss': [],
  trend: [],
};

function bandsOf(raw: RawParameters): ComparedBand[] {
  const given = (raw.band ?? []).flatMap((value) => value.split(',')).map((value) => value.trim());
  if (given.length === 0) return Object.keys(COMPARED_BANDS) as ComparedBand[];
  const unknown = given.filter((value) => !(value in COMPARED_BANDS));
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_input',
      'Invalid accident statistics query',
      unknown.map((value) => ({
        field: 'band',
        message: `"${value}" is not one of ${Object.keys(COMPARED_BANDS).join(', ')}`,
      })),
    );
  }
  return [...new Set(given)] as ComparedBand[];
}

/** The branch's target on an accident-register indicator, if it has one. */
async function accidentTarget(db: Db, branch: string | undefined): Promise<TrendTarget | null> {
  if (branch === undefined) return null;
  const targets = await listTargets(db, { branch });
  const target = targets.find((t) => t.indicator.dataSource === ACCIDENT_INDICATOR_SOURCE);
  return target === undefined
    ? null
    : {
        id: target.id,
        baselineYear: target.baseline.year,
        baselineValue: target.baseline.value,
        targetYear: target.target.year,
        targetValue: target.target.value,
      };
}

export async function answerMeasure(
  db: Db,
  statistics: AccidentStatistics,
  measure: MeasureName,
  raw: RawParameters,
  options: AnswerOptions = {},
): Promise<Answer<object>> {
  const filters = parseFilters(raw, EXTRA_PARAMETERS[measure]);
  const bands = measure === 'age-comparison' ? bandsOf(raw) : [];
  const data = await statistics.current();
  switch (measure) {
    case 'rates':
      return accidentRates(data, filters, options);
    case 'age-comparison':
      return ageComparison(data, filters, bands, options);
    case 'standardised':
      return standardisedIncidence(data, filters, options);
    case 'labour-loss':
      return labourLoss(data, filters, options);
    case 'trend': {
      const target = filters.branch.length === 1 ? await accidentTarget(db, filters.branch[0]) : null;
      return accidentTrend(data, filters, target, options);
    }
  }
}
