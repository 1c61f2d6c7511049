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

export interface RateChartOptions {
  locale: Locale;
  /** 'line' for a series over years, 'bar' for categories. */
  kind: 'line' | 'bar';
  yLabel: string;
  /** The chart's accessible name. */
  title: string;
  /** The id of the element on the page that describes the chart in words (its key numbers). */
  describedBy: string;
}

const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
const INK = '#1a5a8a';

/** A rate chart with its confidence intervals; points without a value (suppressed, no data) are left out. */
export function rateChartSvg(points: readonly ChartPoint[], options: RateChartOptions): string {
  const shown = points.filter((p) => p.value !== null);
  const format = (value: number) => formatDecimal(value, options.locale, 1);
  const common = {
    document: document as unknown as Plot.PlotOptions['document'],
    ariaLabel: options.title,
    style: { fontSize: '14px', fontFamily: 'inherit', overflow: 'visible' },
    marginLeft: options.kind === 'bar' ? 240 : 56,
  };
  const svg =
    options.kind === 'line'
      ? Plot.plot({
          ...common,
          width: 760,
          height: 340,
          x: { label: null, tickFormat: (d: string) => d, type: 'point', domain: points.map((p) => p.label) },
          y: { label: options.yLabel, grid: true, zero: true, tickFormat: format },
          marks: [
            Plot.ruleX(shown, {
              x: 'label',
              y1: 'lower',
              y2: 'upper',
              stroke: INK,
              strokeOpacity: 0.45,
              strokeWidth: 6,
            }),
            Plot.lineY(shown, { x: 'label', y: 'value', stroke: INK, strokeWidth: 2 }),
            Plot.dot(shown, { x: 'label', y: 'value', fill: INK, r: 3.5 }),
          ],
        })
      : Plot.plot({
          ...common,
          width: 760,
          height: Math.max(120, 28 * points.length + 60),
          y: { label: null, domain: points.map((p) => p.label) },
          x: { label: options.yLabel, grid: true, zero: true, tickFormat: format },
          marks: [
            Plot.barX(shown, { y: 'label', x: 'value', fill: INK, fillOpacity: 0.35 }),
            Plot.ruleY(shown, { y: 'label', x1: 'lower', x2: 'upper', stroke: INK, strokeWidth: 2 }),
            Plot.dot(shown, { y: 'label', x: 'value', fill: INK, r: 3 }),
          ],
        });
  // The chart is one image to assistive technology: Plot's labels on inner groups would be prohibited there.
  for (const element of svg.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
  svg.setAttribute('aria-label', options.title);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-describedby', options.describedBy);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg.outerHTML;
}

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
  yLabel: string;
  labels: { baseline: string; target: string; requiredPath: string; projection: string; seriesBreak: string };
  title: string;
  describedBy: string;
  format: (value: number) => string;
}

const PATH_GREY = '#6f6f6f';
const TARGET_GREEN = '#2b7a3d';

/** Observations with intervals, the path from baseline to target, the projection and series breaks. */
export function progressChartSvg(input: ProgressChartInput): string {
  const { observations, baseline, target, projection, labels } = input;
  const years = observations.map((o) => o.year);
  const breakLines = input.breaks.flatMap((year) => {
    const before = years.filter((y) => y < year);
    if (before.length === 0) return [];
    return [{ x: (Math.max(...before) + year) / 2, label: labels.seriesBreak }];
  });
  const path = [
    { year: baseline.year, value: baseline.value },
    { year: target.year, value: target.value },
  ];
  const projected =
    projection === null
      ? []
      : [
          { year: projection.fromYear, value: projection.fromValue },
          { year: projection.year, value: projection.value },
        ];
  const fan =
    projection?.interval == null
      ? []
      : [
          { year: projection.fromYear, low: projection.interval.from[0], high: projection.interval.from[1] },
          { year: projection.year, low: projection.interval.to[0], high: projection.interval.to[1] },
        ];
  const svg = Plot.plot({
    document: document as unknown as Plot.PlotOptions['document'],
    width: 760,
    height: 360,
    marginLeft: 56,
    marginRight: 40,
    style: { fontSize: '14px', fontFamily: 'inherit', overflow: 'visible' },
    x: {
      label: null,
      tickFormat: (d: number) => String(d),
      domain: [Math.min(...years, baseline.year) - 0.5, target.year + 0.5],
    },
    y: { label: input.yLabel, grid: true, zero: true, tickFormat: input.format },
    marks: [
      Plot.ruleX(breakLines, { x: 'x', stroke: PATH_GREY, strokeDasharray: '2,3' }),
      Plot.text(breakLines, { x: 'x', frameAnchor: 'top', text: 'label', dy: -4, fill: PATH_GREY }),
      Plot.line(path, { x: 'year', y: 'value', stroke: PATH_GREY, strokeDasharray: '6,4' }),
      Plot.areaY(fan, { x: 'year', y1: 'low', y2: 'high', fill: INK, fillOpacity: 0.15 }),
      Plot.line(projected, { x: 'year', y: 'value', stroke: INK, strokeDasharray: '2,3', strokeWidth: 2 }),
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
      Plot.text([baseline], { x: 'year', y: 'value', text: () => labels.baseline, dy: 16, fill: PATH_GREY }),
      Plot.dot([target], { x: 'year', y: 'value', symbol: 'diamond', fill: TARGET_GREEN, r: 6 }),
      Plot.text([target], { x: 'year', y: 'value', text: () => labels.target, dy: -14, fill: TARGET_GREEN }),
    ],
  });
  for (const element of svg.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
  svg.setAttribute('aria-label', input.title);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-describedby', input.describedBy);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg.outerHTML;
}
