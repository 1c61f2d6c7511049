// The accident measures beyond plain incidence: young workers and seniors against all ages, incidence
// standardised by branch structure (Dobson), labour-supply loss in full-time years, and the trend of a series
// with the progress engine. All read the same protected cube, so none can reveal a hidden cell.
import { AppError } from '../errors.js';
import { calculateDsr, clopperPearsonProportionCi, type ProgressResult, progress } from '../stats/index.js';
import { type Axis, DIMENSIONS } from './cube.js';
import { gateRows } from './disclosure-gate.js';
import { type Choice, canonical, employedFor, figuresOf, planQuery, planRows } from './plan.js';
import type { AccidentFilters } from './query.js';
import {
  type Answer,
  type AnswerOptions,
  CONFIDENCE,
  defaultPerEmployed,
  describe,
  keyFields,
  RATE_METHOD,
  type RateRow,
  type RowKeys,
  rateRow,
} from './rates.js';
import type { AccidentData } from './statistics.js';

const AGE = DIMENSIONS.indexOf('ageBand');
const BRANCH = DIMENSIONS.indexOf('branch');

export const COMPARED_BANDS = { '15-24': ['15-24'], '55+': ['55-64', '65+'] } as const;
export type ComparedBand = keyof typeof COMPARED_BANDS;

function refuse(field: string, message: string): never {
  throw new AppError('invalid_input', 'Invalid accident statistics query', [{ field, message }]);
}

export interface AgeComparisonRow extends RowKeys {
  band: ComparedBand;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lowercl: number | null;
  uppercl: number | null;
  allAgesCount: number | null;
  allAgesDenominator: number | null;
  allAgesValue: number | null;
  rateRatio: number | null;
  rateRatioLowercl: number | null;
  rateRatioUppercl: number | null;
  suppressed: boolean;
  suppressionReason?: RateRow['suppressionReason'];
}

export const AGE_COMPARISON_METHOD = {
  da: 'Aldersgruppens rate divideret med raten for alle aldre. Konfidensintervallet er eksakt: givet det samlede antal ulykker er aldersgruppens antal binomialfordelt, og Clopper–Pearson-grænserne for andelen ganges med (alle beskæftigede / beskæftigede i aldersgruppen).',
  en: "The age band's rate divided by the rate for all ages. The interval is exact: given the total number of accidents, the band's count is binomial, and the Clopper–Pearson limits of that share are multiplied by (all employed / employed in the band).",
};

/** Young workers (15–24) and seniors (55+) against all ages: rates and the rate ratio with an exact interval. */
export function ageComparison(
  data: AccidentData,
  filters: AccidentFilters,
  bands: readonly ComparedBand[],
  options: AnswerOptions = {},
): Answer<AgeComparisonRow> {
  if (filters.ageBand !== null) refuse('ageBand', 'cannot be used here: the comparison is across age bands');
  if (filters.groupBy.includes('ageBand'))
    refuse('groupBy', '"ageBand" cannot be used here: the bands are the comparison');
  const plan = planQuery(data, filters);
  const perEmployed = defaultPerEmployed(filters);
  const ageAxis = plan.cube.axes[AGE] as Axis;
  const show = (published: boolean) => published || options.unsuppressed === true;
  const rows = planRows(plan).flatMap((all) =>
    bands.map((band): AgeComparisonRow => {
      const leaves = COMPARED_BANDS[band].map((name) => ageAxis.index.get(name) as number);
      const picked: Choice[] = all.picked.map((choice, d) =>
        d === AGE ? { key: band, values: canonical(ageAxis, leaves) } : choice,
      );
      const part = figuresOf(plan, picked);
      const rate = rateRow(plan, part, perEmployed, { unsuppressed: true });
      const allRate = rateRow(plan, all, perEmployed, { unsuppressed: true });
      const published = part.published && all.published;
      let ratio: { value: number | null; lowercl: number | null; uppercl: number | null } = {
        value: null,
        lowercl: null,
        uppercl: null,
      };
      if (
        rate.denominator !== null &&
        allRate.denominator !== null &&
        all.count > 0 &&
        rate.denominator > 0
      ) {
        const scale = allRate.denominator / rate.denominator;
        const share = clopperPearsonProportionCi(
          { x: part.count, n: all.count },
          { confidence: CONFIDENCE, multiplier: 1 },
        );
        ratio = {
          value: share.value === null ? null : share.value * scale,
          lowercl: share.lowercl === null ? null : share.lowercl * scale,
          uppercl: share.uppercl === null ? null : share.uppercl * scale,
        };
      }
      const visible = show(published);
      return {
        ...keyFields(all),
        band,
        count: visible ? part.count : null,
        denominator: rate.denominator,
        value: visible ? rate.value : null,
        lowercl: visible ? rate.lowercl : null,
        uppercl: visible ? rate.uppercl : null,
        allAgesCount: visible ? all.count : null,
        allAgesDenominator: allRate.denominator,
        allAgesValue: visible ? allRate.value : null,
        rateRatio: visible ? ratio.value : null,
        rateRatioLowercl: visible ? ratio.lowercl : null,
        rateRatioUppercl: visible ? ratio.uppercl : null,
        suppressed: !published,
        suppressionReason: part.reason ?? all.reason,
      };
    }),
  );
  return {
    rows: gateRows(rows, options),
    meta: { ...describe(plan, 'age-comparison', AGE_COMPARISON_METHOD, options), perEmployed },
  };
}

