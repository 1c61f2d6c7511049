// Notes on what a series' figures include (e.g. COVID-19 infections reported as work accidents in 2020–2022), by
// indicator kind, from data/series-notes.json, checked on load. The target page marks the years on its chart and
// in its note column and lists the notes under the chart; other pages may read the same notes from here.
import { z } from 'zod';
import { ACCIDENT_INDICATOR_SOURCE } from '../accidents/indicator-source.js';
import type { Locale } from '../format.js';
import { parseOrThrow } from '../validation.js';
import data from './data/series-notes.json' with { type: 'json' };

/** What an indicator is computed from: the reported work accidents, or a survey. */
export type IndicatorKind = 'accident-register' | 'survey';

const text = z.object({ da: z.string().min(1), en: z.string().min(1) });
const year = z.number().int().min(1900).max(2100).nullable();

const seriesNoteSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    indicatorKinds: z.array(z.enum(['accident-register', 'survey'])).min(1),
    fromYear: year,
    toYear: year,
    label: text.nullable(),
    yearNote: text.nullable(),
    text,
  })
  .refine((note) => note.fromYear === null || note.toYear === null || note.fromYear <= note.toYear, {
    message: 'fromYear must not be after toYear',
  });

const seriesNotesSchema = z.object({ note: z.string(), notes: z.array(seriesNoteSchema) });

export type SeriesNote = z.infer<typeof seriesNoteSchema>;

export const SERIES_NOTES: readonly SeriesNote[] = parseOrThrow(
  seriesNotesSchema,
  data,
  'The series notes are invalid',
  { file: 'src/targets/data/series-notes.json' },
).notes;

/** The kind of an indicator from its data source. */
export function indicatorKindOf(dataSource: string): IndicatorKind {
  return dataSource === ACCIDENT_INDICATOR_SOURCE ? 'accident-register' : 'survey';
}

const concerns = (note: SeriesNote, from: number, to: number) =>
  (note.fromYear === null || note.fromYear <= to) && (note.toYear === null || note.toYear >= from);

/** The notes on an indicator kind that concern any year in [from, to]. */
export function seriesNotesFor(kind: IndicatorKind, from: number, to: number): SeriesNote[] {
  return SERIES_NOTES.filter((note) => note.indicatorKinds.includes(kind) && concerns(note, from, to));
}

/** The short notes for one year of a series (the table's note column). */
export function yearNotes(kind: IndicatorKind, year: number, locale: Locale): string[] {
  return seriesNotesFor(kind, year, year).flatMap((note) =>
    note.yearNote === null || note.fromYear === null ? [] : [note.yearNote[locale]],
  );
}

/** The year bands to shade on a chart: notes with a label and both ends. */
export function yearBands(
  kind: IndicatorKind,
  from: number,
  to: number,
  locale: Locale,
): { from: number; to: number; label: string }[] {
  return seriesNotesFor(kind, from, to).flatMap((note) =>
    note.label === null || note.fromYear === null || note.toYear === null
      ? []
      : [{ from: note.fromYear, to: note.toYear, label: note.label[locale] }],
  );
}
