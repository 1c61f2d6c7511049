// What the accident explorer answers for an address: the groupings asked for, the period a comparison defaults to
// (the latest year), the answer with every problem of the choices at once, the whole the answer compares with (the
// country), and the title that says the period and the selection in words.
import { AppError, type Issue } from '../errors.js';
import { formatNumber, type Locale } from '../format.js';
import { MESSAGES } from '../web/i18n.js';
import type { Convention } from './aggregates.repository.js';
import { EXPLORER_TEXTS } from './explorer.texts.js';
import { type NarrowerView, narrowerViews } from './plan.js';
import {
  type AccidentFilters,
  emptyParameters,
  GROUP_BY,
  type GroupBy,
  type RawParameters,
  readFilters,
} from './query.js';
import { type Answer, type AnswerMeta, accidentRates, type Label, type RateRow } from './rates.js';
import type { AccidentData } from './statistics.js';

export const EXPORT_FORMATS = ['svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExplorerQuery {
  /** The parameters as chosen (the form shows these). */
  chosen: RawParameters;
  /** The parameters answered: the chosen ones, grouped by year unless told, with the default period filled in. */
  parameters: RawParameters;
  groupBy: GroupBy[];
  /** The latest year, when a comparison without a chosen period shows that year alone. */
  defaultedYear: number | null;
  /** A download of the chart instead of the page. */
  format: ExportFormat | null;
  issues: Issue[];
}

/** The convention a query is counted by: the chosen one, else accident year for fatal accidents only. */
function conventionOf(raw: RawParameters): Convention {
  const chosen = raw.convention?.[0];
  if (chosen === 'registration' || chosen === 'accident') return chosen;
  return raw.fatal?.[0] === 'true' || raw.severity?.[0] === 'fatal' ? 'accident' : 'registration';
}

function formatOf(value: string | undefined, issues: Issue[]): ExportFormat | null {
  if (value === undefined) return null;
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  issues.push({
    field: 'format',
    message: `"${value}" is not one of ${EXPORT_FORMATS.join(', ')}`,
    messageDa: `"${value}" er ikke en af ${EXPORT_FORMATS.join(', ')}`,
  });
  return null;
}

/**
 * The explorer's reading of an address. Without a chosen period, a comparison (no grouping by year) shows the
 * latest year: a sum over every year would rank by the 2020–2022 COVID-19 reports as much as by the accidents.
 */
export function explorerQuery(url: URL, data: AccidentData): ExplorerQuery {
  const chosen = emptyParameters();
  const issues: Issue[] = [];
  let format: string | undefined;
  for (const [name, value] of url.searchParams) {
    if (value.trim() === '') continue;
    if (name === 'format') format = value;
    else chosen[name] = [...(chosen[name] ?? []), value];
  }
  if (chosen.groupBy === undefined) chosen.groupBy = ['year'];
  const groupBy = chosen.groupBy
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter((name): name is GroupBy => (GROUP_BY as readonly string[]).includes(name));
  const parameters = emptyParameters();
  for (const name of Object.keys(chosen)) parameters[name] = chosen[name] as string[];
  let defaultedYear: number | null = null;
  if (!groupBy.includes('year') && chosen.from === undefined && chosen.to === undefined) {
    const latest = data.cubes[conventionOf(chosen)].years.at(-1);
    if (latest !== undefined) {
      defaultedYear = latest;
      parameters.from = [String(latest)];
      parameters.to = [String(latest)];
    }
  }
  return { chosen, parameters, groupBy, defaultedYear, format: formatOf(format, issues), issues };
}

/** The whole an answer compares with: the country (or the selection's total) by year or in all. */
export interface Reference {
  label: string;
  rows: RateRow[];
}

export interface ExplorerAnswer {
  answer: Answer<RateRow> | null;
  issues: Issue[];
  /** For an answer too large: the nearest views within the budget. */
  narrower: NarrowerView[] | null;
  reference: Reference | null;
}

/**
 * The answer's whole: the same selection without the grouped dimensions, and without the branch selection when
 * branches are compared or one branch's years are shown (so: the country). None for the country's own years.
 */
export function referenceFilters(filters: AccidentFilters): AccidentFilters | null {
  const others: GroupBy[] = filters.groupBy.filter((name) => name !== 'year');
  const local = filters.branch.length > 0 || filters.mainGroup !== null;
  if (others.length === 0 && !local) return null;
  const national = others.length === 0 || others.includes('branch') || others.includes('mainGroup');
  const grouped = (name: GroupBy) => others.includes(name);
  return {
    ...filters,
    groupBy: filters.groupBy.filter((name) => name === 'year'),
    branch: national ? [] : filters.branch,
    mainGroup: national ? null : filters.mainGroup,
    ageBand: grouped('ageBand') ? null : filters.ageBand,
    sex: grouped('sex') ? null : filters.sex,
    severity: grouped('severity') ? null : filters.severity,
    chemical: grouped('chemical') ? null : filters.chemical,
  };
}

