// The accident statistics' settings: which records count as chemical exposures, how days lost become full-time
// years, suppression and exemptions, and the notes on breaks in the series. Checked on load.
import { z } from 'zod';
import { parseOrThrow } from '../validation.js';
import defaults from './data/accident-settings.json' with { type: 'json' };

// ESAW codes are digits and dots: matched the same way in SQL (= or LIKE 'code %') and in JS, case and wildcards aside.
const codes = z.array(z.string().regex(/^[0-9][0-9.]*$/, 'an ESAW code: digits and dots'));
const bilingualNote = z.object({
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  da: z.string().min(1),
  en: z.string().min(1),
});

export const accidentSettingsSchema = z.object({
  chemical: z.object({
    note: z.string(),
    injuryTypes: codes,
    contactModes: codes,
    materialAgents: codes,
  }),
  labourLoss: z.object({
    workingDaysPerYear: z.number().positive(),
    note: z.string(),
    severityMidpointDays: z.object({
      minor: z.number().nonnegative(),
      serious: z.number().nonnegative(),
      fatal: z.number().nonnegative(),
      unknown: z.number().nonnegative(),
    }),
  }),
  suppression: z.object({
    minCount: z.number().int().nonnegative(),
    /** A hidden count is protected when the published figures leave it an interval at least this wide. */
    protectionWidth: z.number().positive(),
    exemptFatal: z.boolean(),
    exemptNote: z.string(),
  }),
  seriesNotes: z.array(bilingualNote),
  /** How large a public answer may be: rows of any answer, and rows of an XLSX download (above it: CSV). */
  queryBudget: z.object({
    maxRows: z.number().int().positive(),
    maxXlsxRows: z.number().int().positive(),
  }),
});

export type AccidentSettings = z.infer<typeof accidentSettingsSchema>;
export type SeriesNote = z.infer<typeof bilingualNote>;

export const DEFAULT_ACCIDENT_SETTINGS: AccidentSettings = parseOrThrow(
  accidentSettingsSchema,
  defaults,
  'The accident settings are invalid',
  { file: 'src/accidents/data/accident-settings.json' },
);

/** The notes that concern any year in [from, to]. */
export function notesFor(settings: AccidentSettings, from: number, to: number): SeriesNote[] {
  return settings.seriesNotes.filter(
    (note) =>
      (note.fromYear === null || note.fromYear <= to) && (note.toYear === null || note.toYear >= from),
  );
}
