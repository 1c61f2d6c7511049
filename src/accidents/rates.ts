// Reported accidents and incidence per N employed, with exact/Byar intervals (METHODS §2, §8) and disclosure
// control (§9), for any filter and grouping; and the description (meta) every answer carries.
import { DEMO_LABEL_DA, DEMO_LABEL_EN } from '../demo/demo.generator.js';
import { pheRate } from '../stats/index.js';
import type { Convention } from './aggregates.repository.js';
import { gateRows } from './disclosure-gate.js';
import {
  employedFor,
  type Plan,
  planQuery,
  planRows,
  type RowFigures,
  type SuppressionReason,
} from './plan.js';
import type { AccidentFilters, GroupBy } from './query.js';
import { notesFor } from './settings.js';
import type { AccidentData } from './statistics.js';

export const CONFIDENCE = 0.95;

export const CONVENTION_LABELS: Record<Convention, { da: string; en: string }> = {
  registration: { da: 'Opgjort efter registreringsår', en: 'Counted by registration year' },
  accident: { da: 'Opgjort efter ulykkesår', en: 'Counted by accident year' },
};

export interface RateRow {
  year?: number;
  branch?: string;
  mainGroup?: string;
  ageBand?: string;
  sex?: string;
  severity?: string;
  chemical?: boolean;
  count: number | null;
  denominator: number | null;
  value: number | null;
  lowercl: number | null;
  uppercl: number | null;
  suppressed: boolean;
  /** Why the row is hidden: data stewards only (the disclosure gate removes it from public answers). */
  suppressionReason?: SuppressionReason | null;
  /** Published although small, because the source is exempt (fatal accidents). */
  exempt: boolean;
}

export interface AnswerOptions {
  /** Show suppressed values too (data stewards in the editor area only). */
  unsuppressed?: boolean;
}

export type RowKeys = Pick<
  RateRow,
  'year' | 'branch' | 'mainGroup' | 'ageBand' | 'sex' | 'severity' | 'chemical'
>;

/** A row's group keys, typed (years as numbers, chemical as a flag). */
export function keyFields(figures: RowFigures): RowKeys {
  const { keys } = figures;
  const fields: RowKeys = {};
  if (keys.year !== undefined) fields.year = Number(keys.year);
  if (keys.branch !== undefined) fields.branch = keys.branch;
  if (keys.mainGroup !== undefined) fields.mainGroup = keys.mainGroup;
  if (keys.ageBand !== undefined) fields.ageBand = keys.ageBand;
  if (keys.sex !== undefined) fields.sex = keys.sex;
  if (keys.severity !== undefined) fields.severity = keys.severity;
  if (keys.chemical !== undefined) fields.chemical = keys.chemical === '1';
  return fields;
}

export function defaultPerEmployed(filters: AccidentFilters): number {
  return filters.perEmployed ?? (filters.fatal === true || filters.severity === 'fatal' ? 100_000 : 10_000);
}

export function rateRow(
  plan: Plan,
  figures: RowFigures,
  perEmployed: number,
  options: AnswerOptions,
): RateRow {
  const denominator = employedFor(plan, figures.picked);
  const show = figures.published || options.unsuppressed === true;
  const rate =
    denominator !== null && denominator > 0
      ? pheRate({ x: figures.count, n: denominator }, { multiplier: perEmployed, confidence: CONFIDENCE })
      : null;
  return {
    ...keyFields(figures),
    count: show ? figures.count : null,
    denominator,
    value: show ? (rate?.value ?? null) : null,
    lowercl: show ? (rate?.lowercl ?? null) : null,
    uppercl: show ? (rate?.uppercl ?? null) : null,
    suppressed: !figures.published,
    suppressionReason: figures.reason,
    exempt: figures.exempt && figures.count > 0,
  };
}

export interface AnswerMeta {
  measure: string;
  convention: { code: Convention; labelDa: string; labelEn: string; defaulted: boolean };
  filters: Record<string, unknown>;
  groupBy: GroupBy[];
  perEmployed?: number;
  confidence: number;
  method: { da: string; en: string };
  suppression: {
    minCount: number;
    exemptFatal: boolean;
    exemptNote: string | null;
    unsuppressed: boolean;
    /** Every year of the answer is published with a protection that passed the disclosure audit. */
    audited: boolean;
    noteDa: string;
    noteEn: string;
  };
  sourceBatches: AccidentData['batches'];
  seriesNotes: { da: string; en: string }[];
  excludedUndated: number;
  demo: boolean;
  demoLabel: { da: string; en: string } | null;
  /** Danish and English names of the codes the rows use. */
  labels: Record<'branch' | 'mainGroup' | 'ageBand' | 'sex' | 'severity', Record<string, Label>>;
}

export interface Label {
  da: string;
  en: string;
}

