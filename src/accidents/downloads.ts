// The accident answers as files: CSV (one row per result row, web/csv.ts) and XLSX (the rows, and a sheet describing them:
// method, convention, filters, suppression, sources and caveats). The machine form names fields by their codes; the
// reader's form (`accidentColumns`) has Danish or English column names, labels for codes, numbers rounded as the
// explorer shows them, and a note on each hidden row that it is hidden (never why).
import { formatNumber, type Locale } from '../format.js';
import { columnsOf } from '../web/csv.js';
import {
  type DownloadColumn,
  type Label,
  type LocalTable,
  localTable,
  yesNo,
} from '../web/download-table.js';
import { MESSAGES } from '../web/i18n.js';
import { toXlsx as writeXlsx } from '../web/xlsx.js';
import type { Answer, AnswerMeta } from './rates.js';

export { toCsv } from '../web/csv.js';

/**
 * The rows as a download carries them: each row also states its unit, counting convention, source and caveats,
 * so a file read on its own says what its numbers are.
 */
export function downloadRows(rows: readonly object[], meta: AnswerMeta): object[] {
  const unit =
    typeof (meta as AnswerMeta & { perEmployed?: number }).perEmployed === 'number'
      ? `per ${(meta as AnswerMeta & { perEmployed: number }).perEmployed} employed`
      : '';
  const source = meta.sourceBatches.map((batch) => batch.sourceLabel || batch.fileName).join('; ');
  const notes = [
    ...meta.seriesNotes.map((note) => note.en),
    ...(meta.demoLabel === null ? [] : [meta.demoLabel.en]),
  ].join(' ');
  return rows.map((row) => ({ ...row, unit, convention: meta.convention.code, source, notes }));
}

/** What the numbers are, in Danish and English: the Metadata sheet of the workbooks. */
export function metaLines(answerMeta: AnswerMeta): [string, string][] {
  const meta = answerMeta as AnswerMeta & Record<string, unknown>;
  const lines: [string, string][] = [
    ['Mål / measure', meta.measure],
    ['Opgørelse / convention', `${meta.convention.labelDa} / ${meta.convention.labelEn}`],
    ['Filtre / filters', JSON.stringify(meta.filters)],
    ['Grupperet efter / grouped by', meta.groupBy.join(', ')],
  ];
  if (typeof meta.perEmployed === 'number')
    lines.push(['Pr. beskæftigede / per employed', String(meta.perEmployed)]);
  lines.push(
    ['Konfidensniveau / confidence', String(meta.confidence)],
    ['Metode', meta.method.da],
    ['Method', meta.method.en],
    ['Diskretion', meta.suppression.noteDa],
    ['Disclosure control', meta.suppression.noteEn],
  );
  if (meta.suppression.exemptNote !== null)
    lines.push(['Undtagelse / exemption', meta.suppression.exemptNote]);
  if (meta.suppression.unsuppressed)
    lines.push(['Ikke diskretioneret / unsuppressed', 'Kun til datafolk / data stewards only']);
  for (const batch of meta.sourceBatches)
    lines.push([
      `Kilde / source #${batch.id}`,
      `${batch.fileName} (${batch.sourceLabel}), ${batch.importedAt.slice(0, 10)}, ${batch.rowCount} rows`,
    ]);
  for (const note of meta.seriesNotes) lines.push(['Bemærkning / note', `${note.da} / ${note.en}`]);
  if (meta.excludedUndated > 0)
    lines.push([
      'Uden ulykkesdato / undated',
      `${meta.excludedUndated} records left out under the accident-year convention`,
    ]);
  if (meta.demoLabel !== null) lines.push(['Demodata', `${meta.demoLabel.da} / ${meta.demoLabel.en}`]);
  return lines;
}

export async function toXlsx(
  rows: readonly object[],
  meta: AnswerMeta,
  fallbackColumns: readonly string[],
): Promise<Uint8Array<ArrayBuffer>> {
  return writeXlsx(rows, metaLines(meta), fallbackColumns);
}

type AccidentRow = Record<string, unknown>;
type Column = DownloadColumn<AccidentRow>;

const number = (field: string, header: Label, decimals: number): Column => ({
  header,
  decimals,
  cell: (row) => (typeof row[field] === 'number' ? (row[field] as number) : null),
});

