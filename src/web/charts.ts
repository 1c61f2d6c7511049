// Charts as SVG rendered on the server with Observable Plot (a small DOM from linkedom stands in for the
// browser's), so pages show them without JavaScript. Every chart is described for screen readers; the pages
// put a table with the same numbers beside it.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { formatDecimal, type Locale } from '../format.js';

export interface ChartPoint {
  /** The category or year the value belongs to. */
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');

/** The size a chart is drawn at: the wide layout for screens and print, the narrow one for phones. */
export interface ChartLayout {
  width: number;
  fontSize: number;
  narrow: boolean;
}

export const WIDE_LAYOUT: ChartLayout = { width: 760, fontSize: 14, narrow: false };
/** Drawn at a phone's width, so its text is not scaled below 11 px on a 390 px screen. */
export const NARROW_LAYOUT: ChartLayout = { width: 340, fontSize: 12, narrow: true };

/**
 * A chart drawn twice, wide and narrow; the stylesheet shows the narrow one on phones (`.maaltal-chart-narrow`)
 * and the wide one elsewhere, so its text stays legible without scaling.
 */
export function atTwoWidths(render: (layout: ChartLayout) => string): string {
  return (
    `<div class="maaltal-chart-wide">${render(WIDE_LAYOUT)}</div>` +
    `<div class="maaltal-chart-narrow">${render(NARROW_LAYOUT)}</div>`
  );
}

const INK = '#1a5a8a';
const REFERENCE = '#6f3b00';
const BAND_FILL = '#efe7d6';
const BAND_TEXT = '#5c4813';
const MUTED = '#595959';

/** A stretch of years a note concerns (a period, shaded) or the year a new series starts (a break, a line). */
export interface ChartBand {
  from: number;
  to: number;
  label: string;
  kind: 'period' | 'break';
}

/** The whole the chart's values compare with: one value (bars, a rule) or a series by year (lines, dashed). */
export type ChartReference =
  | { label: string; value: number }
  | { label: string; points: readonly ChartPoint[] };

export interface RateChartOptions {
  locale: Locale;
  /** 'line' for a series over years (labels are years), 'bar' for categories (drawn in the order given). */
  kind: 'line' | 'bar';
  yLabel: string;
  /** The chart's accessible name. */
  title: string;
  /** The id of the element on the page that describes the chart in words (its key numbers). */
  describedBy: string;
  /** The wide layout unless given (see `atTwoWidths`). */
  layout?: ChartLayout;
  /** Notes drawn on a line chart: shaded periods and series breaks, each with its label. */
  bands?: readonly ChartBand[];
  reference?: ChartReference | null;
  /** Said in place of a bar without a value (hidden, no data). */
  hiddenLabel?: string;
  /** The font for a chart shown on its own (an SVG or PNG download); the page's font otherwise. */
  fontFamily?: string;
}

/** Items sorted by value, largest first; items without a value last, in their given order. */
export function sortByValue<T extends { value: number | null }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      if (a.item.value === null || b.item.value === null)
        return a.item.value === b.item.value ? a.index - b.index : a.item.value === null ? 1 : -1;
      return b.item.value - a.item.value || a.index - b.index;
    })
    .map(({ item }) => item);
}

type Shown = ChartPoint & { value: number; year: number };

const valued = (points: readonly ChartPoint[]): Shown[] =>
  points.flatMap((p) => (p.value === null ? [] : [{ ...p, value: p.value, year: Number(p.label) }]));

/** Every year's point, those without a value too: a line breaks there rather than bridging a hidden year. */
const byYear = (points: readonly ChartPoint[]) => points.map((p) => ({ ...p, year: Number(p.label) }));

/** A white outline behind a label drawn over the data, so lines and bands do not run through its letters. */
const HALO = { stroke: 'white', strokeWidth: 4 } as const;

/** Every year when they fit, else every second, third, … year (about 3.2 characters of room per tick). */
function yearTicks(years: readonly number[], layout: ChartLayout, inner: number): number[] {
  const fit = Math.max(2, Math.floor(inner / (layout.fontSize * 3.2)));
  const step = Math.ceil(years.length / fit);
  const last = years.length - 1;
  return years.filter((_, i) => (last - i) % step === 0);
}

