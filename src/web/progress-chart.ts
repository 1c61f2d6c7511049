// The target page's chart, as SVG rendered on the server with Observable Plot: the observations with their
// intervals, the path from the baseline to the target, the projection with its interval, series breaks and the
// years a series note concerns (e.g. COVID-19). Every text sits in a margin of its own, so none can run into
// another or into the data: the axis title above the breaks and bands, the baseline and target under the years.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Locale } from '../format.js';
import { atTwoWidths, type ChartLayout } from './charts.js';

export interface ProgressChartInput {
  locale: Locale;
  observations: readonly {
    year: number;
    value: number;
    lowercl: number | null;
    uppercl: number | null;
    series: string;
  }[];
  baseline: { year: number; value: number };
  target: { year: number; value: number };
  /**
   * Where the development leads by the target year if it continues (from the latest observation), if projected;
   * with an interval, a fan from the latest value's interval to the projection's.
   */
  projection: {
    fromYear: number;
    fromValue: number;
    year: number;
    value: number;
    interval?: { from: [number, number]; to: [number, number] } | null;
  } | null;
  /** Years where a new series starts (a method break): drawn between the two series. */
  breaks: readonly number[];
  /** Runs of years a series note concerns, shaded and named (e.g. 2020–2022, "COVID-19"). */
  bands: readonly { from: number; to: number; label: string }[];
  /**
   * Periods of the activities linked to the target, in fractional years (1 March 2022 ≈ 2022.16), each drawn as a
   * bar in a strip under the time axis, named by its title; overlapping periods take separate lanes.
   */
  activities?: readonly { from: number; to: number; label: string }[];
  /** The y axis's title: what the numbers are, briefly (the unit). */
  yLabel: string;
  labels: { baseline: string; target: string; seriesBreak: string };
  title: string;
  describedBy: string;
  format: (value: number) => string;
}

const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');

const INK = '#1a5a8a';
const PATH_GREY = '#6f6f6f';
const TARGET_GREEN = '#2b7a3d';
const BAND_FILL = '#e8e1d0';
const BAND_INK = '#5c4d2e';
const ACTIVITY_INK = '#8a4b00';

/**
 * The margins that hold the texts: on top, the axis title (row 1) over the break and band labels (row 2); at the
 * bottom, the year ticks (row 1) over the baseline and target labels (row 2). Heights follow the font size.
 */
function margins(layout: ChartLayout) {
  const size = layout.fontSize;
  return {
    top: Math.ceil(2.6 * size + 8),
    bottom: Math.ceil(2.6 * size + 17),
    left: layout.narrow ? 44 : 56,
    right: layout.narrow ? 16 : 28,
    /** Offset of the bottom labels below the frame: under the tick labels. */
    belowTicks: Math.ceil(1.3 * size + 13),
    size,
  };
}

/** Where a bottom label is anchored: ends flush with the chart near its edges, centred elsewhere. */
function anchorAt(year: number, domain: [number, number]): 'start' | 'middle' | 'end' {
  const share = (year - domain[0]) / (domain[1] - domain[0]);
  if (share < 0.15) return 'start';
  if (share > 0.85) return 'end';
  return 'middle';
}

function breakLines(input: ProgressChartInput) {
  const years = input.observations.map((o) => o.year);
  return input.breaks.flatMap((year) => {
    const before = years.filter((y) => y < year);
    if (before.length === 0) return [];
    return [{ x: (Math.max(...before) + year) / 2, label: input.labels.seriesBreak }];
  });
}

function projectionMarks(input: ProgressChartInput): Plot.Markish[] {
  const { projection } = input;
  if (projection === null) return [];
  const line = [
    { year: projection.fromYear, value: projection.fromValue },
    { year: projection.year, value: projection.value },
  ];
  const interval = projection.interval;
  const fan =
    interval == null
      ? []
      : [
          { year: projection.fromYear, low: interval.from[0], high: interval.from[1] },
          { year: projection.year, low: interval.to[0], high: interval.to[1] },
        ];
  return [
    Plot.areaY(fan, { x: 'year', y1: 'low', y2: 'high', fill: INK, fillOpacity: 0.15 }),
    Plot.line(line, { x: 'year', y: 'value', stroke: INK, strokeDasharray: '2,3', strokeWidth: 2 }),
  ];
}

/** The texts in the margins: the axis title, break and band labels on top; baseline and target below. */
function marginTexts(
  input: ProgressChartInput,
  layout: ChartLayout,
  domain: [number, number],
): Plot.Markish[] {
  const m = margins(layout);
  const { baseline, target, labels } = input;
  const rowTwo = { frameAnchor: 'top' as const, lineAnchor: 'bottom' as const, dy: -3 };
  const below = { frameAnchor: 'bottom' as const, lineAnchor: 'top' as const, dy: m.belowTicks };
  return [
    Plot.text([input.yLabel], {
      frameAnchor: 'top-left',
      text: (d: string) => d,
      textAnchor: 'start',
      lineAnchor: 'top',
      dx: 2 - m.left,
      dy: 2 - m.top,
    }),
    Plot.text(breakLines(input), { x: 'x', text: 'label', fill: PATH_GREY, ...rowTwo }),
    Plot.text(input.bands, { x: (b) => (b.from + b.to) / 2, text: 'label', fill: BAND_INK, ...rowTwo }),
    Plot.text([baseline], {
      x: 'year',
      text: () => `${labels.baseline} ${baseline.year}`,
      textAnchor: anchorAt(baseline.year, domain),
      fill: PATH_GREY,
      ...below,
    }),
    Plot.text([target], {
      x: 'year',
      text: () => `${labels.target} ${target.year}`,
      textAnchor: anchorAt(target.year, domain),
      fill: TARGET_GREEN,
      ...below,
    }),
  ];
}

