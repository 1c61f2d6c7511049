// Input schemas of activities (API JSON, the editor's form, CLI flags): validated once, at the edge. Every problem
// names its field (the input's top-level name, as the form's fields are named) in English and Danish, all at once.
import { z } from 'zod';
import { AppError, type Issue } from '../errors.js';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type Bilingual } from './activities.texts.js';

export const MAX_TITLE = 200;
export const MAX_NOTES = 20_000;
export const MAX_URL = 2_000;
const MAX_COUNT = 2_000_000_000;
const MAX_DKK = 1_000_000_000_000;
const MAX_LINKS = 200;

/** The problems a field can have, by the key the schema's messages carry (`tooLong:200` passes its limit). */
const PROBLEMS: Record<string, (arg: string) => Bilingual> = {
  required: () => ({ en: 'is required', da: 'skal udfyldes' }),
  text: () => ({ en: 'must be text', da: 'skal være tekst' }),
  tooLong: (n) => ({ en: `must be at most ${n} characters`, da: `må højst være ${n} tegn` }),
  nul: () => ({
    en: 'holds a NUL character (U+0000), which cannot be stored',
    da: 'indeholder et NUL-tegn (U+0000), som ikke kan gemmes',
  }),
  code: () => ({
    en: 'must be a code of lower-case letters, digits and hyphens',
    da: 'skal være en kode af små bogstaver, cifre og bindestreger',
  }),
  date: () => ({ en: 'must be a date as YYYY-MM-DD', da: 'skal være en dato som ÅÅÅÅ-MM-DD' }),
  periodOrder: () => ({
    en: 'must be on or after the start date',
    da: 'skal være samme dag som eller efter startdatoen',
  }),
  count: () => ({
    en: 'must be a whole number, 0 or more (or empty)',
    da: 'skal være et helt tal, 0 eller mere (eller tomt)',
  }),
  id: () => ({ en: 'must be a whole number from 1', da: 'skal være et helt tal fra 1' }),
  list: () => ({ en: 'must be a list', da: 'skal være en liste' }),
  tooMany: (n) => ({ en: `may hold at most ${n} items`, da: `må højst have ${n} elementer` }),
  atLeastOne: () => ({ en: 'choose at least one', da: 'vælg mindst én' }),
  type: () => ({
    en: `must be one of ${ACTIVITY_TYPES.join(', ')}`,
    da: `skal være en af ${ACTIVITY_TYPES.join(', ')}`,
  }),
  status: () => ({
    en: `must be one of ${ACTIVITY_STATUSES.join(', ')}`,
    da: `skal være en af ${ACTIVITY_STATUSES.join(', ')}`,
  }),
  year: () => ({ en: 'must be a year (four digits)', da: 'skal være et årstal (fire cifre)' }),
  url: () => ({
    en: 'must be a whole address starting with http:// or https://',
    da: 'skal være en hel adresse, der begynder med http:// eller https://',
  }),
  boolean: () => ({ en: 'must be true or false', da: 'skal være true eller false' }),
  unknown: () => ({ en: 'is not a known field', da: 'er ikke et kendt felt' }),
};

const problem = (key: string): Bilingual => {
  const [name = '', arg = ''] = key.split(':');
  return (PROBLEMS[name] ?? (() => ({ en: key, da: key })))(arg);
};

const noNul = (text: string) => !text.includes('\u0000');

const title = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(MAX_TITLE, `tooLong:${MAX_TITLE}`)
  .refine(noNul, 'nul');

const notes = z
  .string({ error: 'text' })
  .trim()
  .max(MAX_NOTES, `tooLong:${MAX_NOTES}`)
  .refine(noNul, 'nul')
  .default('');

export const codeSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(100, 'code')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'code');

const realDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

const isoDate = z
  .string({ error: 'date' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date')
  .refine(realDate, 'date');

/** Empty text is "not given"; text of digits is its number (form fields and query parameters are text). */
const fromText = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return null;
  return /^\d{1,16}$/.test(text) ? Number(text) : text;
};

const count = (max: number) =>
  z.preprocess(
    fromText,
    z.number({ error: 'count' }).int('count').min(0, 'count').max(max, 'count').nullable().default(null),
  );

export const idSchema = z.preprocess(
  fromText,
  z.number({ error: 'id' }).int('id').min(1, 'id').max(2_147_483_647, 'id'),
);

const optionalId = z.preprocess(
  fromText,
  z.number({ error: 'id' }).int('id').min(1, 'id').max(2_147_483_647, 'id').nullable().default(null),
);

const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: 'list' }).max(MAX_LINKS, `tooMany:${MAX_LINKS}`).default([]);