/** A panel of small multiples (Plot's facets), by column and row. */
type Panel = { fx: number; fy: number };

/**
 * The notes' marks on a year axis, clipped to the years shown: shaded periods and dashed breaks, labelled (on small
 * multiples in one panel only, `labelIn`; the shading is in every panel).
 */
export function bandMarks(
  bands: readonly ChartBand[],
  years: readonly number[],
  layout: ChartLayout,
  labelIn?: Panel,
): Plot.Markish[] {
  const first = Math.min(...years);
  const last = Math.max(...years);
  const periods = bands
    .filter((b) => b.kind === 'period' && b.to >= first && b.from <= last)
    .map((b) => ({ ...b, x1: Math.max(b.from, first) - 0.5, x2: Math.min(b.to, last) + 0.5, ...labelIn }));
  const breaks = bands
    .filter((b) => b.kind === 'break' && b.from > first && b.from <= last)
    .map((b) => ({ ...b, x: b.from - 0.5, ...labelIn }));
  const label = {
    ...(labelIn === undefined ? {} : { fx: 'fx', fy: 'fy' }),
    fontSize: layout.fontSize,
    lineAnchor: 'top' as const,
    frameAnchor: 'top' as const,
    dy: layout.fontSize * 0.3,
    text: 'label',
  };
  return [
    Plot.rectX(periods, { x1: 'x1', x2: 'x2', fill: BAND_FILL }),
    Plot.ruleX(breaks, { x: 'x', stroke: MUTED, strokeDasharray: '4,3' }),
    Plot.text(periods, {
      ...label,
      x: (b: { x1: number; x2: number }) => (b.x1 + b.x2) / 2,
      fill: BAND_TEXT,
      stroke: BAND_FILL,
      strokeWidth: 4,
    }),
    Plot.text(breaks, { ...label, x: 'x', textAnchor: 'start', dx: 4, fill: MUTED, ...HALO }),
  ];
}

const plotStyle = (layout: ChartLayout, fontFamily: string | undefined) => ({
  fontSize: `${layout.fontSize}px`,
  fontFamily: fontFamily ?? 'inherit',
  overflow: 'visible',
});

/** The highest value a line chart must show (intervals and reference included), with room for band labels. */
function lineTop(shown: readonly Shown[], reference: readonly Shown[]): number {
  const highest = Math.max(0, ...shown.map((p) => p.upper ?? p.value), ...reference.map((p) => p.value));
  return highest === 0 ? 1 : highest * 1.2;
}

/** The reference series' name beside its last point: below it when the main line ends above, else above. */
function referenceLabel(label: string, reference: readonly Shown[], shown: readonly Shown[], fs: number) {
  const end = reference[reference.length - 1];
  if (end === undefined) return null;
  const main = shown.find((p) => p.year === end.year);
  const below = main !== undefined && main.value > end.value;
  return Plot.text([end], {
    x: 'year',
    y: 'value',
    text: () => label,
    textAnchor: 'end',
    lineAnchor: below ? 'top' : 'bottom',
    dy: below ? fs * 0.5 : -fs * 0.5,
    fill: REFERENCE,
    fontSize: fs,
    ...HALO,
  });
}

