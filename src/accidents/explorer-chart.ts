// The explorer's chart: which kind (a line over years, a panel per group over years, or bars), in what order, with
// the whole it compares with, the notes drawn on it and listed under it, and its key numbers in words; drawn at the
// page's two widths, or on its own as an SVG or PNG download.
import { formatNumber, type Locale } from '../format.js';
import { seriesNotesFor, yearBands } from '../targets/series-notes.js';
import { type ChartFile, chartFileOf, EXPORT_FONT_FAMILY } from '../web/chart-export.js';
import {
  type ChartBand,
  type ChartLayout,
  type ChartPoint,
  type ChartSeries,
  rateChartSvg,
  seriesChartSvg,
  sortByValue,
  WIDE_LAYOUT,
} from '../web/charts.js';
import { MESSAGES } from '../web/i18n.js';
import { EXPLORER_TEXTS } from './explorer.texts.js';
import { answerTitle, type ExportFormat, labelOf, periodOf, type Reference } from './explorer-answer.js';
import type { GroupBy } from './query.js';
import type { Answer, RateRow } from './rates.js';
import type { AccidentData } from './statistics.js';

/** At most this many panels: the groups with the highest rates in the latest year; the table has every group. */
export const MAX_PANELS = 8;
/** At most this many bars: the first (the highest, when sorted); the table has every row. */
export const MAX_BARS = 40;
/** Dimensions with an order of their own, kept rather than sorted by value. */
const ORDERED: readonly GroupBy[] = ['ageBand', 'severity'];

export interface ExplorerChart {
  kind: 'line' | 'bar' | 'panels';
  title: string;
  /** The years the answer covers in words, e.g. "2023–2024". */
  period: string;
  yLabel: string;
  groupBy: GroupBy[];
  /** The rows in the order the table (and the bars) show them, each with its name along each dimension. */
  rows: { row: RateRow; labels: string[] }[];
  points: ChartPoint[];
  /** The panels drawn (the first MAX_PANELS). */
  series: ChartSeries[];
  /** The whole compared with: one row (bars) or a row per year (lines, panels). */
  reference: {
    label: string;
    whole: RateRow | null;
    value: number | null;
    byYear: Map<number, RateRow>;
  } | null;
  bands: ChartBand[];
  description: string;
  notes: string[];
  /** The employed are summed over several years (person-years). */
  personYears: boolean;
}

export interface ChartContext {
  data: AccidentData;
  answer: Answer<RateRow>;
  reference: Reference | null;
  groupBy: GroupBy[];
  locale: Locale;
  defaultedYear: number | null;
}

const kindOf = (groupBy: readonly GroupBy[]): ExplorerChart['kind'] =>
  !groupBy.includes('year') ? 'bar' : groupBy.length === 1 ? 'line' : 'panels';

/** Panels keyed by their group's name, ranked by the value of the last year (groups without one last). */
function panelsOf(
  rows: ExplorerChart['rows'],
  groupBy: readonly GroupBy[],
  last: number | null,
): ChartSeries[] {
  const byName = new Map<string, ChartPoint[]>();
  for (const { row, labels } of rows) {
    const name = labels.filter((_, d) => groupBy[d] !== 'year').join(', ');
    const point = { label: String(row.year), value: row.value, lower: row.lowercl, upper: row.uppercl };
    byName.set(name, [...(byName.get(name) ?? []), point]);
  }
  const series = [...byName].map(([name, points]) => ({
    name,
    points,
    value: points.find((p) => p.label === String(last))?.value ?? null,
  }));
  return sortByValue(series).map(({ name, points }) => ({ name, points }));
}

function referenceOf(reference: Reference | null): ExplorerChart['reference'] {
  if (reference === null) return null;
  const byYear = new Map(reference.rows.flatMap((row) => (row.year === undefined ? [] : [[row.year, row]])));
  const whole =
    reference.rows.length === 1 && reference.rows[0]?.year === undefined ? reference.rows[0] : undefined;
  return { label: reference.label, whole: whole ?? null, value: whole?.value ?? null, byYear };
}

