// A target's measurements in the reader's form (the target page's CSV and Excel links, and the zips): Danish or
// English column names, the unit in words, values rounded as the target page shows them, and a row saying
// "hidden" for each measurement that is not published (its year and the rule, never its value).
import { formatNumber, type Locale } from '../format.js';
import type { LeftOut, Observation, Target } from '../targets/targets.model.js';
import { type DownloadColumn, type Label, yesNo } from './download-table.js';
import { MESSAGES, pick } from './i18n.js';

/** The decimals format.ts shows a value in this unit with: none for counts, one otherwise. */
export const unitDecimals = (unit: string): number => (unit === 'count' ? 0 : 1);

/** The decimals every one of these units shows, when they agree (undefined when they differ). */
export function sharedDecimals(units: Iterable<string>): number | undefined {
  const decimals = new Set([...units].map(unitDecimals));
  return decimals.size === 1 ? [...decimals][0] : undefined;
}

/** A unit in words: percent, a count, or accidents per N employed. */
export function unitLabel(unit: string, locale: Locale): string {
  if (unit === 'percent') return locale === 'da' ? 'Procent' : 'Percent';
  if (unit === 'count') return locale === 'da' ? 'Antal' : 'Number';
  const per = /^per_(\d+)$/.exec(unit);
  if (per === null) return unit;
  return MESSAGES[locale].colRate(formatNumber(Number(per[1]), locale));
}

/** Where a target applies, as the pages name it: the whole country, a branch group, or its sub-branch. */
export function scopeLabel(target: Target, locale: Locale): string {
  if (target.branchGroup === null) return MESSAGES[locale].wholeCountry;
  const group = pick(target.branchGroup, locale);
  return target.subBranch === null ? group : `${group}: ${pick(target.subBranch, locale)}`;
}

export const problemLabel = (target: Target, locale: Locale): string =>
  pick(target.subProblem ?? target.goal, locale);

/** One line of the file: a published measurement, or a year left out (hidden). */
export interface ObservationLine {
  target: Target;
  observation: Observation | null;
  leftOut: LeftOut | null;
}

/** A target's lines, oldest first: its published measurements and, in their place, the years left out. */
export function observationLines(target: Target, observations: readonly Observation[]): ObservationLine[] {
  const lines: ObservationLine[] = [
    ...observations.map((observation) => ({ target, observation, leftOut: null })),
    ...(target.assessment?.explanation.leftOut ?? []).map((leftOut) => ({
      target,
      observation: null,
      leftOut,
    })),
  ];
  const year = (line: ObservationLine) => line.observation?.year ?? line.leftOut?.year ?? 0;
  return lines.sort((a, b) => year(a) - year(b));
}

type Column = DownloadColumn<ObservationLine>;

/** A number rounded as format.ts shows it (the same rounding: Intl's, on the same decimals). */
export function roundAs(value: number, decimals: number): number {
  return Number(value.toLocaleString('en-GB', { useGrouping: false, maximumFractionDigits: decimals }));
}

/**
 * A value in a unit, for a column shown with `decimals`: as it is when the column's decimals round it (the CSV
 * writes it rounded, the workbook keeps every digit and shows it rounded), else rounded here by its own unit
 * (a column over units with different decimals).
 */
export function unitValue(value: number, unit: string, decimals: number | undefined): number {
  return decimals === undefined ? roundAs(value, unitDecimals(unit)) : value;
}

/** A value or a limit, rounded by the line's unit as the target page shows it. */
function valueColumn(
  header: Label,
  pickValue: (o: Observation) => number | null,
  decimals: number | undefined,
): Column {
  return {
    header,
    ...(decimals === undefined ? {} : { decimals }),
    cell: (line) => {
      const value = line.observation === null ? null : pickValue(line.observation);
      return value === null ? null : unitValue(value, line.target.indicator.unit, decimals);
    },
  };
}

const whole = (header: Label, pickValue: (o: Observation) => number | null): Column => ({
  header,
  decimals: 0,
  cell: (line) => (line.observation === null ? null : pickValue(line.observation)),
});

const HIDDEN: Label = { da: 'Skjult', en: 'Hidden' };

/**
 * The columns of a measurements file, each value rounded by its line's unit as the target page shows it. When
 * every line's unit shows the same `decimals` (sharedDecimals), they are written out (12,0); when units differ,
 * each rounded value is written as short as it is (12).
 */
export function observationColumns(decimals: number | undefined): Column[] {
  return [
    { header: { da: 'Måltal-nr.', en: 'Target no.' }, decimals: 0, cell: (line) => line.target.id },
    { header: { da: 'Branche', en: 'Branch' }, cell: (line, locale) => scopeLabel(line.target, locale) },
    { header: { da: 'Problem', en: 'Problem' }, cell: (line, locale) => problemLabel(line.target, locale) },
    {
      header: { da: 'Indikator', en: 'Indicator' },
      cell: (line, locale) => pick(line.target.indicator, locale),
    },
    {
      header: { da: 'Indikator (kode)', en: 'Indicator (code)' },
      cell: (line) => line.target.indicator.code,
    },
    {
      header: { da: 'Enhed', en: 'Unit' },
      cell: (line, locale) => unitLabel(line.target.indicator.unit, locale),
    },
    {
      header: { da: 'År', en: 'Year' },
      decimals: 0,
      cell: (line) => line.observation?.year ?? line.leftOut?.year ?? null,
    },
    { header: { da: 'Periode', en: 'Period' }, cell: (line) => line.observation?.periodLabel ?? null },
    valueColumn({ da: 'Værdi', en: 'Value' }, (o) => o.value, decimals),
    valueColumn({ da: 'Nedre grænse', en: 'Lower limit' }, (o) => o.lowercl, decimals),
    valueColumn({ da: 'Øvre grænse', en: 'Upper limit' }, (o) => o.uppercl, decimals),
    whole({ da: 'Antal', en: 'Count' }, (o) => o.count),
    whole({ da: 'Nævner', en: 'Denominator' }, (o) => o.denominator),
    whole({ da: 'Svarpersoner', en: 'Respondents' }, (o) => o.respondents),
    { header: { da: 'Serie', en: 'Series' }, cell: (line) => line.observation?.seriesLabel ?? null },
    {
      header: { da: 'Databrud', en: 'Series break' },
      cell: (line, locale) =>
        line.observation === null ? null : yesNo(line.observation.seriesBreak, locale),
    },
    { header: { da: 'Kilde', en: 'Source' }, cell: (line) => line.observation?.source ?? null },
    { header: HIDDEN, cell: (line, locale) => yesNo(line.observation === null, locale) },
    {
      header: { da: 'Bemærkning', en: 'Note' },
      cell: (line, locale) => (line.leftOut === null ? null : `${HIDDEN[locale]}: ${line.leftOut[locale]}`),
    },
  ];
}
