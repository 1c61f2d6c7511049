// The shapes of a recommendation and a follow-up item as forms and API requests send them, checked once: text
// trimmed, limited in length and free of NUL, dates as YYYY-MM-DD, the answer's link http(s) only. Every problem
// names its field, in English and Danish, and all are collected before failing.
import { z } from 'zod';
import type { FollowUpStatus } from '../db/schema.js';
import { AppError, type Issue } from '../errors.js';
import { FOLLOW_UP_STATUSES, problemText } from './recommendations.texts.js';

/** A recommendation's fields as its form lists them (publication apart). */
export const RECOMMENDATION_FORM_FIELDS = [
  'topic',
  'body',
  'issuedOn',
  'addressee',
  'answerOn',
  'answerText',
  'answerUrl',
] as const;

/** A follow-up item's fields as its form lists them. */
export const ITEM_FORM_FIELDS = ['action', 'owner', 'dueOn', 'status'] as const;

export const LIMITS = {
  topic: 300,
  body: 20_000,
  addressee: 300,
  answerText: 20_000,
  answerUrl: 2_000,
  action: 2_000,
  owner: 300,
} as const;

const textError = (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : 'text');

const text = (max: number) =>
  z
    .string({ error: textError })
    .refine((value) => !value.includes('\u0000'), 'nul')
    .trim()
    .max(max, `tooLong:${max}`);

const requiredText = (max: number) => text(max).min(1, 'required');

/** A calendar date YYYY-MM-DD that exists (no 31 February), between 1990 and 2100. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1990 &&
    year <= 2100 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const date = z
  .string({ error: textError })
  .trim()
  .refine((value) => value !== '', 'required')
  .refine((value) => value === '' || isIsoDate(value), 'date');

/** Empty (a form's blank field, null or nothing in JSON) is null. */
const blankIsNull = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : value;

const optionalDate = z.preprocess(
  blankIsNull,
  z
    .string({ error: 'date' })
    .trim()
    .refine((value) => isIsoDate(value), 'date')
    .nullable(),
);

/** An absolute http(s) address; anything else (javascript:, data:, a relative path) is refused. */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const optionalUrl = z.preprocess(
  blankIsNull,
  z
    .string({ error: 'url' })
    .trim()
    .max(LIMITS.answerUrl, `tooLong:${LIMITS.answerUrl}`)
    .refine((value) => !/\s/.test(value) && isWebAddress(value), 'url')
    .nullable(),
);

const flag = z.preprocess(
  (value) =>
    (({ true: true, false: false, '1': true, '0': false }) as Record<string, boolean>)[String(value)] ??
    value,
  z.boolean({ error: 'flag' }),
);

const status = z.enum(FOLLOW_UP_STATUSES as [FollowUpStatus, ...FollowUpStatus[]], { error: 'status' });

const recommendationFields = {
  topic: requiredText(LIMITS.topic),
  body: requiredText(LIMITS.body),
  issuedOn: date,
  addressee: requiredText(LIMITS.addressee),
  answerOn: optionalDate,
  answerText: text(LIMITS.answerText),
  answerUrl: optionalUrl,
  published: flag,
};

/** A new recommendation: the answer (often not yet received) and the published flag may be left out. */
export const newRecommendationSchema = z.strictObject(
  {
    ...recommendationFields,
    answerOn: recommendationFields.answerOn.optional(),
    answerText: recommendationFields.answerText.optional(),
    answerUrl: recommendationFields.answerUrl.optional(),
    published: flag.optional(),
  },
  { error: 'object' },
);

/** A change to a recommendation: the fields sent replace the stored ones; the others stay as they are. */
export const recommendationChangesSchema = z
  .strictObject(recommendationFields, { error: 'object' })
  .partial();

/** The answer received: date, text and link (recordAnswer). */
export const answerSchema = recommendationChangesSchema.pick({
  answerOn: true,
  answerText: true,
  answerUrl: true,
});

const itemFields = {
  action: requiredText(LIMITS.action),
  owner: requiredText(LIMITS.owner),
  dueOn: date,
  status,
};

export const newFollowUpItemSchema = z.strictObject(
  { ...itemFields, status: status.optional() },
  { error: 'object' },
);

export const followUpChangesSchema = z.strictObject(itemFields, { error: 'object' }).partial();

/** The version an editor opened: a form's hidden field (text) or a JSON number. */
export const versionSchema = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value) : value),
  z.number({ error: 'version' }).int('version').min(1, 'version'),
);

/** An id in a path: digits only, else -1 (which no record has: a 404). */
export const idOf = (text: string | undefined): number =>
  text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : -1;

export type NewRecommendation = z.output<typeof newRecommendationSchema>;
export type RecommendationChanges = z.output<typeof recommendationChangesSchema>;
export type Answer = z.output<typeof answerSchema>;
export type NewFollowUpItem = z.output<typeof newFollowUpItemSchema>;
export type FollowUpChanges = z.output<typeof followUpChangesSchema>;

/** The first problem of each field, in English and Danish (an unknown key is a problem of that key). */
function issuesOf(error: z.ZodError): Issue[] {
  const issues = new Map<string, Issue>();
  for (const issue of error.issues) {
    const unknown = issue.code === 'unrecognized_keys';
    const fields = unknown ? issue.keys : [issue.path.map(String).join('.') || '(input)'];
    for (const field of fields)
      if (!issues.has(field))
        issues.set(field, { field, ...problemText(unknown ? 'unknown' : issue.message) });
  }
  return [...issues.values()];
}

/** The input parsed by `schema`, or an `invalid_input` error naming every field with a problem. */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('invalid_input', what, issuesOf(result.error));
}

/** The stored answer's own rules: a text or link needs the date it came; it came after the recommendation. */
export function answerIssues(state: {
  issuedOn: string;
  answerOn: string | null;
  answerText: string;
  answerUrl: string | null;
}): Issue[] {
  if (state.answerOn === null) {
    return state.answerText !== '' || state.answerUrl !== null
      ? [{ field: 'answerOn', ...problemText('answerOnNeeded') }]
      : [];
  }
  return state.answerOn < state.issuedOn ? [{ field: 'answerOn', ...problemText('answerBeforeIssued') }] : [];
}

const openedVersionSchema = z.object({ version: versionSchema });

/** The version a form or request says it opened, or an `invalid_input` error naming the field `version`. */
export function openedVersionOf(value: unknown): number {
  return parseFields(openedVersionSchema, { version: value }, 'The version opened is missing').version;
}
