// The rate charts as SVG: notes drawn on the years they concern, the whole as a labelled reference, bars in the
// order given (sortByValue puts the largest first), names neither clipped nor overlapping the axis, text of at
// least 12 px on the narrow layout, small multiples with one line per panel, and the chart as a file of its own.
import { describe, expect, it } from 'vitest';
import { standaloneSvg, svgToPng, wrapText } from './chart-export.js';
import {
  type ChartPoint,
  NARROW_LAYOUT,
  type RateChartOptions,
  rateChartSvg,
  seriesChartSvg,
  sortByValue,
  WIDE_LAYOUT,
} from './charts.js';

const YEARS = Array.from({ length: 14 }, (_, i) => 2012 + i);
const line: ChartPoint[] = YEARS.map((year, i) => ({
  label: String(year),
  value: 50 + i,
  lower: 48 + i,
  upper: 52 + i,
}));
const national: ChartPoint[] = YEARS.map((year) => ({
  label: String(year),
  value: 40,
  lower: null,
  upper: null,
}));
const LONG = 'Installation og reparation af maskiner og udstyr';
const bars: ChartPoint[] = [
  { label: LONG, value: 20, lower: 18, upper: 22 },
  { label: 'Kontor', value: 5, lower: 4, upper: 6 },
  { label: 'Slagterier', value: null, lower: null, upper: null },
];
const options = (more: Partial<RateChartOptions> = {}): RateChartOptions => ({
  locale: 'da',
  kind: 'line',
  yLabel: 'Pr. 10.000 beskæftigede',
  title: 'Anmeldte arbejdsulykker',
  describedBy: 'caption',
  ...more,
});

type Placed = { text: string; x: number; y: number; fontSize: number | null };

/**
 * Every text's (and each line's of a wrapped text) content, at its position with its groups' translations; ems
 * without a font size of their own are of the chart's (`fontSize`, from its style).
 */
function texts(svg: string, fontSize: number | null = null): Placed[] {
  const found: Placed[] = [];
  const stack: Omit<Placed, 'text'>[] = [{ x: 0, y: 0, fontSize }];
  let line: Omit<Placed, 'text'> = { x: 0, y: 0, fontSize: null };
  const translate = (tag: string) => {
    const m = /transform="translate\(([-\d.e]+),\s*([-\d.e]+)\)"/.exec(tag);
    return m === null ? { x: 0, y: 0 } : { x: Number(m[1]), y: Number(m[2]) };
  };
  const size = (tag: string) => {
    const m = /font-size="([\d.]+)"/.exec(tag);
    return m === null ? null : Number(m[1]);
  };
  const offset = (attributes: string, name: 'y' | 'dy', fontSize: number | null) => {
    const m = new RegExp(`\\s${name}="([-\\d.]+)(em)?"`).exec(attributes);
    return m === null ? 0 : m[2] === 'em' ? Number(m[1]) * (fontSize ?? 0) : Number(m[1]);
  };
  for (const match of svg.matchAll(/<(\/?)(g|text|tspan)\b([^>]*)>([^<]*)/g)) {
    const [, closing, tag, attributes = '', content = ''] = match;
    const parent = stack.at(-1) as Omit<Placed, 'text'>;
    if (closing === '/') {
      if (tag === 'g') stack.pop();
      continue;
    }
    const moved = translate(attributes);
    const fontSize = size(attributes) ?? parent.fontSize;
    if (tag === 'g') stack.push({ x: parent.x + moved.x, y: parent.y + moved.y, fontSize });
    else if (tag === 'text') {
      line = { x: parent.x + moved.x, y: parent.y + moved.y, fontSize };
      if (content !== '')
        found.push({ text: content, ...line, y: line.y + offset(attributes, 'y', line.fontSize) });
    } else {
      const y = attributes.includes(' y=') ? line.y + offset(attributes, 'y', line.fontSize) : line.y;
      line = { ...line, y: y + offset(attributes, 'dy', line.fontSize) };
      found.push({ text: content, ...line });
    }
  }
  return found;
}