type Valued = { label: string; value: number };
type ChartParts = Omit<ExplorerChart, 'description' | 'notes'>;

/** A line's first and last value (its one value for one year), or the highest and lowest of every bar's row. */
function keyNumbers(chart: ChartParts, locale: Locale): string | null {
  const t = MESSAGES[locale];
  const format = (value: number) => formatNumber(value, locale, 1);
  const all =
    chart.kind === 'bar'
      ? chart.rows.map(({ row, labels }) => ({ label: labels.join(', '), value: row.value }))
      : chart.points;
  const shown = all.filter((p): p is Valued => p.value !== null);
  const [first, last] = [shown[0], shown.at(-1)];
  if (chart.kind === 'panels' || first === undefined || last === undefined) return null;
  if (chart.kind === 'line')
    return first === last
      ? EXPLORER_TEXTS[locale].describeOne(format(first.value), first.label)
      : t.describeLine(format(first.value), first.label, format(last.value), last.label);
  if (shown.length === 1) return `${first.label}: ${format(first.value)}.`;
  const sorted = sortByValue(shown);
  const [high, low] = [sorted[0] as Valued, sorted.at(-1) as Valued];
  return t.describeBars(format(high.value), high.label, format(low.value), low.label);
}

/** The chart in words: its key numbers, the whole it compares with, how many values are hidden. */
function description(chart: ChartParts, locale: Locale): string {
  const parts = [keyNumbers(chart, locale)];
  if (chart.kind === 'bar' && chart.reference?.value != null)
    parts.push(
      EXPLORER_TEXTS[locale].referenceSentence(
        chart.reference.label,
        formatNumber(chart.reference.value, locale, 1),
      ),
    );
  const hidden = chart.rows.filter(({ row }) => row.suppressed).length;
  if (hidden > 0) parts.push(MESSAGES[locale].describeHidden(hidden));
  return parts.filter((part) => part !== null).join(' ');
}

function notes(
  chart: Omit<ExplorerChart, 'description' | 'notes'>,
  context: ChartContext,
  total: number,
): string[] {
  const { data, answer, locale, defaultedYear } = context;
  const texts = EXPLORER_TEXTS[locale];
  const { from, to } = answer.meta.filters as { from: number | null; to: number | null };
  const shared = from === null || to === null ? [] : seriesNotesFor('accident-register', from, to);
  // The answer's own notes that the shared series notes do not already say (e.g. accidents without a branch group).
  const own = answer.meta.seriesNotes.filter(
    (note) => !data.settings.seriesNotes.some((s) => s.da === note.da),
  );
  const list = [...shared.map((note) => note.text[locale]), ...own.map((note) => note[locale])];
  list.push(texts.conventionNote[answer.meta.convention.code]);
  if (defaultedYear !== null) list.push(texts.defaultPeriodNote(defaultedYear));
  if (chart.personYears && from !== null && to !== null)
    list.push(texts.personYearsNote(chart.period, to - from + 1));
  if (chart.kind === 'panels' && total > chart.series.length)
    list.push(texts.topSeriesNote(chart.series.length, total, to ?? 0));
  if (chart.kind === 'bar' && chart.rows.length > chart.points.length)
    list.push(texts.topBarsNote(chart.points.length, chart.rows.length));
  return list;
}