function lineChart(points: readonly ChartPoint[], options: RateChartOptions, layout: ChartLayout) {
  const shown = valued(points);
  const years = points.map((p) => Number(p.label));
  // The reference within the chart's years only.
  const referencePoints = (
    options.reference != null && 'points' in options.reference ? options.reference.points : []
  ).filter((p) => years.includes(Number(p.label)));
  const reference = valued(referencePoints);
  const fs = layout.fontSize;
  const margin = { left: fs * 4, right: fs * 1.5 };
  return Plot.plot({
    document: document as unknown as Plot.PlotOptions['document'],
    width: layout.width,
    height: layout.narrow ? 280 : 340,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: fs * 2.2,
    marginBottom: fs * 2.4,
    style: plotStyle(layout, options.fontFamily),
    x: {
      label: null,
      domain: [Math.min(...years) - 0.5, Math.max(...years) + 0.5],
      ticks: yearTicks(years, layout, layout.width - margin.left - margin.right),
      tickFormat: (d: number) => String(d),
    },
    y: {
      label: options.yLabel,
      grid: true,
      domain: [0, lineTop(shown, reference)],
      ticks: layout.narrow ? 4 : 6,
      tickFormat: (v: number) => formatDecimal(v, options.locale, 1),
    },
    marks: [
      ...bandMarks(options.bands ?? [], years, layout),
      Plot.ruleY([0]),
      Plot.lineY(byYear(referencePoints), {
        x: 'year',
        y: 'value',
        stroke: REFERENCE,
        strokeWidth: 2,
        strokeDasharray: '6,4',
      }),
      options.reference == null ? null : referenceLabel(options.reference.label, reference, shown, fs),
      Plot.ruleX(shown, {
        x: 'year',
        y1: 'lower',
        y2: 'upper',
        stroke: INK,
        strokeOpacity: 0.45,
        strokeWidth: 6,
      }),
      Plot.lineY(byYear(points), { x: 'year', y: 'value', stroke: INK, strokeWidth: 2 }),
      Plot.dot(shown, { x: 'year', y: 'value', fill: INK, r: 3.5 }),
    ],
  });
}

/** Category names: wrapped beside the bars on wide charts, above them (cut, full name in a title) on narrow ones. */
function barLabels(labels: readonly string[], layout: ChartLayout, margin: { left: number; right: number }) {
  const fs = layout.fontSize;
  if (!layout.narrow)
    return Plot.axisY({ tickSize: 0, lineWidth: (margin.left - fs) / fs, fontSize: fs, label: null });
  const row = barRow(layout);
  return Plot.text(labels, {
    y: (d: string) => d,
    text: (d: string) => d,
    frameAnchor: 'left',
    textAnchor: 'start',
    lineAnchor: 'top',
    dy: -row / 2 + fs * 0.1,
    lineWidth: (layout.width - margin.left - margin.right) / fs,
    textOverflow: 'ellipsis',
    fontSize: fs,
    fill: 'currentColor',
    ...HALO,
  });
}

/** The height of one bar's row: two lines of a wrapped name beside it (wide), or its name above it (narrow). */
const barRow = (layout: ChartLayout) => layout.fontSize * (layout.narrow ? 3.3 : 2.6);

/** Bars with their intervals, the hidden ones said in words, and the whole as a dashed rule with its name. */
function barMarks(
  points: readonly ChartPoint[],
  options: RateChartOptions,
  layout: ChartLayout,
): Plot.Markish[] {
  const shown = points.filter((p) => p.value !== null);
  const fs = layout.fontSize;
  const inset = layout.narrow ? { top: fs * 1.35, bottom: fs * 0.35 } : { top: fs * 0.35, bottom: fs * 0.35 };
  const centre = (inset.top - inset.bottom) / 2;
  const reference = options.reference != null && 'value' in options.reference ? [options.reference] : [];
  return [
    Plot.barX(shown, {
      y: 'label',
      x: 'value',
      fill: INK,
      fillOpacity: 0.35,
      insetTop: inset.top,
      insetBottom: inset.bottom,
    }),
    Plot.ruleY(shown, { y: 'label', x1: 'lower', x2: 'upper', stroke: INK, strokeWidth: 2, dy: centre }),
    Plot.dot(shown, { y: 'label', x: 'value', fill: INK, r: 3, dy: centre }),
    Plot.text(
      points.filter((p) => p.value === null),
      {
        y: 'label',
        x: 0,
        dy: centre,
        dx: 4,
        textAnchor: 'start',
        text: () => options.hiddenLabel ?? '–',
        fill: MUTED,
        fontSize: fs,
        fontStyle: 'italic',
      },
    ),
    Plot.ruleX(reference, { x: 'value', stroke: REFERENCE, strokeWidth: 2, strokeDasharray: '6,4' }),
    Plot.text(reference, {
      x: 'value',
      frameAnchor: 'top',
      lineAnchor: 'bottom',
      dy: -fs * 0.3,
      text: 'label',
      fill: REFERENCE,
      fontSize: fs,
      ...HALO,
    }),
  ];
}

