import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { WIDE_LAYOUT } from './charts.js';
import { activityLanes, type ProgressChartInput, progressChartSvg } from './progress-chart.js';

const input = (activities: NonNullable<ProgressChartInput['activities']>): ProgressChartInput => ({
  locale: 'da',
  observations: [2020, 2021, 2022, 2023, 2024].map((year, i) => ({
    year,
    value: 30 - i,
    lowercl: 28 - i,
    uppercl: 32 - i,
    series: 'a',
  })),
  baseline: { year: 2020, value: 30 },
  target: { year: 2030, value: 20 },
  projection: null,
  breaks: [],
  bands: [],
  activities,
  yLabel: 'Procent',
  labels: { baseline: 'Basis', target: 'Mål', seriesBreak: 'Brud' },
  title: 'Test',
  describedBy: 'x',
  format: String,
});

const stripOf = (svg: string) => {
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  return {
    height: Number(document.querySelector('svg')?.getAttribute('height')),
    rects: [...document.querySelectorAll('.maaltal-activity-strip rect')].map((rect) => ({
      x: Number(rect.getAttribute('x')),
      width: Number(rect.getAttribute('width')),
      y: Number(rect.getAttribute('y')),
      title: rect.querySelector('title')?.textContent,
    })),
  };
};

describe('the activity periods on the target chart', () => {
  it('packs overlapping periods into lanes and reuses a lane once it is free', () => {
    const lanes = activityLanes([
      { from: 2021.0, to: 2022.0, label: 'a' },
      { from: 2021.5, to: 2023.0, label: 'b' },
      { from: 2022.2, to: 2022.8, label: 'c' },
    ]);
    expect(lanes.map((p) => [p.label, p.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ]);
  });

  it('draws each period under the time axis at the years it covers, named by its title', () => {
    const plain = stripOf(progressChartSvg(input([]), WIDE_LAYOUT));
    expect(plain.rects).toEqual([]);
    const drawn = stripOf(
      progressChartSvg(
        input([
          { from: 2021.5, to: 2022.5, label: 'Dialogmøder 2022' },
          { from: 2022.0, to: 2023.5, label: 'Kursus' },
        ]),
        WIDE_LAYOUT,
      ),
    );
    expect(drawn.height).toBeGreaterThan(plain.height);
    expect(drawn.rects.map((r) => r.title)).toEqual(['Dialogmøder 2022', 'Kursus']);
    const [first, second] = drawn.rects;
    // A year is a unit wide: the second period (1.5 years) is half again as wide as the first (1 year).
    expect((second?.width ?? 0) / (first?.width ?? 1)).toBeCloseTo(1.5, 1);
    expect(second?.x).toBeGreaterThan(first?.x ?? 0);
    expect(second?.y).not.toBe(first?.y);
    // Below the plot: under the frame's bottom.
    expect(first?.y).toBeGreaterThan(plain.height - 60);
  });
});
