// The pilot chart: an accessible SVG with both groups before and after and the dashed parallel-trends path, its
// labels escaped, drawn at both widths.
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { atTwoWidths, NARROW_LAYOUT, WIDE_LAYOUT } from './charts.js';
import { type PilotChartLine, pilotChartSvg } from './pilot-chart.js';

const LINES: PilotChartLine[] = [
  { key: 'intervention', before: 30, after: 20 },
  { key: 'comparison', before: 29, after: 27 },
  { key: 'expected', before: 30, after: 28 },
];

const options = {
  yLabel: 'Andel (%)',
  title: 'Andel, der har forladt jobbet: før og efter',
  describedBy: 'pilot-chart-description',
  format: (value: number) => String(value),
  beforeLabel: '<script>alert(1)</script>',
  afterLabel: '2024',
};

it('draws an image named and described for screen readers, with the period labels escaped', () => {
  const svg = pilotChartSvg(LINES, options, WIDE_LAYOUT);
  const { document } = parseHTML(`<div>${svg}</div>`);
  const root = document.querySelector('svg');
  expect(root?.getAttribute('role')).toBe('img');
  expect(root?.getAttribute('aria-label')).toBe(options.title);
  expect(root?.getAttribute('aria-describedby')).toBe('pilot-chart-description');
  expect(svg).not.toContain('<script>');
  expect(root?.textContent).toContain('<script>alert(1)</script>');
  expect(root?.textContent).toContain('2024');
  // One dashed line (the expected path); circles for the intervention group's two values and the expected one.
  expect(document.querySelectorAll('[stroke-dasharray="6,4"]').length).toBe(1);
  expect(document.querySelectorAll('circle').length).toBe(3);
});

it('draws the chart at both widths', () => {
  const html = atTwoWidths((layout) => pilotChartSvg(LINES, options, layout));
  expect(html).toContain(`width="${WIDE_LAYOUT.width}"`);
  expect(html).toContain(`width="${NARROW_LAYOUT.width}"`);
});
