// A pilot's chart: the share (or rate) before and after in the intervention group and the comparison group, each a
// line between its two measurements, and the intervention group's path had it followed the comparison group's change
// (dashed: the parallel-trends assumption behind difference in differences, METHODS §10). Drawn at one `ChartLayout`;
// the page names the lines in a legend and gives the same figures in a table.
import * as Plot from '@observablehq/plot';
import type { ChartLayout } from './charts.js';
import { asImage } from './charts.js';
import { GREY, INK, plotDocument } from './goal-chart.js';

export type PilotLineKey = 'intervention' | 'comparison' | 'expected';

export interface PilotChartLine {
  key: PilotLineKey;
  before: number;
  after: number;
}

export interface PilotChartOptions {
  yLabel: string;
  title: string;
  describedBy: string;
  format: (value: number) => string;
  /** The names of the two measurements, written under the axis. */
  beforeLabel: string;
  afterLabel: string;
}

/** Each line's colour and dash, shared with the page's legend. */
export const PILOT_LINE_STYLE: Record<PilotLineKey, { stroke: string; dash: string | undefined }> = {
  intervention: { stroke: INK, dash: undefined },
  comparison: { stroke: '#8a4b00', dash: undefined },
  expected: { stroke: GREY, dash: '6,4' },
};

type Point = { key: PilotLineKey; period: 'before' | 'after'; value: number };

const pointsOf = (line: PilotChartLine): Point[] => [
  { key: line.key, period: 'before', value: line.before },
  { key: line.key, period: 'after', value: line.after },
];

function lineMarks(line: PilotChartLine) {
  const style = PILOT_LINE_STYLE[line.key];
  const points = pointsOf(line);
  const dots = line.key === 'expected' ? points.filter((point) => point.period === 'after') : points;
  return [
    Plot.line(points, {
      x: 'period',
      y: 'value',
      stroke: style.stroke,
      strokeWidth: 2.5,
      ...(style.dash === undefined ? {} : { strokeDasharray: style.dash }),
    }),
    Plot.dot(dots, {
      x: 'period',
      y: 'value',
      r: 4.5,
      stroke: style.stroke,
      strokeWidth: 2,
      fill: line.key === 'expected' ? 'white' : style.stroke,
      symbol: line.key === 'comparison' ? 'square' : 'circle',
    }),
  ];
}

/** The dashed path first, so the groups' own lines are drawn over it. */
const drawOrder = (a: PilotChartLine, b: PilotChartLine) =>
  Number(b.key === 'expected') - Number(a.key === 'expected');

export function pilotChartSvg(
  lines: readonly PilotChartLine[],
  options: PilotChartOptions,
  layout: ChartLayout,
): string {
  const labels: Record<string, string> = { before: options.beforeLabel, after: options.afterLabel };
  const svg = Plot.plot({
    document: plotDocument,
    width: layout.width,
    height: layout.narrow ? 260 : 300,
    marginLeft: layout.narrow ? 56 : 72,
    marginRight: layout.narrow ? 24 : 48,
    marginTop: 24,
    marginBottom: 40,
    style: { fontSize: `${layout.fontSize}px`, fontFamily: 'inherit', overflow: 'visible' },
    x: {
      type: 'point',
      domain: ['before', 'after'],
      padding: layout.narrow ? 0.25 : 0.4,
      label: null,
      tickFormat: (key: string) => labels[key] ?? key,
    },
    y: { label: options.yLabel, grid: true, zero: true, nice: true, tickFormat: options.format },
    marks: [Plot.ruleY([0], { stroke: GREY }), ...[...lines].sort(drawOrder).flatMap(lineMarks)],
  });
  return asImage(svg, options.title, options.describedBy);
}