export interface StandardisedRow extends RowKeys {
  count: number | null;
  value: number | null;
  lowercl: number | null;
  uppercl: number | null;
  strata: number;
  suppressed: boolean;
  suppressionReason?: RateRow['suppressionReason'];
  /** Why a published row has no standardised value: fewer than 10 accidents in total (METHODS §3). */
  valueNote: 'total_count_below_10' | null;
}

export const STANDARDISED_METHOD = {
  da: 'Direkte standardiseret incidens (Dobson-interval, METHODS §3) med branchegrupperne som strata og den gennemsnitlige beskæftigelse pr. branchegruppe i hele perioden som standard, så år og grupper med forskellig branchesammensætning kan sammenlignes. Under 10 ulykker i alt gives ingen værdi.',
  en: 'Directly standardised incidence (Dobson interval, METHODS §3) with the branch groups as strata and the average employment per branch group over the whole period as the standard, so that years and groups with different branch mixes compare. Below 10 accidents in total no value is given.',
};

/** Incidence standardised by branch structure: branch groups as strata, average employment as the standard. */
export function standardisedIncidence(
  data: AccidentData,
  filters: AccidentFilters,
  options: AnswerOptions = {},
): Answer<StandardisedRow> {
  if (filters.groupBy.includes('branch') || filters.groupBy.includes('mainGroup'))
    refuse('groupBy', 'cannot group by branch or main group: the branch groups are the strata');
  const plan = planQuery(data, filters);
  const perEmployed = defaultPerEmployed(filters);
  const branchAxis = plan.cube.axes[BRANCH] as Axis;
  // The strata are branch groups: accidents without one have no employment and stay out of the rate.
  const strataLeaves = (plan.choices[BRANCH]?.[0]?.values ?? [])
    .flatMap((value) => branchAxis.leavesUnder.get(value) ?? [value])
    .filter((leaf) => data.branchByCode.get(branchAxis.values[leaf] as string)?.unmapped !== true);
  // The standard: each branch group's average employment over every year with data, all ages and both sexes.
  const standard = strataLeaves.map((leaf) => {
    const id = data.branchByCode.get(branchAxis.values[leaf] as string)?.id as number;
    const values = plan.cube.years.map((year) => data.employment.get(year, id, 'all', 'all'));
    return values.every((v) => v !== null) && values.length > 0
      ? (values as number[]).reduce((a, b) => a + b, 0) / values.length
      : null;
  });
  const rows = planRows(plan).map((total): StandardisedRow => {
    const strata = strataLeaves.map((leaf) => {
      const picked = total.picked.map((choice, d) => (d === BRANCH ? { key: null, values: [leaf] } : choice));
      return { figures: figuresOf(plan, picked), employed: employedFor(plan, picked) };
    });
    const published = total.published && strata.every((s) => s.figures.published);
    const usable =
      standard.every((w) => w !== null) && strata.every((s) => s.employed !== null && s.employed > 0);
    const dsr = usable
      ? calculateDsr(
          {
            x: strata.map((s) => s.figures.count),
            n: strata.map((s) => s.employed as number),
            stdpop: standard as number[],
          },
          { multiplier: perEmployed, confidence: CONFIDENCE },
        )
      : null;
    const visible = published || options.unsuppressed === true;
    const tooFew = dsr !== null && dsr.value === null && total.count < 10;
    return {
      ...keyFields(total),
      count: visible ? total.count : null,
      value: visible ? (dsr?.value ?? null) : null,
      lowercl: visible ? (dsr?.lowercl ?? null) : null,
      uppercl: visible ? (dsr?.uppercl ?? null) : null,
      strata: strata.length,
      suppressed: !published,
      suppressionReason: published ? null : (total.reason ?? 'secondary'),
      valueNote: tooFew ? 'total_count_below_10' : null,
    };
  });
  return {
    rows: gateRows(rows, options),
    meta: { ...describe(plan, 'standardised-incidence', STANDARDISED_METHOD, options), perEmployed },
  };
}

