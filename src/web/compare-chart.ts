// The comparison page's chart: one bar per branch group with its confidence interval, the whole country's value
// as a dashed reference line, and a hidden group named as hidden (never drawn). Drawn at one `ChartLayout`.
import * as Plot from '@observablehq/plot';
import type { ChartLayout } from './charts.js';
import { asImage } from './charts.js';
import { AXIS_SPACE, GREY, INK, labelSpace, plotDocument, valueAxis } from './goal-chart.js';

export interface CompareChartRow {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  hidden: boolean;
}

export interface CompareChartOptions {
  xLabel: string;
  title: string;
  describedBy: string;
  format: (value: number) => string;
  /** The whole country's value, drawn as the reference line; null when it is hidden. */
  national: number | null;
  nationalLabel: string;
  /** The word written on a hidden group's row. */
  hiddenText: string;
}

export function compareChartSvg(
  rows: readonly CompareChartRow[],
  options: CompareChartOptions,
  layout: ChartLayout,
): string {
  const shown = rows.filter((row) => !row.hidden && row.value !== null);
  const intervals = shown.filter((row) => row.lower !== null && row.upper !== null);
  const hidden = rows.filter((row) => row.hidden);
  const reference = options.national === null ? [] : [{ x: options.national }];
  const labels = labelSpace(layout);
  const svg = Plot.plot({
    document: plotDocument,
    width: layout.width,
    height: (layout.narrow ? 48 : 40) * rows.length + 32 + AXIS_SPACE,
    marginLeft: labels.margin,
    marginRight: 24,
    marginTop: 32,
    marginBottom: AXIS_SPACE,
    style: { fontSize: `${layout.fontSize}px`, fontFamily: 'inherit', overflow: 'visible' },
    y: { label: null, domain: rows.map((row) => row.label), padding: 0.25 },
    x: { label: options.xLabel, grid: true, zero: true, nice: true, tickFormat: options.format },
    marks: [
      Plot.axisY({ lineWidth: labels.lineWidth, tickSize: 0, label: null }),
      valueAxis(options, layout),
      Plot.barX(shown, { y: 'label', x: 'value', fill: INK, fillOpacity: 0.3 }),
      Plot.ruleY(intervals, { y: 'label', x1: 'lower', x2: 'upper', stroke: INK, strokeWidth: 2.5 }),
      Plot.tickX(intervals, { y: 'label', x: 'lower', stroke: INK, strokeWidth: 2.5, inset: 6 }),
      Plot.tickX(intervals, { y: 'label', x: 'upper', stroke: INK, strokeWidth: 2.5, inset: 6 }),
      Plot.dot(shown, { y: 'label', x: 'value', fill: INK, r: 3.5 }),
      Plot.text(hidden, { y: 'label', x: 0, text: () => options.hiddenText, textAnchor: 'start', dx: 6 }),
      Plot.ruleX(reference, { x: 'x', stroke: GREY, strokeWidth: 1.5, strokeDasharray: '6,4' }),
      Plot.text(reference, {
        x: 'x',
        frameAnchor: 'top',
        dy: -14,
        text: () => options.nationalLabel,
        fill: '#3d3d3d',
      }),
    ],
  });
  return asImage(svg, options.title, options.describedBy);
}
