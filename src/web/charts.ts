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