export interface LabourLossRow extends RowKeys {
  count: number | null;
  /** Days stated, records with days and imputed days: data stewards only (see disclosure-gate.ts). */
  daysStated?: number | null;
  recordsWithDays?: number | null;
  daysImputed?: number | null;
  daysTotal: number | null;
  fullTimeYears: number | null;
  suppressed: boolean;
  suppressionReason?: RateRow['suppressionReason'];
}

/** Labour-supply loss (METHODS §8): days lost → full-time-equivalent years. */
export function labourLoss(
  data: AccidentData,
  filters: AccidentFilters,
  options: AnswerOptions = {},
): Answer<LabourLossRow> {
  const plan = planQuery(data, filters);
  const { workingDaysPerYear, severityMidpointDays, note } = data.settings.labourLoss;
  const rows = planRows(plan).map((figures): LabourLossRow => {
    const visible = figures.published || options.unsuppressed === true;
    const total = figures.daysLost + figures.daysImputed;
    return {
      ...keyFields(figures),
      count: visible ? figures.count : null,
      daysStated: visible ? figures.daysLost : null,
      recordsWithDays: visible ? figures.daysKnown : null,
      daysImputed: visible ? figures.daysImputed : null,
      daysTotal: visible ? total : null,
      fullTimeYears: visible ? total / workingDaysPerYear : null,
      suppressed: !figures.published,
      suppressionReason: figures.reason,
    };
  });
  const midpoints = `minor ${severityMidpointDays.minor}, serious ${severityMidpointDays.serious}, fatal ${severityMidpointDays.fatal}, unknown ${severityMidpointDays.unknown}`;
  const method = {
    da: `Tabt arbejdsudbud: fraværsdage lagt sammen og divideret med ${workingDaysPerYear} arbejdsdage pr. fuldtidsår (METHODS §8). Ulykker uden oplyst fravær tæller med alvorlighedsgradens midtpunkt (${midpoints} dage).`,
    en: `Labour-supply loss: days lost summed and divided by ${workingDaysPerYear} working days per full-time year (METHODS §8). ${note} Midpoints used: ${midpoints} days.`,
  };
  return {
    rows: gateRows(rows, options),
    meta: {
      ...describe(plan, 'labour-supply-loss', method, options),
      ...{ workingDaysPerYear, severityMidpointDays },
    },
  };
}

export interface TrendTarget {
  id: number;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
}

export interface TrendAnswer extends Answer<RateRow> {
  target: TrendTarget | null;
  assessment: ProgressResult | null;
}

/** The yearly series for a filter, with the progress engine's assessment (against a target when one exists). */
export function accidentTrend(
  data: AccidentData,
  filters: AccidentFilters,
  target: TrendTarget | null,
  options: AnswerOptions = {},
): TrendAnswer {
  if (filters.groupBy.some((name) => name !== 'year'))
    refuse('groupBy', 'a trend is one series by year: group by nothing else');
  const series = { ...filters, groupBy: ['year' as const] };
  const plan = planQuery(data, series);
  const perEmployed = defaultPerEmployed(filters);
  const rows = planRows(plan).map((figures) => rateRow(plan, figures, perEmployed, options));
  const points = rows.filter((row) => row.value !== null && !row.suppressed);
  const first = points[0];
  const baselineYear = target?.baselineYear ?? first?.year ?? null;
  let assessment: ProgressResult | null = null;
  if (baselineYear !== null && points.some((p) => p.year === baselineYear) && points.length >= 2) {
    assessment = progress({
      observations: points.map((p) => ({
        year: p.year as number,
        value: p.value,
        lowercl: p.lowercl,
        uppercl: p.uppercl,
        count: p.count,
        n: p.denominator,
      })),
      baseline:
        target === null ? { year: baselineYear } : { year: baselineYear, value: target.baselineValue },
      target: target === null ? null : { year: target.targetYear, value: target.targetValue },
      polarity: 'lower_is_better',
      measure: 'rate',
    });
  }
  return {
    rows: gateRows(rows, options),
    target,
    assessment,
    meta: { ...describe(plan, 'trend', RATE_METHOD, options), perEmployed },
  };
}
