// A funding pool's burn-down as SVG drawn on the server with Observable Plot: the amount remaining at the end of each
// month (a line from the amount at the pool's start, falling as money is spent), the months' spending as bars, and the pool's amount as a
// dashed rule. Drawn at one layout (`ChartLayout`), twice on the page through `atTwoWidths`; the page puts a table
// with the same numbers beside it.
import * as Plot from '@observablehq/plot';
import type { Locale } from '../format.js';
import { asImage, type ChartLayout } from '../web/charts.js';
import { GREY, INK, plotDocument } from '../web/goal-chart.js';

export interface BurnDownChartInput {
  locale: Locale;
  amount: number;
  months: readonly { month: string; spentDkk: number; remainingDkk: number }[];
  title: string;
  describedBy: string;
  yLabel: string;
  format: (value: number) => string;
}

const SPENT = '#c58b2c';

const dateOf = (month: string) => new Date(`${month}-01T00:00:00Z`);
const endOfMonth = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));

/** Month ticks that fit: every month when few, else every 3rd, 6th or 12th. */
function monthTicks(months: readonly string[], layout: ChartLayout): Date[] {
  const room = Math.max(2, Math.floor(layout.width / (layout.fontSize * 6)));
  const step = [1, 3, 6, 12, 24].find((s) => months.length / s <= room) ?? 24;
  return months.filter((_, i) => i % step === 0).map(dateOf);
}

export function burnDownChartSvg(input: BurnDownChartInput, layout: ChartLayout): string {
  const points = input.months.map((m) => ({
    date: dateOf(m.month),
    remaining: m.remainingDkk,
    spent: m.spentDkk,
  }));
  // The amount at the start of the first month, then what remains at the end of each month (the next one's start).
  const first = points[0]?.date ?? new Date(0);
  const line = [
    { date: first, remaining: input.amount },
    ...points.map((p) => ({ date: endOfMonth(p.date), remaining: p.remaining })),
  ];
  const monthFormat = new Intl.DateTimeFormat(input.locale === 'da' ? 'da-DK' : 'en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const lowest = Math.min(0, ...points.map((p) => p.remaining));
  const svg = Plot.plot({
    document: plotDocument,
    width: layout.width,
    height: layout.narrow ? 260 : 320,
    marginLeft: layout.narrow ? 64 : 90,
    marginRight: 16,
    marginTop: layout.fontSize * 2,
    style: { fontSize: `${layout.fontSize}px`, fontFamily: 'inherit', overflow: 'visible' },
    x: {
      type: 'utc',
      label: null,
      ticks: monthTicks(
        input.months.map((m) => m.month),
        layout,
      ),
      tickFormat: (d: Date) => monthFormat.format(d),
    },
    y: {
      label: input.yLabel,
      grid: true,
      domain: [lowest, Math.max(input.amount, 1)],
      tickFormat: input.format,
      ticks: layout.narrow ? 4 : 6,
    },
    marks: [
      Plot.ruleY([input.amount], { stroke: GREY, strokeDasharray: '4,3' }),
      Plot.ruleY([0], { stroke: GREY }),
      Plot.rectY(points, { x: 'date', interval: 'month', y: 'spent', fill: SPENT, inset: 1 }),
      Plot.line(line, { x: 'date', y: 'remaining', stroke: INK, strokeWidth: 2 }),
      Plot.dot(line.slice(1), { x: 'date', y: 'remaining', fill: INK, r: layout.narrow ? 2 : 3 }),
    ],
  });
  return asImage(svg, input.title, input.describedBy);
}
