// Input of campaigns (API JSON and the editor's form), checked once at the edge with the field builders every
// editable record shares (editable.schemas.ts): a whole count, a BFA code or none, the channels one per line.
import { z } from 'zod';
import type { Locale } from '../format.js';
import {
  ALWAYS,
  emptyIsNull,
  formNumber,
  isoDate,
  optionalDate,
  optionalText,
  parseWith,
  periodInOrder,
  publishedFlag,
  requiredText,
  versionSchema,
} from './editable.schemas.js';

const MAX_COUNT = 1e12;

/** A whole number from 0, or nothing. */
export const optionalCount = z.preprocess(
  emptyIsNull,
  z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(MAX_COUNT, `must be at most ${MAX_COUNT}`)
    .nullable(),
);

/** A BFA code (lower case), or nothing. */
export const optionalBfa = z.preprocess(
  emptyIsNull,
  z.string({ message: 'must be a BFA code' }).trim().toLowerCase().max(40, 'is not a BFA code').nullable(),
);

export const MAX_CHANNELS = 20;

const channelList = z.preprocess(
  (value) => value ?? [],
  z
    .array(requiredText(80), { message: 'must be a list of names' })
    .max(MAX_CHANNELS, `at most ${MAX_CHANNELS} channels`)
    .transform((names) => [...new Set(names)]),
);

const campaignFields = {
  bfa: optionalBfa,
  title: requiredText(200),
  description: optionalText(10_000),
  channels: channelList,
  periodStart: isoDate,
  periodEnd: optionalDate,
  reachedPeople: optionalCount,
  reachedWorkplaces: optionalCount,
  impressions: optionalCount,
  reachNote: optionalText(2_000),
  published: publishedFlag,
};

export const campaignInputSchema = z.object(campaignFields).strict().superRefine(periodInOrder, ALWAYS);
export type CampaignInput = z.output<typeof campaignInputSchema>;

/** The API's PUT body: the fields and the version the client read. */
export const campaignUpdateSchema = z
  .object({ ...campaignFields, version: versionSchema })
  .strict()
  .superRefine(periodInOrder, ALWAYS);

export const parseCampaignInput = (input: unknown): CampaignInput =>
  parseWith(campaignInputSchema, input, 'The campaign has problems');

export function parseCampaignUpdate(input: unknown): { version: number; input: CampaignInput } {
  const { version, ...fields } = parseWith(campaignUpdateSchema, input, 'The campaign has problems');
  return { version, input: fields };
}

/** A list typed one per line or separated by commas. */
export const formList = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');

/** The campaign form's fields as the schema's input. */
export function campaignFromForm(form: Record<string, string>, locale: Locale): Record<string, unknown> {
  return {
    bfa: form.bfa ?? '',
    title: form.title ?? '',
    description: form.description ?? '',
    channels: formList(form.channels ?? ''),
    periodStart: form.periodStart ?? '',
    periodEnd: form.periodEnd ?? '',
    reachedPeople: formNumber(form.reachedPeople ?? '', locale),
    reachedWorkplaces: formNumber(form.reachedWorkplaces ?? '', locale),
    impressions: formNumber(form.impressions ?? '', locale),
    reachNote: form.reachNote ?? '',
  };
}