const FIXED_LABELS = {
  ageBand: {
    '15-24': { da: '15-24 år', en: '15-24 years' },
    '25-34': { da: '25-34 år', en: '25-34 years' },
    '35-44': { da: '35-44 år', en: '35-44 years' },
    '45-54': { da: '45-54 år', en: '45-54 years' },
    '55-64': { da: '55-64 år', en: '55-64 years' },
    '65+': { da: '65 år og derover', en: '65 years and over' },
    unknown: { da: 'Ukendt alder', en: 'Age unknown' },
  },
  sex: {
    K: { da: 'Kvinder', en: 'Women' },
    M: { da: 'Mænd', en: 'Men' },
    U: { da: 'Køn ukendt', en: 'Sex unknown' },
  },
  severity: {
    fatal: { da: 'Dødsulykke', en: 'Fatal' },
    serious: { da: 'Alvorlig (mindst 4 dages fravær)', en: 'Serious (at least 4 days off work)' },
    minor: { da: 'Mindre alvorlig (under 4 dages fravær)', en: 'Minor (under 4 days off work)' },
    unknown: { da: 'Ukendt alvorlighed', en: 'Severity unknown' },
  },
} satisfies Record<string, Record<string, Label>>;

export function describe(
  plan: Plan,
  measure: string,
  method: { da: string; en: string },
  options: AnswerOptions,
): AnswerMeta {
  const { data, filters } = plan;
  const label = CONVENTION_LABELS[plan.convention];
  const suppression = data.settings.suppression;
  const years = plan.cube.years.filter(
    (year) => plan.from !== null && plan.to !== null && year >= plan.from && year <= plan.to,
  );
  const audited = years.every((year) => data.auditedYears[plan.convention].includes(year));
  return {
    measure,
    convention: {
      code: plan.convention,
      labelDa: label.da,
      labelEn: label.en,
      defaulted: plan.conventionDefaulted,
    },
    filters: {
      from: plan.from,
      to: plan.to,
      branch: filters.branch,
      mainGroup: filters.mainGroup,
      ageBand: filters.ageBand,
      sex: filters.sex,
      severity: filters.severity,
      fatal: filters.fatal,
      chemical: filters.chemical,
    },
    groupBy: plan.groupBy,
    confidence: CONFIDENCE,
    method,
    suppression: {
      minCount: suppression.minCount,
      exemptFatal: suppression.exemptFatal,
      exemptNote: suppression.exemptFatal ? suppression.exemptNote : null,
      unsuppressed: options.unsuppressed === true,
      audited,
      noteDa: `Tal under ${suppression.minCount} (men over 0) er skjult, og så mange andre celler, at de ikke kan regnes ud ved at trække fra totaler.${audited ? ` Mønsteret har bestået diskretionskontrollen: intet skjult antal kan indkredses snævrere end ${suppression.protectionWidth}.` : ' Mønsteret er endnu ikke kontrolleret med lineær programmering.'}`,
      noteEn: `Counts below ${suppression.minCount} (but above 0) are hidden, with as many other cells as it takes to stop them being worked out by subtraction from totals.${audited ? ` The pattern passed the disclosure audit: no hidden count can be narrowed below ${suppression.protectionWidth}.` : ' The pattern has not yet been audited by linear programming.'}`,
    },
    sourceBatches: data.batches,
    seriesNotes: [
      ...(plan.from === null || plan.to === null
        ? []
        : notesFor(data.settings, plan.from, plan.to).map(({ da, en }) => ({ da, en }))),
      ...(data.branches.some((branch) => branch.unmapped === true) ? [UNMAPPED_NOTE] : []),
    ],
    excludedUndated: plan.convention === 'accident' ? data.undated : 0,
    demo: data.demo,
    demoLabel: data.demo ? { da: DEMO_LABEL_DA, en: DEMO_LABEL_EN } : null,
    labels: {
      branch: Object.fromEntries(data.branches.map((b) => [b.code, { da: b.nameDa, en: b.nameEn }])),
      mainGroup: Object.fromEntries(data.mainGroups.map((g) => [g.code, { da: g.nameDa, en: g.nameEn }])),
      ...FIXED_LABELS,
    },
  };
}

/** Said with every answer while some accidents have an industry code that no branch group covers yet. */
const UNMAPPED_NOTE = {
  da: 'Nogle ulykker har en gyldig DB07-branchekode, som endnu ikke hører til en branchegruppe. De tælles med i landstallet og i deres hovedgruppe, hvor den kendes (rækken "Uden branchegruppe"), men i ingen branchegruppe. Rater bruger branchegruppernes beskæftigelse; den standardiserede incidens udelader dem.',
  en: 'Some accidents have a valid DB07 industry code that no branch group covers yet. They are counted in the national figure and in their main group where it is known (the row "No branch group"), but in no branch group. Rates use the branch groups\' employment; the standardised incidence leaves them out.',
};

export const RATE_METHOD = {
  da: 'Anmeldte ulykker pr. N beskæftigede med 95 %-konfidensinterval: eksakt Poisson under 10 ulykker, Byar fra 10 (METHODS §2 og §8). Flere år lægges sammen som personår.',
  en: 'Reported accidents per N employed with a 95 % confidence interval: exact Poisson below 10 accidents, Byar from 10 (METHODS §2 and §8). Several years are summed as person-years.',
};

export interface Answer<Row> {
  rows: Row[];
  meta: AnswerMeta;
}

export function accidentRates(
  data: AccidentData,
  filters: AccidentFilters,
  options: AnswerOptions = {},
): Answer<RateRow> {
  const plan = planQuery(data, filters);
  const perEmployed = defaultPerEmployed(filters);
  const rows = planRows(plan).map((figures) => rateRow(plan, figures, perEmployed, options));
  return {
    rows: gateRows(rows, options),
    meta: { ...describe(plan, 'incidence', RATE_METHOD, options), perEmployed },
  };
}