/** The rate per N employed, in the explorer's words ("Pr. 10.000 beskæftigede"). */
function rateHeader(meta: AnswerMeta, prefix: Label = { da: '', en: '' }): Label {
  const per = (meta as AnswerMeta & { perEmployed?: number }).perEmployed ?? 10_000;
  const words = (locale: Locale) => MESSAGES[locale].colRate(formatNumber(per, locale));
  return {
    da: prefix.da === '' ? words('da') : `${prefix.da}, ${words('da').toLowerCase()}`,
    en: prefix.en === '' ? words('en') : `${prefix.en}, ${words('en').toLowerCase()}`,
  };
}

const LOWER = { da: 'Nedre grænse (95 %)', en: 'Lower limit (95%)' };
const UPPER = { da: 'Øvre grænse (95 %)', en: 'Upper limit (95%)' };
const COMPARED_BAND_LABELS: Record<string, Label> = {
  '15-24': { da: '15-24 år', en: '15-24 years' },
  '55+': { da: '55 år og derover', en: '55 years and over' },
};
const VALUE_NOTES: Record<string, Label> = {
  total_count_below_10: {
    da: 'Under 10 ulykker i alt: ingen værdi',
    en: 'Below 10 accidents in total: no value',
  },
};

/** A code column in words, and (for branch and main groups) the code itself beside it, for joining with the API. */
function labelled(field: string, header: Label, labels: Record<string, Label>, withCode: boolean): Column[] {
  const words: Column = {
    header,
    cell: (row, locale) => {
      const code = row[field];
      return typeof code === 'string' ? (labels[code]?.[locale] ?? code) : null;
    },
  };
  if (!withCode) return [words];
  const code: Column = {
    header: { da: `${header.da} (kode)`, en: `${header.en} (code)` },
    cell: (row) => (typeof row[field] === 'string' ? (row[field] as string) : null),
  };
  return [words, code];
}

/** The explorer's note on a row: hidden, always published (fatal accidents), or without employment figures. */
const remark: Column = {
  header: { da: 'Bemærkning', en: 'Note' },
  cell: (row, locale) => {
    const t = MESSAGES[locale];
    if (row.suppressed === true) return t.suppressedNote;
    if (row.exempt === true) return t.exemptNote;
    return 'denominator' in row && row.denominator === null ? t.noDenominator : null;
  },
};

const hidden: Column = {
  header: { da: 'Skjult', en: 'Hidden' },
  cell: (row, locale) => yesNo(row.suppressed === true, locale),
};

function keyColumns(field: string, meta: AnswerMeta): Column[] | undefined {
  const labels = meta.labels;
  switch (field) {
    case 'year':
      return [number('year', { da: 'År', en: 'Year' }, 0)];
    case 'branch':
      return labelled('branch', { da: 'Branchegruppe', en: 'Branch group' }, labels.branch, true);
    case 'mainGroup':
      return labelled('mainGroup', { da: 'Hovedgruppe', en: 'Main group' }, labels.mainGroup, true);
    case 'ageBand':
      return labelled('ageBand', { da: 'Alder', en: 'Age' }, labels.ageBand, false);
    case 'sex':
      return labelled('sex', { da: 'Køn', en: 'Sex' }, labels.sex, false);
    case 'severity':
      return labelled('severity', { da: 'Alvorlighed', en: 'Severity' }, labels.severity, false);
    case 'band':
      return labelled('band', { da: 'Aldersgruppe', en: 'Age band' }, COMPARED_BAND_LABELS, false);
    case 'chemical':
      return [
        {
          header: { da: 'Kemisk påvirkning', en: 'Chemical exposure' },
          cell: (row, locale) => yesNo(row.chemical as boolean | undefined, locale),
        },
      ];
    default:
      return undefined;
  }
}