/** A date on the chart's year axis, where year Y is drawn at Y and spans Y − 0.5 … Y + 0.5. */
export function fractionalYear(isoDate: string): number {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  const year = date.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  return year - 0.5 + (date.getTime() - start) / length;
}

const LANE_HEIGHT = 7;
const LANE_GAP = 3;
const MAX_LANES = 4;

/** Activity periods packed into lanes (first lane free at its start; the last lane takes the overflow). */
export function activityLanes(
  periods: readonly { from: number; to: number; label: string }[],
): { from: number; to: number; label: string; lane: number }[] {
  const laneEnds: number[] = [];
  return [...periods]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((period) => {
      let lane = laneEnds.findIndex((end) => end <= period.from);
      if (lane === -1) lane = Math.min(laneEnds.length, MAX_LANES - 1);
      laneEnds[lane] = Math.max(laneEnds[lane] ?? -Infinity, period.to);
      return { ...period, lane };
    });
}

/** The height the activity strip adds under the chart (none without activities). */
function stripHeight(input: ProgressChartInput): number {
  const lanes = new Set(activityLanes(input.activities ?? []).map((a) => a.lane)).size;
  return lanes === 0 ? 0 : 6 + lanes * (LANE_HEIGHT + LANE_GAP);
}

/** What Plot.plot gives back on the server: an element with the scales it used. */
type PlottedSvg = ReturnType<typeof Plot.plot> & { scale(name: 'x'): { apply(value: number): number } };

/** Draws the activity periods under everything else in the bottom margin, at the chart's own x scale. */
function drawActivityStrip(
  svg: PlottedSvg,
  input: ProgressChartInput,
  domain: [number, number],
  top: number,
): void {
  const x = svg.scale('x');
  const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  group.setAttribute('class', 'maaltal-activity-strip');
  for (const period of activityLanes(input.activities ?? [])) {
    const from = Math.max(period.from, domain[0]);
    const to = Math.min(Math.max(period.to, period.from + 1 / 52), domain[1]);
    if (to <= from) continue;
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('x', x.apply(from).toFixed(1));
    rect.setAttribute('width', Math.max(2, x.apply(to) - x.apply(from)).toFixed(1));
    rect.setAttribute('y', String(top + period.lane * (LANE_HEIGHT + LANE_GAP)));
    rect.setAttribute('height', String(LANE_HEIGHT));
    rect.setAttribute('fill', ACTIVITY_INK);
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = period.label;
    rect.appendChild(title);
    group.appendChild(rect);
  }
  svg.appendChild(group);
}

/** The chart at one layout (width and font size). */
export function progressChartSvg(input: ProgressChartInput, layout: ChartLayout): string {
  const { observations, baseline, target } = input;
  const m = margins(layout);
  const strip = stripHeight(input);
  const height = (layout.narrow ? 300 : 380) + strip;
  const years = observations.map((o) => o.year);
  const domain: [number, number] = [Math.min(...years, baseline.year) - 0.5, target.year + 0.5];
  const path = [
    { year: baseline.year, value: baseline.value },
    { year: target.year, value: target.value },
  ];
  const svg = Plot.plot({
    document: document as unknown as Plot.PlotOptions['document'],
    width: layout.width,
    height,
    marginTop: m.top,
    marginBottom: m.bottom + strip,
    marginLeft: m.left,
    marginRight: m.right,
    style: { fontSize: `${m.size}px`, fontFamily: 'inherit', overflow: 'visible' },
    x: { label: null, tickFormat: (d: number) => String(d), domain },
    y: { label: null, grid: true, zero: true, tickFormat: input.format },
    marks: [
      Plot.rect(input.bands, { x1: (b) => b.from - 0.5, x2: (b) => b.to + 0.5, fill: BAND_FILL }),
      Plot.ruleX(breakLines(input), { x: 'x', stroke: PATH_GREY, strokeDasharray: '2,3' }),
      Plot.line(path, { x: 'year', y: 'value', stroke: PATH_GREY, strokeDasharray: '6,4' }),
      ...projectionMarks(input),
      Plot.ruleX(observations, {
        x: 'year',
        y1: 'lowercl',
        y2: 'uppercl',
        stroke: INK,
        strokeOpacity: 0.45,
        strokeWidth: 6,
      }),
      Plot.line(observations, { x: 'year', y: 'value', z: 'series', stroke: INK, strokeWidth: 2 }),
      Plot.dot(observations, { x: 'year', y: 'value', fill: INK, r: 3.5 }),
      Plot.dot([baseline], {
        x: 'year',
        y: 'value',
        symbol: 'square',
        stroke: PATH_GREY,
        fill: 'white',
        r: 5,
      }),
      Plot.dot([target], { x: 'year', y: 'value', symbol: 'diamond', fill: TARGET_GREEN, r: 6 }),
      ...marginTexts(input, layout, domain),
    ],
  }) as PlottedSvg;
  if (strip > 0) drawActivityStrip(svg, input, domain, height - strip);
  // The chart is one image to assistive technology: Plot's labels on inner groups would be prohibited there.
  for (const element of svg.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
  svg.setAttribute('aria-label', input.title);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-describedby', input.describedBy);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg.outerHTML;
}

/** The chart wide and narrow (`atTwoWidths`): the stylesheet shows the one that fits the screen. */
export function progressChartAtTwoWidths(input: ProgressChartInput): string {
  return atTwoWidths((layout) => progressChartSvg(input, layout));
}
