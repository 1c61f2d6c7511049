// Comparing 2–6 branch groups on one accident indicator in one year (as Fingertips compares areas): each group's
// rate with its interval against the whole country, and every pair with the exact test of two Poisson rates,
// Holm-adjusted. The figures come from the protected accident cube through the disclosure gate: a hidden group
// shows no figure, and no comparison involving it is made.
import { type AccidentFilters, accidentFilters, type RawParameters } from '../accidents/query.js';
import { accidentRates, type RateRow } from '../accidents/rates.js';
import type { AccidentData } from '../accidents/statistics.js';
import { AppError, type Issue } from '../errors.js';
import {
  type BenchmarkComparison,
  type ComparedRate,
  comparePairsOfRates,
  compareWithBenchmark,
} from '../stats/rate-comparison.js';
import {
  COMPARE_METHOD,
  COMPARE_TEXTS,
  INDICATOR_NAMES,
  type Label,
  MULTIPLE_COMPARISONS,
} from './compare.texts.js';

export const COMPARE_INDICATORS = ['reported', 'serious', 'fatal'] as const;
export type CompareIndicator = (typeof COMPARE_INDICATORS)[number];
export const MIN_GROUPS = 2;
export const MAX_GROUPS = 6;
const CONFIDENCE = 0.95;
const PARAMETERS = ['indicator', 'year', 'branch'];

/** Each indicator's accident filters: all reported accidents, serious ones, fatal ones (by accident year). */
const INDICATOR_FILTERS: Record<CompareIndicator, Partial<AccidentFilters>> = {
  reported: {},
  serious: { severity: 'serious' },
  fatal: { fatal: true },
};

export interface CompareQuery {
  indicator: CompareIndicator;
  year: number;
  branches: string[];
}

/** The years an indicator has figures for (fatal accidents are counted by accident year). */
export function yearsOf(data: AccidentData, indicator: CompareIndicator): number[] {
  return data.cubes[indicator === 'fatal' ? 'accident' : 'registration'].years;
}

/** The branch groups that can be compared (not the leaves of accidents without a branch group). */
export function comparableBranches(data: AccidentData) {
  return data.branches.filter((branch) => branch.unmapped !== true);
}

function issue(field: string, message: string, messageDa: string): Issue {
  return { field, message, messageDa };
}

/** One value of a parameter given at most once; problems go to `issues`. */
function single(raw: RawParameters, name: string, issues: Issue[]): string | null {
  const values = (raw[name] ?? []).map((value) => value.trim()).filter((value) => value !== '');
  if (values.length > 1) issues.push(issue(name, 'may be given only once', 'må kun angives én gang'));
  return values[0] ?? null;
}

function parseIndicator(raw: RawParameters, issues: Issue[]): CompareIndicator {
  const value = single(raw, 'indicator', issues) ?? 'reported';
  if ((COMPARE_INDICATORS as readonly string[]).includes(value)) return value as CompareIndicator;
  const allowed = COMPARE_INDICATORS.join(', ');
  issues.push(
    issue('indicator', `"${value}" is not one of ${allowed}`, `"${value}" er ikke en af ${allowed}`),
  );
  return 'reported';
}

function parseYear(raw: RawParameters, years: number[], issues: Issue[]): number {
  const latest = years.at(-1) ?? 0;
  const value = single(raw, 'year', issues);
  if (value === null) return latest;
  const span = `${years[0]}–${latest}`;
  if (!/^[12]\d{3}$/.test(value)) {
    issues.push(
      issue('year', `"${value}" is not a year (four digits)`, `"${value}" er ikke et årstal (fire cifre)`),
    );
  } else if (!years.includes(Number(value))) {
    issues.push(
      issue(
        'year',
        `there are no figures for ${value} (only ${span})`,
        `der er ingen tal for ${value} (kun ${span})`,
      ),
    );
  } else return Number(value);
  return latest;
}