function referenceOf(data: AccidentData, filters: AccidentFilters, locale: Locale): Reference | null {
  const wanted = referenceFilters(filters);
  if (wanted === null) return null;
  const texts = EXPLORER_TEXTS[locale];
  const national = wanted.branch.length === 0 && wanted.mainGroup === null;
  try {
    return { label: national ? texts.national : texts.total, rows: accidentRates(data, wanted).rows };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** The answer, or every problem with the choices: those of each parameter and those the data shows, together. */
export function explorerAnswer(data: AccidentData, query: ExplorerQuery, locale: Locale): ExplorerAnswer {
  const { filters, issues } = readFilters(query.parameters);
  const problems = [...query.issues, ...issues];
  try {
    const answer = accidentRates(data, filters);
    if (problems.length > 0) return { answer: null, issues: problems, narrower: null, reference: null };
    return { answer, issues: [], narrower: null, reference: referenceOf(data, filters, locale) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'invalid_input')
      return { answer: null, issues: [...problems, ...error.issues], narrower: null, reference: null };
    if (error.code === 'too_large' && problems.length === 0)
      return { answer: null, issues: error.issues, narrower: narrowerViews(data, filters), reference: null };
    if (error.code === 'too_large')
      return { answer: null, issues: problems, narrower: null, reference: null };
    throw error;
  }
}

const CHEMICAL: Record<'true' | 'false', keyof (typeof EXPLORER_TEXTS)['da']> = {
  true: 'chemicalYes',
  false: 'chemicalNo',
};

/** A row's name along one grouped dimension, in the page's language. */
export function labelOf(meta: AnswerMeta, name: GroupBy, row: RateRow, locale: Locale): string {
  if (name === 'year') return String(row.year);
  if (name === 'chemical') return EXPLORER_TEXTS[locale][CHEMICAL[String(row.chemical) as 'true']] as string;
  const code = row[name];
  if (code === undefined) return '';
  return (meta.labels[name] as Record<string, Label>)[code]?.[locale] ?? code;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** The selection in words: main group, branch groups, age, sex, severity, chemical exposure. */
export function selectionWords(meta: AnswerMeta, locale: Locale): string[] {
  const texts = EXPLORER_TEXTS[locale];
  const f = meta.filters as Partial<AccidentFilters>;
  const name = (labels: Record<string, Label>, code: string) => labels[code]?.[locale] ?? code;
  const words: string[] = [];
  if (f.mainGroup) words.push(texts.mainGroupWord(name(meta.labels.mainGroup, f.mainGroup)));
  for (const code of f.branch ?? []) words.push(name(meta.labels.branch, code));
  if (f.ageBand) words.push(texts.ageWord(f.ageBand));
  if (f.sex) words.push(f.sex === 'K' ? texts.women : texts.men);
  if (f.severity && f.severity !== 'fatal') words.push(lowerFirst(name(meta.labels.severity, f.severity)));
  if (f.fatal === false) words.push(texts.notFatal);
  if (f.chemical === true) words.push(texts.chemicalOnly);
  if (f.chemical === false) words.push(texts.chemicalNone);
  return words;
}

/** The grouped dimensions in words, e.g. "år og branchegruppe". */
/** A grouping's name as the form and the table headers say it. */
export function groupingLabel(grouping: GroupBy, locale: Locale): string {
  const t = MESSAGES[locale];
  return {
    year: t.groupYear,
    branch: t.groupBranch,
    mainGroup: t.groupMainGroup,
    ageBand: t.groupAgeBand,
    sex: t.groupSex,
    severity: t.groupSeverity,
    chemical: t.groupChemical,
  }[grouping];
}

export function groupingWords(groupBy: readonly GroupBy[], locale: Locale): string {
  const word = (name: GroupBy) => groupingLabel(name, locale).toLocaleLowerCase();
  const words = groupBy.map(word);
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${EXPLORER_TEXTS[locale].and} ${words.at(-1)}`;
}

/** The period an answer covers, e.g. "2023–2024" (empty without years). */
export function periodOf(meta: AnswerMeta, locale: Locale): string {
  const { from, to } = meta.filters as { from: number | null; to: number | null };
  return from === null || to === null ? '' : EXPLORER_TEXTS[locale].period(from, to);
}

/** What the numbers are, over which period, split by what, for whom: the heading and the chart's name. */
export function answerTitle(meta: AnswerMeta, groupBy: readonly GroupBy[], locale: Locale): string {
  const t = MESSAGES[locale];
  const per = formatNumber(meta.perEmployed ?? 10_000, locale);
  const convention = locale === 'en' ? meta.convention.labelEn : meta.convention.labelDa;
  const fatalOnly = meta.filters.fatal === true || meta.filters.severity === 'fatal';
  const parts = [(fatalOnly ? t.chartTitleFatal : t.chartTitle)(per, convention), periodOf(meta, locale)];
  const compared = groupBy.filter((name) => name !== 'year');
  if (compared.length > 0) parts.push(EXPLORER_TEXTS[locale].groupedBy(groupingWords(groupBy, locale)));
  const title = parts.filter((part) => part !== '').join(', ');
  const selection = selectionWords(meta, locale);
  return selection.length === 0 ? title : `${title}: ${selection.join(', ')}`;
}