/** The chart of an answer: rows ordered, points, panels, the reference, the notes and the words. */
export function explorerChart(context: ChartContext): ExplorerChart {
  const { answer, groupBy, locale } = context;
  const { meta } = answer;
  const kind = kindOf(groupBy);
  const labelled = answer.rows.map((row) => ({
    row,
    labels: groupBy.map((name) => labelOf(meta, name, row, locale)),
  }));
  const sorted = kind === 'bar' && !groupBy.every((name) => ORDERED.includes(name));
  const rows = sorted ? sortByValue(labelled.map((r) => ({ ...r, value: r.row.value }))) : labelled;
  const { from, to } = meta.filters as { from: number | null; to: number | null };
  const panels = kind === 'panels' ? panelsOf(rows, groupBy, to) : [];
  const chart = {
    kind,
    title: answerTitle(meta, groupBy, locale),
    period: periodOf(meta, locale),
    yLabel: MESSAGES[locale].colRate(formatNumber(meta.perEmployed ?? 10_000, locale)),
    groupBy,
    rows: rows.map(({ row, labels }) => ({ row, labels })),
    points: rows.slice(0, kind === 'bar' ? MAX_BARS : undefined).map(({ row, labels }) => ({
      label: labels.join(', '),
      value: row.value,
      lower: row.lowercl,
      upper: row.uppercl,
    })),
    series: panels.slice(0, MAX_PANELS),
    reference: referenceOf(context.reference),
    bands:
      kind === 'bar' || from === null || to === null
        ? []
        : yearBands('accident-register', from, to, locale).map((band) => ({
            ...band,
            kind: 'period' as const,
          })),
    personYears: kind === 'bar' && from !== null && to !== null && from < to,
  };
  return { ...chart, description: description(chart, locale), notes: notes(chart, context, panels.length) };
}

/** The chart drawn at one layout (the page draws it at both; a download, wide in the export font). */
export function chartSvg(
  chart: ExplorerChart,
  layout: ChartLayout,
  locale: Locale,
  fontFamily?: string,
): string {
  const common = {
    locale,
    yLabel: chart.yLabel,
    title: chart.title,
    describedBy: 'chart-description',
    layout,
    bands: chart.bands,
    ...(fontFamily === undefined ? {} : { fontFamily }),
  };
  const { reference } = chart;
  const byYear =
    reference === null || reference.byYear.size === 0
      ? null
      : {
          label: reference.label,
          points: [...reference.byYear].map(([year, row]) => ({
            label: String(year),
            value: row.value,
            lower: row.lowercl,
            upper: row.uppercl,
          })),
        };
  if (chart.kind === 'panels') return seriesChartSvg(chart.series, { ...common, reference: byYear });
  if (chart.kind === 'line')
    return rateChartSvg(chart.points, { ...common, kind: 'line', reference: byYear });
  return rateChartSvg(chart.points, {
    ...common,
    kind: 'bar',
    hiddenLabel: EXPLORER_TEXTS[locale].hidden,
    reference: reference?.value == null ? null : { label: reference.label, value: reference.value },
  });
}

/** A data batch's source as readers see it: the demo batches' label in the page's language, else as stored. */
export function batchSourceName(
  batch: { sourceLabel: string | null; fileName: string },
  demo: { da: string; en: string } | null,
  locale: Locale,
): string {
  const label = batch.sourceLabel || batch.fileName;
  return demo !== null && label === demo.da ? demo[locale] : label;
}

/** The chart as a file: its title, the chart, its words, notes and sources, under a name of fixed characters. */
export function chartFile(
  chart: ExplorerChart,
  answer: Answer<RateRow>,
  format: ExportFormat,
  locale: Locale,
): ChartFile {
  const texts = EXPLORER_TEXTS[locale];
  const sources = answer.meta.sourceBatches.map((batch) =>
    batchSourceName(batch, answer.meta.demoLabel, locale),
  );
  const { from, to } = answer.meta.filters as { from: number | null; to: number | null };
  const period = from === null || to === null ? '' : from === to ? `-${from}` : `-${from}-${to}`;
  return chartFileOf(
    {
      title: chart.title,
      chart: chartSvg(chart, WIDE_LAYOUT, locale, `${EXPORT_FONT_FAMILY}, sans-serif`),
      notes: [chart.description, ...chart.notes, texts.exportSource([...new Set(sources)].join('; '))],
    },
    format,
    `${texts.exportFile}${period}`,
  );
}
