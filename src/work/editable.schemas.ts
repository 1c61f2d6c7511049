// Input checks every editable record of the BFAs' work shares (campaigns, pilots), at the edge: trimmed free text
// without NUL, ISO dates and a period in order, the version opened, the published flag; every problem named by its
// field in English and Danish; and numbers and versions as typed in a form of the page's language.
import { z } from 'zod';
import { AppError, type Issue } from '../errors.js';
import type { Locale } from '../format.js';
import { zodIssues } from '../validation.js';
import { danishProblem } from './editable.texts.js';

const noNul = (text: string) => !text.includes('\u0000');

/** Required free text: trimmed, 1 to `max` characters, no NUL. */
export const requiredText = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine(noNul, 'must not contain a NUL character');

/** Optional free text: missing or null is ''. */
export const optionalText = (max: number) =>
  z.preprocess(
    (value) => value ?? '',
    z
      .string({ message: 'must be text' })
      .trim()
      .max(max, `must be at most ${max} characters`)
      .refine(noNul, 'must not contain a NUL character'),
  );

const realDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

export const isoDate = z
  .string({ message: 'must be a date (YYYY-MM-DD)' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine(realDate, 'is not a real date');

/** Missing, null and '' are nothing. */
export const emptyIsNull = (value: unknown) => (value === undefined || value === '' ? null : value);

export const optionalDate = z.preprocess(emptyIsNull, isoDate.nullable());

export const versionSchema = z
  .number({ message: 'must be the version you opened' })
  .int('must be the version you opened')
  .min(1, 'must be the version you opened');

const isDateText = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The period's end on or after its start (ISO dates compare as text); checked even when other fields fail. */
export const periodInOrder = (
  input: { periodStart?: unknown; periodEnd?: unknown },
  ctx: z.RefinementCtx,
) => {
  const { periodStart: start, periodEnd: end } = input;
  if (isDateText(start) && isDateText(end) && end < start)
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must be on or after the start' });
};

/** Cross-field checks run even when a field failed, so every problem is named at once. */
export const ALWAYS = { when: () => true };

/** API clients may publish (true) or withdraw (false) with a save; left out, the flag stays as it is. */
export const publishedFlag = z.boolean({ message: 'must be true or false' }).optional();

/** Every problem of `input` in English and Danish, each named by its top-level field; else the parsed value. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: Issue[] = zodIssues(result.error).map((issue) => ({
    ...issue,
    field: issue.field.split('.')[0] ?? issue.field,
    messageDa: danishProblem(issue.message),
  }));
  const unique = issues.filter((issue, i) => issues.findIndex((o) => o.field === issue.field) === i);
  throw new AppError('invalid_input', what, unique);
}

/**
 * A number as typed in a form of the page's language: "12.500" or "12 500" is 12500 in Danish, "1.234,5" is
 * 1234.5; in English "12,500" and "1,234.5". Empty is null; text that is no number stays text (the schema names it).
 */
export function formNumber(text: string, locale: Locale): number | string | null {
  const compact = text.trim().replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  const [group, decimal] = locale === 'da' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plain = grouped.test(compact) ? compact.split(group).join('') : compact;
  const normal = plain.replace(decimal, '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : text;
}

/** The version in a form's hidden field (anything else is refused by the schema). */
export const formVersion = (text: string): number | string => (/^\d{1,9}$/.test(text) ? Number(text) : text);