function parseBranches(raw: RawParameters, data: AccidentData, issues: Issue[]): string[] {
  const given = [
    ...new Set(
      (raw.branch ?? [])
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter((value) => value !== ''),
    ),
  ];
  const known = new Set(comparableBranches(data).map((branch) => branch.code));
  for (const code of given.filter((code) => !known.has(code)))
    issues.push(
      issue(
        'branch',
        `"${code}" is not a branch group code`,
        `"${code}" er ikke en kode for en branchegruppe`,
      ),
    );
  if (given.length < MIN_GROUPS)
    issues.push(
      issue(
        'branch',
        COMPARE_TEXTS.en.issueMin(MIN_GROUPS, given.length),
        COMPARE_TEXTS.da.issueMin(MIN_GROUPS, given.length),
      ),
    );
  if (given.length > MAX_GROUPS)
    issues.push(
      issue(
        'branch',
        COMPARE_TEXTS.en.issueMax(MAX_GROUPS, given.length),
        COMPARE_TEXTS.da.issueMax(MAX_GROUPS, given.length),
      ),
    );
  return given;
}

/** Whether anything was asked: without parameters there is only the form (or, in the API, the choices). */
export const asksForComparison = (raw: RawParameters) => Object.keys(raw).length > 0;

/** The query, or one `invalid_input` error naming every field with a problem. */
export function parseCompareQuery(raw: RawParameters, data: AccidentData): CompareQuery {
  const issues: Issue[] = [];
  for (const name of Object.keys(raw).filter((name) => !PARAMETERS.includes(name)))
    issues.push(issue(name, 'is not a known parameter', 'er ikke en kendt parameter'));
  const indicator = parseIndicator(raw, issues);
  const year = parseYear(raw, yearsOf(data, indicator), issues);
  const branches = parseBranches(raw, data, issues);
  if (issues.length > 0) throw new AppError('invalid_input', 'Invalid comparison', issues);
  return { indicator, year, branches };
}

/** A rate as it may be shown: its figures null when hidden (the disclosure gate has already seen to that). */
export interface ComparedFigure {
  count: number | null;
  denominator: number | null;
  value: number | null;
  lowercl: number | null;
  uppercl: number | null;
  suppressed: boolean;
}

export interface ComparedGroup extends ComparedFigure {
  code: string;
  nameDa: string;
  nameEn: string;
  /** Against the national value; null when either is hidden or has no interval. */
  comparedWithNational: BenchmarkComparison | null;
}

export interface ComparedPair {
  first: string;
  second: string;
  /** The first group's rate divided by the second's, with its exact 95 % interval. */
  rateRatio: number | null;
  lowercl: number | null;
  uppercl: number | null;
  pValue: number | null;
  pAdjusted: number | null;
  significant: boolean | null;
  /** A group of the pair is hidden: no figure of the pair is shown. */
  suppressed: boolean;
}

export interface Comparison {
  indicator: { code: CompareIndicator; nameDa: string; nameEn: string; perEmployed: number };
  year: number;
  national: ComparedFigure;
  groups: ComparedGroup[];
  pairs: ComparedPair[];
  meta: {
    confidence: number;
    convention: { code: string; labelDa: string; labelEn: string };
    method: Label;
    multipleComparisons: { method: 'holm' } & Label;
    suppression: { noteDa: string; noteEn: string; audited: boolean };
    seriesNotes: Label[];
    sourceBatches: AccidentData['batches'];
    demo: boolean;
    demoLabel: { da: string; en: string } | null;
  };
}

const figure = (row: RateRow | undefined): ComparedFigure => ({
  count: row?.count ?? null,
  denominator: row?.denominator ?? null,
  value: row?.value ?? null,
  lowercl: row?.lowercl ?? null,
  uppercl: row?.uppercl ?? null,
  suppressed: row?.suppressed ?? false,
});

/** The events and person-time a test may use: none for a hidden group or one without employment. */
const testable = (group: ComparedFigure): ComparedRate =>
  group.suppressed || group.count === null || group.denominator === null || group.denominator <= 0
    ? null
    : { x: group.count, n: group.denominator };

function pairsOf(groups: readonly ComparedGroup[]): ComparedPair[] {
  return comparePairsOfRates(groups.map(testable), { confidence: CONFIDENCE }).map((pair) => {
    const first = groups[pair.first] as ComparedGroup;
    const second = groups[pair.second] as ComparedGroup;
    return {
      first: first.code,
      second: second.code,
      rateRatio: pair.ratio.value,
      lowercl: pair.ratio.lowercl,
      uppercl: pair.ratio.uppercl,
      pValue: pair.pValue,
      pAdjusted: pair.pAdjusted,
      significant: pair.significant,
      suppressed: first.suppressed || second.suppressed,
    };
  });
}