function figureColumns(field: string, meta: AnswerMeta): Column[] | undefined {
  const ratio = { da: 'Rateratio', en: 'Rate ratio' };
  const figures: Record<string, Column[]> = {
    count: [number('count', { da: 'Antal', en: 'Number' }, 0)],
    denominator: [number('denominator', { da: 'Beskæftigede', en: 'Employed' }, 0)],
    value: [number('value', rateHeader(meta), 1)],
    lowercl: [number('lowercl', LOWER, 1)],
    uppercl: [number('uppercl', UPPER, 1)],
    allAgesCount: [number('allAgesCount', { da: 'Antal, alle aldre', en: 'Number, all ages' }, 0)],
    allAgesDenominator: [
      number('allAgesDenominator', { da: 'Beskæftigede, alle aldre', en: 'Employed, all ages' }, 0),
    ],
    allAgesValue: [number('allAgesValue', rateHeader(meta, { da: 'Alle aldre', en: 'All ages' }), 1)],
    rateRatio: [number('rateRatio', ratio, 2)],
    rateRatioLowercl: [
      number(
        'rateRatioLowercl',
        { da: `${ratio.da}, ${LOWER.da.toLowerCase()}`, en: `${ratio.en}, ${LOWER.en.toLowerCase()}` },
        2,
      ),
    ],
    rateRatioUppercl: [
      number(
        'rateRatioUppercl',
        { da: `${ratio.da}, ${UPPER.da.toLowerCase()}`, en: `${ratio.en}, ${UPPER.en.toLowerCase()}` },
        2,
      ),
    ],
    strata: [number('strata', { da: 'Strata', en: 'Strata' }, 0)],
    daysTotal: [number('daysTotal', { da: 'Fraværsdage i alt', en: 'Days lost in total' }, 0)],
    fullTimeYears: [number('fullTimeYears', { da: 'Fuldtidsår', en: 'Full-time years' }, 1)],
    daysStated: [number('daysStated', { da: 'Oplyste fraværsdage', en: 'Days stated' }, 0)],
    recordsWithDays: [
      number('recordsWithDays', { da: 'Anmeldelser med oplyst fravær', en: 'Records with days' }, 0),
    ],
    daysImputed: [number('daysImputed', { da: 'Beregnede fraværsdage', en: 'Days imputed' }, 0)],
    valueNote: labelled(
      'valueNote',
      { da: 'Bemærkning til værdien', en: 'Note on the value' },
      VALUE_NOTES,
      false,
    ),
    suppressed: [hidden, remark],
    exempt: [],
  };
  return figures[field];
}

/** A field no column above knows (a steward-only field): its own name, its value as it is. */
const plainColumn = (field: string): Column => ({
  header: { da: field, en: field },
  cell: (row, locale) => {
    const value = row[field];
    if (typeof value === 'boolean') return yesNo(value, locale);
    return typeof value === 'number' || typeof value === 'string' ? value : null;
  },
});

/** What every row of the answer shares: the unit, the counting convention, the sources and the notes. */
function answerColumns(meta: AnswerMeta): Column[] {
  const per = (meta as AnswerMeta & { perEmployed?: number }).perEmployed;
  const source = meta.sourceBatches.map((batch) => batch.sourceLabel || batch.fileName).join('; ');
  const notes = (locale: Locale) =>
    [
      ...meta.seriesNotes.map((note) => note[locale]),
      ...(meta.demoLabel === null ? [] : [meta.demoLabel[locale]]),
    ].join(' ');
  return [
    ...(per === undefined
      ? []
      : [
          {
            header: { da: 'Enhed', en: 'Unit' },
            cell: (_row: AccidentRow, locale: Locale) => MESSAGES[locale].colRate(formatNumber(per, locale)),
          },
        ]),
    {
      header: { da: 'Opgørelse', en: 'Counting' },
      cell: (_row, locale) => (locale === 'da' ? meta.convention.labelDa : meta.convention.labelEn),
    },
    { header: { da: 'Kilde', en: 'Source' }, cell: () => source },
    { header: { da: 'Noter', en: 'Notes' }, cell: (_row, locale) => notes(locale) },
  ];
}

/**
 * The reader's columns of an answer: its fields (those of the rows, or the measure's columns when there are no
 * rows) in words, then what every row shares.
 */
export function accidentColumns(meta: AnswerMeta, fields: readonly string[]): DownloadColumn<object>[] {
  const columns = fields.flatMap(
    (field) => keyColumns(field, meta) ?? figureColumns(field, meta) ?? [plainColumn(field)],
  );
  return [...columns, ...answerColumns(meta)] as DownloadColumn<object>[];
}

/** An answer in the reader's language: its own fields, or (without rows) its groupings and `emptyFields`. */
export function accidentTable(
  answer: Answer<object>,
  emptyFields: readonly string[],
  locale: Locale,
): LocalTable {
  const fields = answer.rows.length === 0 ? [...answer.meta.groupBy, ...emptyFields] : columnsOf(answer.rows);
  return localTable(answer.rows, accidentColumns(answer.meta, fields), locale);
}
