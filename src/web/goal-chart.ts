// The goal page's chart: for each target of one indicator, its baseline, its latest measurement with the 95 %
// interval and its target value on one row, so how far each target has come is seen at a glance. Drawn at one
// layout (`ChartLayout` from charts.ts: wide or narrow, with a font that stays legible on a phone).
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Locale } from '../format.js';
import { asImage, type ChartLayout } from './charts.js';

const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');

/** The small DOM Observable Plot draws into on the server. */
export const plotDocument = document as unknown as Plot.PlotOptions['document'];

export const INK = '#1a5a8a';
export const GREY = '#6f6f6f';
export const GREEN = '#2b7a3d';

/** Left margin for the category labels, and the width (in ems) at which they wrap. */
export function labelSpace(layout: ChartLayout): { margin: number; lineWidth: number } {
  return layout.narrow ? { margin: 128, lineWidth: 10 } : { margin: 250, lineWidth: 17 };
}

/** Room below the plot for the value axis: its ticks, and its label on a line of its own. */
export const AXIS_SPACE = 52;

/** The value axis, its label under the tick labels (not over them). */
export function valueAxis(
  options: { xLabel: string; format: (value: number) => string },
  layout: ChartLayout,
) {
  return Plot.axisX({
    label: options.xLabel,
    labelOffset: AXIS_SPACE - 8,
    tickFormat: options.format,
    ticks: layout.narrow ? 4 : 8,
  });
}

export interface GoalChartRow {
  label: string;
  baseline: number;
  latest: number | null;
  lower: number | null;
  upper: number | null;
  target: number;
}

export interface GoalChartOptions {
  locale: Locale;
  /** The value axis: the indicator with its unit. */
  xLabel: string;
  title: string;
  describedBy: string;
  format: (value: number) => string;
}

/** Baseline (grey square), path to the target (dashed), latest value with its interval (blue), target (green). */
export function goalChartSvg(
  rows: readonly GoalChartRow[],
  options: GoalChartOptions,
  layout: ChartLayout,
): string {
  const measured = rows.filter((row) => row.latest !== null);
  const withInterval = measured.filter((row) => row.lower !== null && row.upper !== null);
  const labels = labelSpace(layout);
  const rowHeight = layout.narrow ? 44 : 36;
  const svg = Plot.plot({
    document: plotDocument,
    width: layout.width,
    height: rowHeight * rows.length + 76,
    marginLeft: labels.margin,
    marginRight: 16,
    marginBottom: AXIS_SPACE,
    style: { fontSize: `${layout.fontSize}px`, fontFamily: 'inherit', overflow: 'visible' },
    y: { label: null, domain: rows.map((row) => row.label), padding: 0.3 },
    x: { label: options.xLabel, grid: true, zero: true, tickFormat: options.format, nice: true },
    marks: [
      Plot.axisY({ lineWidth: labels.lineWidth, tickSize: 0, label: null }),
      valueAxis(options, layout),
      Plot.ruleY(rows, { y: 'label', x1: 'baseline', x2: 'target', stroke: GREY, strokeDasharray: '4,3' }),
      Plot.ruleY(withInterval, {
        y: 'label',
        x1: 'lower',
        x2: 'upper',
        stroke: INK,
        strokeOpacity: 0.45,
        strokeWidth: 7,
      }),
      Plot.dot(rows, { y: 'label', x: 'baseline', symbol: 'square', stroke: GREY, fill: 'white', r: 5 }),
      Plot.dot(rows, { y: 'label', x: 'target', symbol: 'diamond', fill: GREEN, r: 6 }),
      Plot.dot(measured, { y: 'label', x: 'latest', fill: INK, r: 4.5 }),
    ],
  });
  return asImage(svg, options.title, options.describedBy);
}
