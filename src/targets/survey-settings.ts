// The survey observations' publication settings (METHODS §9): the minimum number of respondents behind a published
// survey figure. Checked on load; the method page, the API, the pages and the CLI all read them from here.
import { z } from 'zod';
import { parseOrThrow } from '../validation.js';
import defaults from './data/survey-settings.json' with { type: 'json' };

export const surveySettingsSchema = z.object({
  publication: z.object({
    minRespondents: z.number().int().nonnegative(),
    note: z.string(),
  }),
});

export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = parseOrThrow(
  surveySettingsSchema,
  defaults,
  'The survey settings are invalid',
  { file: 'src/targets/data/survey-settings.json' },
);