const periodInOrder = (
  input: { periodStart: string; periodEnd: string | null },
  context: z.RefinementCtx,
) => {
  if (input.periodEnd !== null && input.periodEnd < input.periodStart)
    context.addIssue({ code: 'custom', path: ['periodEnd'], message: 'periodOrder' });
};

const activityFields = {
  bfa: codeSchema,
  title,
  type: z.enum(ACTIVITY_TYPES, { error: 'type' }),
  branchGroups: list(codeSchema).refine((codes) => codes.length > 0, 'atLeastOne'),
  subBranches: list(codeSchema),
  targets: list(idSchema),
  periodStart: isoDate,
  periodEnd: z.preprocess(fromText, isoDate.nullable().default(null)),
  plannedWorkplaces: count(MAX_COUNT),
  plannedParticipants: count(MAX_COUNT),
  reachedWorkplaces: count(MAX_COUNT),
  reachedParticipants: count(MAX_COUNT),
  costDkk: count(MAX_DKK),
  fundingPool: optionalId,
  campaign: optionalId,
  status: z.enum(ACTIVITY_STATUSES, { error: 'status' }).default('planned'),
  notes,
};

/** A new activity (`published` false unless given). */
export const createActivitySchema = z
  .object({ ...activityFields, published: z.boolean({ error: 'boolean' }).default(false) })
  .strict()
  .superRefine(periodInOrder);
export type ActivityInput = z.output<typeof createActivitySchema>;

/** The fields an update sets (all of them: publishing is its own step). */
export const activityFieldsSchema = z.object(activityFields).strict().superRefine(periodInOrder);
export type ActivityFields = z.output<typeof activityFieldsSchema>;

/** `PUT /api/v1/activities/:id`: every field and the version the client read. */
export const updateActivitySchema = z
  .object({ ...activityFields, version: idSchema })
  .strict()
  .superRefine(periodInOrder);

export const versionSchema = z.object({ version: idSchema }).strict();

export const activityFilterSchema = z
  .object({
    bfa: codeSchema.optional(),
    branch: codeSchema.optional(),
    target: idSchema.optional(),
    status: z.enum(ACTIVITY_STATUSES, { error: 'status' }).optional(),
    year: z
      .preprocess(fromText, z.number({ error: 'year' }).int('year').min(1900, 'year').max(2200, 'year'))
      .optional(),
    campaign: idSchema.optional(),
    pool: idSchema.optional(),
  })
  .strict();
export type ActivityFilterInput = z.output<typeof activityFilterSchema>;

const httpUrl = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(MAX_URL, `tooLong:${MAX_URL}`)
  .refine((text) => {
    if (!URL.canParse(text)) return false;
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  }, 'url');

export const linkEvidenceSchema = z.object({ title, url: httpUrl }).strict();
export type LinkEvidenceInput = z.output<typeof linkEvidenceSchema>;

export const evidenceTitleSchema = title;

/**
 * Parses `input`, or throws an `invalid_input` error with one issue per problem, each naming its top-level field
 * (as the form names it; `fieldName` renames, e.g. to CLI flags) in English and Danish.
 */
export function parseActivityInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message: string,
  fieldName: (field: string) => string = (field) => field,
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new AppError('invalid_input', message, issuesOf(result.error, fieldName));
}

function issuesOf(error: z.ZodError, fieldName: (field: string) => string): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const add = (field: string, words: Bilingual) => {
    const key = `${field}\u0000${words.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ field: fieldName(field), message: words.en, messageDa: words.da });
  };
  for (const issue of error.issues) {
    const field = issue.path.length === 0 ? '(input)' : String(issue.path[0]);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(key, problem('unknown'));
      continue;
    }
    const words = problem(issue.message);
    const item = issue.path.length > 1 ? issue.input : undefined;
    add(
      field,
      item === undefined
        ? words
        : { en: `${JSON.stringify(item)} ${words.en}`, da: `${JSON.stringify(item)} ${words.da}` },
    );
  }
  return issues;
}