describe('rate charts', () => {
  it('shades the years a note concerns, with its label, and draws a series break as a dashed line', () => {
    const svg = rateChartSvg(line, {
      ...options(),
      bands: [
        { from: 2020, to: 2022, label: 'COVID-19', kind: 'period' },
        { from: 2016, to: 2016, label: 'Ny opgørelse', kind: 'break' },
        { from: 2030, to: 2031, label: 'Udenfor', kind: 'period' },
      ],
    });
    const band = /<g[^>]*fill="#efe7d6"[^>]*>(<rect[^>]*>)<\/g>/.exec(svg)?.[1] ?? '';
    expect(band).not.toBe('');
    // The band spans 2019.5 to 2022.5 of an axis from 2011.5 to 2025.5.
    const x = Number(/x="([\d.]+)"/.exec(band)?.[1]);
    const width = Number(/width="([\d.]+)"/.exec(band)?.[1]);
    const inner = WIDE_LAYOUT.width - 14 * 4 - 14 * 1.5;
    expect(width).toBeCloseTo((inner * 3) / 14, 0);
    expect(x).toBeCloseTo(14 * 4 + (inner * 8) / 14, 0);
    const labels = texts(svg).map((t) => t.text);
    expect(labels).toContain('COVID-19');
    expect(labels).toContain('Ny opgørelse');
    expect(labels).not.toContain('Udenfor');
    expect(svg).toMatch(/<g[^>]*stroke-dasharray="4,3"[^>]*><line/);
  });

  it('draws the whole as a labelled dashed reference: a series on line charts, a rule on bar charts', () => {
    const lines = rateChartSvg(line, { ...options(), reference: { label: 'Hele landet', points: national } });
    expect(lines).toMatch(
      /<path[^>]*stroke="#6f3b00"[^>]*stroke-dasharray="6,4"|stroke-dasharray="6,4"[^>]*stroke="#6f3b00"/,
    );
    expect(texts(lines).map((t) => t.text)).toContain('Hele landet');
    const barChart = rateChartSvg(bars, {
      ...options({ kind: 'bar' }),
      reference: { label: 'Hele landet', value: 12.3 },
    });
    expect(barChart).toMatch(/<g[^>]*stroke="#6f3b00"[^>]*><line/);
    expect(texts(barChart).map((t) => t.text)).toContain('Hele landet');
  });

  it('sorts by value, largest first, values missing last in their order', () => {
    const sorted = sortByValue([
      { id: 'a', value: 2 },
      { id: 'b', value: null },
      { id: 'c', value: 9 },
      { id: 'd', value: null },
      { id: 'e', value: 2 },
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['c', 'a', 'e', 'b', 'd']);
  });

  it('draws bars top to bottom in the order given, saying which ones are hidden', () => {
    for (const layout of [WIDE_LAYOUT, NARROW_LAYOUT]) {
      const svg = rateChartSvg(bars, { ...options({ kind: 'bar', layout }), hiddenLabel: 'skjult' });
      const found = texts(svg);
      const at = (text: string) =>
        found.find((t) => t.text === text || t.text.startsWith(text.slice(0, 20)))?.y;
      expect(at('Kontor')).toBeGreaterThan(at(LONG) as number);
      expect(at('Slagterier')).toBeGreaterThan(at('Kontor') as number);
      expect(found.map((t) => t.text)).toContain('skjult');
    }
  });

  it('keeps long names whole: wrapped beside the bars when wide, cut with the full name as a title when narrow', () => {
    const wide = rateChartSvg(bars, options({ kind: 'bar' }));
    const lines = texts(wide).filter((t) => LONG.includes(t.text.trim()) && t.text.trim() !== '');
    // Either the whole name in one piece, or in lines that give it back whole; and none of it left of the chart.
    expect(lines.map((t) => t.text.trim()).join(' ')).toBe(LONG);
    // IBM Plex Sans averages under half an em a letter in these names.
    expect(lines.length).toBe(2);
    for (const piece of lines) expect(piece.x - piece.text.length * 14 * 0.5).toBeGreaterThan(0);
    const narrow = rateChartSvg([{ ...(bars[0] as ChartPoint), label: `${LONG} ${LONG}` }], {
      ...options({ kind: 'bar', layout: NARROW_LAYOUT }),
    });
    expect(narrow).toContain(`<title>${LONG} ${LONG}</title>`);
    expect(narrow).toContain('…');
  });

  it('keeps the axis title clear of the tick labels', () => {
    for (const layout of [WIDE_LAYOUT, NARROW_LAYOUT]) {
      const svg = rateChartSvg(bars, options({ kind: 'bar', layout }));
      const found = texts(svg, layout.fontSize);
      const title = found.find((t) => t.text.startsWith('Pr. 10.000')) as { y: number };
      const ticks = found.filter((t) => /^\d+(,\d)?$/.test(t.text));
      expect(ticks.length).toBeGreaterThan(2);
      const lowestTick = Math.max(...ticks.map((t) => t.y));
      // A tick's text reaches about a quarter of the font below its baseline; the title's top is about 0.75 above.
      expect(title.y - layout.fontSize * 0.75).toBeGreaterThan(lowestTick + layout.fontSize * 0.25);
    }
  });

  it('draws text at 14 px wide and 12 px narrow, and nothing smaller', () => {
    for (const [layout, size] of [
      [WIDE_LAYOUT, 14],
      [NARROW_LAYOUT, 12],
    ] as const) {
      for (const svg of [
        rateChartSvg(line, {
          ...options({ layout }),
          bands: [{ from: 2020, to: 2022, label: 'COVID-19', kind: 'period' }],
        }),
        rateChartSvg(bars, options({ kind: 'bar', layout, reference: { label: 'Hele landet', value: 10 } })),
        seriesChartSvg([{ name: 'Kontor', points: line }], {
          ...options({ layout }),
          reference: { label: 'Hele landet', points: national },
        }),
      ]) {
        expect(svg).toMatch(new RegExp(`^<svg[^>]*width="${layout.width}"`));
        expect(svg).toContain(`font-size:${size}px`);
        for (const t of texts(svg))
          if (t.fontSize !== null && t.fontSize !== 10) expect(t.fontSize).toBeGreaterThanOrEqual(size);
        // Plot's own 10 px default is overridden by the style on the chart.
        expect(svg).toMatch(/^<svg[^>]*style="font-size:1[24]px/);
      }
    }
  });

  it('draws small multiples: a named panel and one line per series, on one scale', () => {
    const series = ['Kontor', 'Slagterier', 'Hospitaler'].map((name, k) => ({
      name,
      points: line.map((p) => ({ ...p, value: (p.value as number) - k * 10 })),
    }));
    const svg = seriesChartSvg(series, {
      ...options(),
      reference: { label: 'Hele landet', points: national },
      bands: [{ from: 2020, to: 2022, label: 'COVID-19', kind: 'period' }],
    });
    const names = [...svg.matchAll(/<g[^>]*font-weight="bold"[^>]*>([\s\S]*?)<\/g>/g)]
      .map((m) => m[1])
      .join('');
    for (const s of series) expect(names).toContain(`>${s.name}</text>`);
    expect(
      svg.match(/<path[^>]*stroke="#1a5a8a"|stroke="#1a5a8a"[^>]*><path/g)?.length,
    ).toBeGreaterThanOrEqual(1);
    expect(
      svg.match(/<path fill="none"[^>]*d="M/g)?.length ?? svg.match(/<path d="M/g)?.length,
    ).toBeGreaterThanOrEqual(6);
    // The COVID-19 label once, the band in every panel.
    expect(texts(svg).filter((t) => t.text === 'COVID-19')).toHaveLength(1);
    expect(svg.match(/fill="#efe7d6"/g)?.length).toBe(3);
  });
});

describe('a chart as a file of its own', () => {
  const chart = rateChartSvg(line, { ...options(), fontFamily: 'IBM Plex Sans, sans-serif' });

  it('puts the title above the chart and the notes under it, without the page’s stylesheet', () => {
    const svg = standaloneSvg({
      title: 'Anmeldte arbejdsulykker pr. 10.000 beskæftigede, 2012–2025',
      chart,
      notes: ['2020–2022 omfatter COVID-19-smitter <anmeldt> som ulykker.', 'Kilde: Demodata.'],
    });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="792"/);
    expect(svg).toContain('font-weight="bold" fill="#1a1a1a">Anmeldte arbejdsulykker');
    expect(svg).toContain('&#60;anmeldt&#62;');
    expect(svg).not.toContain('<style>');
    const titleAt = svg.indexOf('Anmeldte arbejdsulykker pr.');
    expect(titleAt).toBeLessThan(svg.indexOf('<g transform="translate(16'));
    expect(svg.indexOf('Kilde: Demodata.')).toBeGreaterThan(svg.indexOf('</svg></g>'));
  });

  it('wraps text at whole words', () => {
    expect(wrapText('en to tre fire fem seks syv', 60, 10)).toEqual(['en to tre', 'fire fem', 'seks syv']);
  });

  it('rasterises the file as a PNG in IBM Plex Sans', () => {
    const png = svgToPng(standaloneSvg({ title: 'Titel', chart, notes: ['Note'] }));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the SVG's width: 2 × 792 pixels.
    expect(png.readUInt32BE(16)).toBe(1584);
  });
});
