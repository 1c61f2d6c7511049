// A chart as a file of its own (SVG, or PNG rasterised on the server with resvg): the chart with its title above
// and its notes and source below, so the picture carries its context wherever it is pasted.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const EXPORT_FONT_FAMILY = 'IBM Plex Sans';
const PADDING = 16;
const TITLE_SIZE = 18;
const NOTE_SIZE = 12;

/** dkfds ships IBM Plex Sans as TrueType beside its script; resvg reads the files (no system fonts). */
const FONT_DIRECTORY = join(
  dirname(createRequire(import.meta.url).resolve('dkfds')),
  '..',
  'fonts',
  'IBMPlexSans',
  'complete',
  'ttf',
);
const FONT_FILES = ['IBMPlexSans-Regular.ttf', 'IBMPlexSans-Bold.ttf'].map((file) =>
  join(FONT_DIRECTORY, file),
);

export interface StandaloneChart {
  title: string;
  /** The chart's own SVG (drawn wide, in EXPORT_FONT_FAMILY). */
  chart: string;
  /** Notes and the source, each a paragraph under the chart. */
  notes: readonly string[];
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Words in lines of at most about `width` pixels (an average letter is about 0.55 em in IBM Plex Sans). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const room = Math.max(10, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const attribute = (svg: string, name: string) =>
  Number(new RegExp(`^<svg[^>]*?\\s${name}="([\\d.]+)"`).exec(svg)?.[1] ?? Number.NaN);

const LINE_HEIGHT = 1.35;
/** Space between two paragraphs, in lines. */
const PARAGRAPH_GAP = 0.4;

/** Paragraphs of wrapped lines from `top`, and where they end. */
function textBlock(
  paragraphs: readonly string[][],
  top: number,
  size: number,
  weight: 'bold' | 'normal',
): { svg: string; bottom: number } {
  let y = top;
  const parts: string[] = [];
  for (const lines of paragraphs) {
    for (const line of lines) {
      parts.push(
        `<text x="${PADDING}" y="${(y + size).toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="#1a1a1a">${escapeXml(line)}</text>`,
      );
      y += size * LINE_HEIGHT;
    }
    y += size * LINE_HEIGHT * PARAGRAPH_GAP;
  }
  return { svg: parts.join(''), bottom: y - size * LINE_HEIGHT * PARAGRAPH_GAP };
}

/** One SVG document: white background, the title, the chart, then the notes. */
export function standaloneSvg(input: StandaloneChart): string {
  const width = attribute(input.chart, 'width');
  const height = attribute(input.chart, 'height');
  if (!(width > 0 && height > 0)) throw new Error('The chart has no width or height');
  const total = width + 2 * PADDING;
  const title = textBlock([wrapText(input.title, width, TITLE_SIZE)], PADDING, TITLE_SIZE, 'bold');
  const chartTop = title.bottom + PADDING;
  const notesTop = chartTop + height + PADDING;
  const notes = textBlock(
    input.notes.map((note) => wrapText(note, width, NOTE_SIZE)),
    notesTop,
    NOTE_SIZE,
    'normal',
  );
  const bottom = Math.ceil(notes.bottom + PADDING);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="${bottom}" viewBox="0 0 ${total} ${bottom}" font-family="${EXPORT_FONT_FAMILY}, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    title.svg,
    // Plot's page stylesheet (auto height, 100 % max width) would resize the chart inside another SVG.
    `<g transform="translate(${PADDING} ${chartTop.toFixed(1)})">${input.chart.replace(/<style>[\s\S]*?<\/style>/, '')}</g>`,
    notes.svg,
    '</svg>',
  ].join('');
}

/** The SVG rasterised at twice its size, in IBM Plex Sans. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: EXPORT_FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}

/** A chart file for download: its bytes, type and a name of fixed characters. */
export interface ChartFile {
  body: string | ArrayBuffer;
  contentType: string;
  fileName: string;
}

/** The chart with its title and notes as an SVG or PNG file named `baseName.svg|png`. */
export function chartFileOf(input: StandaloneChart, format: 'svg' | 'png', baseName: string): ChartFile {
  const svg = standaloneSvg(input);
  const fileName = `${baseName}.${format}`;
  if (format === 'svg') return { body: svg, contentType: 'image/svg+xml; charset=utf-8', fileName };
  const png = svgToPng(svg);
  const body = png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
  return { body, contentType: 'image/png', fileName };
}

/** `?format=svg|png` on a page with a chart: the format asked for, else null (the page itself). */
export function chartFormatOf(value: string | undefined): 'svg' | 'png' | null {
  return value === 'svg' || value === 'png' ? value : null;
}