/** The largest value a bar chart must reach: intervals and the reference included. */
function barTop(points: readonly ChartPoint[], reference: RateChartOptions['reference']): number {
  const whole = reference != null && 'value' in reference ? [reference.value] : [];
  const highest = Math.max(0, ...points.map((p) => p.upper ?? p.value ?? 0), ...whole);
  return highest === 0 ? 1 : highest * 1.05;
}

function barChart(points: readonly ChartPoint[], options: RateChartOptions, layout: ChartLayout) {
  const fs = layout.fontSize;
  const margin = { left: layout.narrow ? fs : Math.round(layout.width * 0.4), right: fs * 2 };
  const labels = points.map((p) => p.label);
  return Plot.plot({
    document: document as unknown as Plot.PlotOptions['document'],
    width: layout.width,
    height: barRow(layout) * points.length + fs * 5.4,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: fs * 1.8,
    marginBottom: fs * 3.6,
    style: plotStyle(layout, options.fontFamily),
    y: { domain: labels, axis: null, padding: 0 },
    x: {
      label: options.yLabel,
      labelOffset: fs * 3.1,
      labelAnchor: 'center',
      grid: true,
      ticks: layout.narrow ? 4 : 8,
      tickFormat: (v: number) => formatDecimal(v, options.locale, 1),
      domain: [0, barTop(points, options.reference)],
    },
    marks: [barLabels(labels, layout, margin), ...barMarks(points, options, layout)],
  });
}