/** The comparison from the public (disclosure-gated) accident figures. */
export function compareBranches(data: AccidentData, query: CompareQuery): Comparison {
  const base = { ...INDICATOR_FILTERS[query.indicator], from: query.year, to: query.year };
  const national = accidentRates(data, accidentFilters(base));
  const byBranch = accidentRates(
    data,
    accidentFilters({ ...base, branch: query.branches, groupBy: ['branch'] }),
  );
  const nationalFigure = figure(national.rows[0]);
  const benchmark = nationalFigure.suppressed ? null : nationalFigure.value;
  const names = new Map(comparableBranches(data).map((branch) => [branch.code, branch]));
  const groups = query.branches.map((code): ComparedGroup => {
    const shown = figure(byBranch.rows.find((row) => row.branch === code));
    const name = names.get(code);
    return {
      code,
      nameDa: name?.nameDa ?? code,
      nameEn: name?.nameEn ?? code,
      ...shown,
      comparedWithNational: shown.suppressed ? null : compareWithBenchmark(shown, benchmark),
    };
  });
  const meta = byBranch.meta;
  const indicator = INDICATOR_NAMES[query.indicator];
  return {
    indicator: {
      code: query.indicator,
      nameDa: indicator.da,
      nameEn: indicator.en,
      perEmployed: meta.perEmployed ?? 10_000,
    },
    year: query.year,
    national: nationalFigure,
    groups,
    pairs: pairsOf(groups),
    meta: {
      confidence: CONFIDENCE,
      convention: {
        code: meta.convention.code,
        labelDa: meta.convention.labelDa,
        labelEn: meta.convention.labelEn,
      },
      method: COMPARE_METHOD,
      multipleComparisons: { method: 'holm', ...MULTIPLE_COMPARISONS },
      suppression: {
        noteDa: meta.suppression.noteDa,
        noteEn: meta.suppression.noteEn,
        audited: meta.suppression.audited && national.meta.suppression.audited,
      },
      seriesNotes: meta.seriesNotes,
      sourceBatches: meta.sourceBatches,
      demo: meta.demo,
      demoLabel: meta.demoLabel,
    },
  };
}

/** What can be compared: for an API call without parameters, and for the form. */
export function comparisonChoices(data: AccidentData) {
  return {
    indicators: COMPARE_INDICATORS.map((code) => ({
      code,
      nameDa: INDICATOR_NAMES[code].da,
      nameEn: INDICATOR_NAMES[code].en,
      years: yearsOf(data, code),
    })),
    branches: comparableBranches(data).map(({ code, nameDa, nameEn, mainGroup }) => ({
      code,
      nameDa,
      nameEn,
      mainGroup,
    })),
    minGroups: MIN_GROUPS,
    maxGroups: MAX_GROUPS,
  };
}

/** One row per figure for the CSV: the whole country, each group, each pair (the rate ratio in value). */
export function comparisonRows(comparison: Comparison): Record<string, unknown>[] {
  const common = { indicator: comparison.indicator.code, year: comparison.year };
  const nameOf = (code: string) => comparison.groups.find((group) => group.code === code);
  const row = (kind: string, group: Partial<ComparedGroup>, figures: Partial<ComparedFigure>) => ({
    kind,
    ...common,
    group: group.code ?? null,
    groupNameDa: group.nameDa ?? null,
    groupNameEn: group.nameEn ?? null,
    otherGroup: null as string | null,
    count: figures.count ?? null,
    employed: figures.denominator ?? null,
    perEmployed: kind === 'pair' ? null : comparison.indicator.perEmployed,
    value: figures.value ?? null,
    lowercl: figures.lowercl ?? null,
    uppercl: figures.uppercl ?? null,
    comparedWithNational: group.comparedWithNational ?? null,
    pValue: null as number | null,
    pAdjustedHolm: null as number | null,
    significant: null as boolean | null,
    suppressed: figures.suppressed ?? false,
  });
  return [
    row('national', { nameDa: 'Hele landet', nameEn: 'Whole country' }, comparison.national),
    ...comparison.groups.map((group) => row('group', group, group)),
    ...comparison.pairs.map((pair) => ({
      ...row('pair', nameOf(pair.first) ?? { code: pair.first }, {
        value: pair.rateRatio,
        lowercl: pair.lowercl,
        uppercl: pair.uppercl,
        suppressed: pair.suppressed,
      }),
      comparedWithNational: null,
      otherGroup: pair.second,
      pValue: pair.pValue,
      pAdjustedHolm: pair.pAdjusted,
      significant: pair.significant,
    })),
  ];
}
