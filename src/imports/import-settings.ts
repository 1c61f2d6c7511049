// The import's plausibility settings: the years imported data may hold (year columns and the years of dates).
// Checked on load; every kind's year and date fields take their bounds from here.
import { z } from 'zod';
import { parseOrThrow } from '../validation.js';
import defaults from './data/import-settings.json' with { type: 'json' };

export const importSettingsSchema = z.object({
  years: z
    .object({ min: z.number().int(), max: z.number().int(), note: z.string() })
    .refine((years) => years.min <= years.max, { message: 'min must not be above max' }),
  limits: z.object({
    mappingFileBytes: z.number().int().positive(),
    cubeCells: z.number().int().positive(),
    workbookBytes: z.number().int().positive(),
    compressionRatio: z.number().positive(),
    note: z.string(),
  }),
  pipeline: z.object({ validateInWorkerFromBytes: z.number().int().nonnegative(), note: z.string() }),
});

export type ImportSettings = z.infer<typeof importSettingsSchema>;

export const IMPORT_SETTINGS: ImportSettings = parseOrThrow(
  importSettingsSchema,
  defaults,
  'The import settings are invalid',
  { file: 'src/imports/data/import-settings.json' },
);

/** The bounds of a year field or of a date field's year. */
export const YEAR_BOUNDS = { min: IMPORT_SETTINGS.years.min, max: IMPORT_SETTINGS.years.max } as const;