/** The chart as one image to assistive technology: Plot's labels on inner groups would be prohibited there. */
export function asImage(svg: ReturnType<typeof Plot.plot>, title: string, describedBy: string): string {
  for (const element of svg.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
  svg.setAttribute('aria-label', title);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-describedby', describedBy);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg.outerHTML;
}

/** A rate chart with its confidence intervals; points without a value (suppressed, no data) are left out. */
export function rateChartSvg(points: readonly ChartPoint[], options: RateChartOptions): string {
  const layout = options.layout ?? WIDE_LAYOUT;
  const svg =
    options.kind === 'line' ? lineChart(points, options, layout) : barChart(points, options, layout);
  return asImage(svg, options.title, options.describedBy);
}

export interface ChartSeries {
  name: string;
  points: readonly ChartPoint[];
}

export interface SeriesChartOptions {
  locale: Locale;
  yLabel: string;
  title: string;
  describedBy: string;
  layout?: ChartLayout;
  bands?: readonly ChartBand[];
  /** The whole the series compare with, by year: dashed in every panel. */
  reference?: { label: string; points: readonly ChartPoint[] } | null;
  fontFamily?: string;
}

type InPanel = Shown & Panel;

/** Each series' marks in its panel: its name above it, the reference dashed, intervals, the line and dots. */
function panelMarks(
  names: readonly ({ name: string } & Panel)[],
  drawn: { lines: InPanel[]; paths: (ChartPoint & Panel & { year: number })[]; reference: InPanel[] },
  layout: ChartLayout,
  nameWidth: number,
): Plot.Markish[] {
  const fs = layout.fontSize;
  const facet = { fx: 'fx', fy: 'fy' };
  return [
    Plot.text(names, {
      ...facet,
      frameAnchor: 'top-left',
      lineAnchor: 'bottom',
      dy: -fs * 0.4,
      text: 'name',
      fontWeight: 'bold',
      fontSize: fs,
      lineWidth: nameWidth / fs,
      textOverflow: 'ellipsis',
    }),
    Plot.ruleY([0]),
    Plot.lineY(drawn.reference, {
      ...facet,
      x: 'year',
      y: 'value',
      stroke: REFERENCE,
      strokeWidth: 1.5,
      strokeDasharray: '5,3',
    }),
    Plot.ruleX(drawn.lines, {
      ...facet,
      x: 'year',
      y1: 'lower',
      y2: 'upper',
      stroke: INK,
      strokeOpacity: 0.45,
      strokeWidth: 4,
    }),
    Plot.lineY(drawn.paths, { ...facet, x: 'year', y: 'value', stroke: INK, strokeWidth: 2 }),
    Plot.dot(drawn.lines, { ...facet, x: 'year', y: 'value', fill: INK, r: 2.5 }),
  ];
}

/** The reference's name once, beside its last point in the first panel. */
function panelReferenceLabel(label: string | undefined, end: Shown | undefined, fs: number) {
  if (label === undefined || end === undefined) return null;
  return Plot.text([{ ...end, fx: 0, fy: 0 }], {
    fx: 'fx',
    fy: 'fy',
    x: 'year',
    y: 'value',
    text: () => label,
    textAnchor: 'end',
    lineAnchor: 'bottom',
    dy: -fs * 0.4,
    fill: REFERENCE,
    fontSize: fs,
    ...HALO,
  });
}

/**
 * Small multiples over years: one panel per series in the order given (two columns wide, one narrow), named
 * above it, on one y scale so panels compare; the reference dashed and the notes' bands in every panel.
 */
export function seriesChartSvg(series: readonly ChartSeries[], options: SeriesChartOptions): string {
  const layout = options.layout ?? WIDE_LAYOUT;
  const fs = layout.fontSize;
  // Two columns on a wide chart with more than two panels: fewer panels get the whole width.
  const columns = layout.narrow || series.length <= 2 ? 1 : 2;
  const panelOf = (i: number): Panel => ({ fx: i % columns, fy: Math.floor(i / columns) });
  const refPoints = valued(options.reference?.points ?? []);
  const drawn = {
    lines: series.flatMap((s, i) => valued(s.points).map((p) => ({ ...p, ...panelOf(i) }))),
    paths: series.flatMap((s, i) => byYear(s.points).map((p) => ({ ...p, ...panelOf(i) }))),
    reference: series.flatMap((_, i) => refPoints.map((p) => ({ ...p, ...panelOf(i) }))),
  };
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => Number(p.label))))];
  const margin = { left: fs * 4, right: fs * 1.5, top: fs * 3.8, bottom: fs * 2.4 };
  const innerWidth = (layout.width - margin.left - margin.right) / columns;
  const rows = Math.ceil(series.length / columns);
  return asImage(
    Plot.plot({
      document: document as unknown as Plot.PlotOptions['document'],
      width: layout.width,
      height: rows * fs * (layout.narrow ? 11 : 10) + margin.top + margin.bottom,
      marginLeft: margin.left,
      marginRight: margin.right,
      marginTop: margin.top,
      marginBottom: margin.bottom,
      style: plotStyle(layout, options.fontFamily),
      fx: { axis: null, padding: 0.08 },
      fy: { axis: null, padding: 0.3 },
      x: {
        label: null,
        domain: [Math.min(...years) - 0.5, Math.max(...years) + 0.5],
        ticks: yearTicks(
          years.sort((a, b) => a - b),
          layout,
          innerWidth * 0.92,
        ),
        tickFormat: (d: number) => String(d),
      },
      y: {
        label: options.yLabel,
        grid: true,
        domain: [0, lineTop(drawn.lines, refPoints)],
        ticks: 3,
        tickFormat: (v: number) => formatDecimal(v, options.locale, 1),
      },
      marks: [
        ...bandMarks(options.bands ?? [], years, layout, { fx: 0, fy: 0 }),
        ...panelMarks(
          series.map((s, i) => ({ name: s.name, ...panelOf(i) })),
          drawn,
          layout,
          innerWidth,
        ),
        panelReferenceLabel(options.reference?.label, refPoints.at(-1), fs),
      ],
    }),
    options.title,
    options.describedBy,
  );
}
