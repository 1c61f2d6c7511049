// Input of funding pools (API JSON and the editor's form) and the reach and pool queries, checked once at the edge.
// Every problem names its field, in English and Danish.
import { z } from 'zod';
import { AppError, type Issue } from '../errors.js';
import type { Locale } from '../format.js';
import { zodIssues } from '../validation.js';
import { danishProblem } from './funding.texts.js';

const noNul = (text: string) => !text.includes('\u0000');

const requiredText = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine(noNul, 'must not contain a NUL character');

const optionalText = (max: number) =>
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

const isoDate = z
  .string({ message: 'must be a date (YYYY-MM-DD)' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine(realDate, 'is not a real date');

/** The largest amount a pool may hold (kroner): far above any grant, well within a double's whole numbers. */
export const MAX_AMOUNT_DKK = 1e12;

const amount = z
  .number({ message: 'must be an amount in whole kroner' })
  .int('must be an amount in whole kroner')
  .min(0, 'must not be negative')
  .max(MAX_AMOUNT_DKK, `must be at most ${MAX_AMOUNT_DKK}`);

const bfaCode = z
  .string({ message: 'must be a BFA code' })
  .trim()
  .toLowerCase()
  .min(1, 'must be a BFA code')
  .max(40, 'must be a BFA code');

const shareList = z.preprocess(
  (value) => value ?? [],
  z.array(z.object({ bfa: bfaCode, amountDkk: amount }).strict(), {
    message: 'must be a list of BFA shares',
  }),
);

const poolFields = {
  name: requiredText(200),
  legalBasis: requiredText(200),
  amountDkk: amount,
  periodStart: isoDate,
  periodEnd: isoDate,
  purpose: optionalText(5000),
  shares: shareList,
};

type PoolShape = {
  amountDkk: number;
  periodStart: string;
  periodEnd: string;
  shares: { bfa: string; amountDkk: number }[];
};

/** The period in order, each BFA once, and the shares within the pool's amount (refused naming `shares`). */
function poolRules(input: PoolShape, ctx: z.RefinementCtx): void {
  if (input.periodEnd < input.periodStart)
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must be on or after the start' });
  const seen = new Set<string>();
  for (const share of input.shares) {
    if (seen.has(share.bfa))
      ctx.addIssue({ code: 'custom', path: ['shares'], message: `names BFA "${share.bfa}" twice` });
    seen.add(share.bfa);
  }
  const total = input.shares.reduce((sum, share) => sum + share.amountDkk, 0);
  if (total > input.amountDkk)
    ctx.addIssue({
      code: 'custom',
      path: ['shares'],
      message: `the shares add up to ${total} DKK, more than the pool's amount of ${input.amountDkk} DKK`,
    });
}

export const poolInputSchema = z.object(poolFields).strict().superRefine(poolRules);
export type PoolInput = z.output<typeof poolInputSchema>;

const versionSchema = z
  .number({ message: 'must be the version you opened' })
  .int('must be the version you opened')
  .min(1, 'must be the version you opened');

/** The API's PUT body: the fields and the version the client read. */
export const poolUpdateSchema = z
  .object({ ...poolFields, version: versionSchema })
  .strict()
  .superRefine(poolRules);

/** Every problem of `input` in English and Danish, each named by its top-level field; else the parsed value. */
function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: Issue[] = zodIssues(result.error).map((issue) => ({
    ...issue,
    field: issue.field.split('.')[0] ?? issue.field,
    messageDa: danishProblem(issue.message),
  }));
  const unique = issues.filter(
    (issue, i) => issues.findIndex((o) => o.field === issue.field && o.message === issue.message) === i,
  );
  throw new AppError('invalid_input', what, unique);
}

export const parsePoolInput = (input: unknown): PoolInput =>
  parseWith(poolInputSchema, input, 'The funding pool has problems');

export function parsePoolUpdate(input: unknown): { version: number; input: PoolInput } {
  const { version, ...fields } = parseWith(poolUpdateSchema, input, 'The funding pool has problems');
  return { version, input: fields };
}

/** The version a form carries back (hidden field); anything else is refused naming `version`. */
export const parseVersion = (text: string): number =>
  parseWith(
    z.object({ version: versionSchema }),
    { version: /^\d{1,9}$/.test(text) ? Number(text) : text },
    'The form has problems',
  ).version;

const flag = z
  .enum(['0', '1', 'true', 'false'], { message: 'must be 0 or 1' })
  .transform((v) => v === '1' || v === 'true');
const code = z.string().trim().toLowerCase().min(1, 'must be a code').max(80, 'must be a code');
const lang = z.enum(['da', 'en'], { message: 'must be one of da, en' });

export const reachQuerySchema = z
  .object({
    bfa: code.optional(),
    branch: code.optional(),
    year: z
      .string()
      .regex(/^\d{4}$/, 'must be a year')
      .transform(Number)
      .optional(),
    drafts: flag.optional(),
    lang: lang.optional(),
  })
  .strict();
export type ReachQuery = z.output<typeof reachQuerySchema>;

export const parseReachQuery = (query: Record<string, string>): ReachQuery =>
  parseWith(reachQuerySchema, query, 'Invalid query parameters');

export const poolQuerySchema = z
  .object({
    drafts: flag.optional(),
    lang: lang.optional(),
    pool: z
      .string()
      .regex(/^[1-9]\d{0,8}$/, 'must be a pool number')
      .transform(Number)
      .optional(),
  })
  .strict();
export type PoolQuery = z.output<typeof poolQuerySchema>;

export const parsePoolQuery = (query: Record<string, string>): PoolQuery =>
  parseWith(poolQuerySchema, query, 'Invalid query parameters');

/** A pool id in an address: a plain decimal from 1; anything else is a pool that does not exist (-1). */
export const poolIdOf = (text: string | undefined): number =>
  text !== undefined && /^[1-9]\d{0,8}$/.test(text) ? Number(text) : -1;

/**
 * A whole amount as typed in a form of the page's language: "1.000.000" or "1 000 000" is a million in Danish,
 * "1,000,000" in English; "kr."/"DKK" may stand around it. Empty is null; anything else stays text (the schema names
 * it).
 */
export function formAmount(text: string, locale: Locale): number | string | null {
  const compact = text
    .trim()
    .replace(/^(dkk|kr\.?)\s*|\s*(dkk|kr\.?)$/gi, '')
    .replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  const group = locale === 'da' ? '.' : ',';
  const pattern = locale === 'da' ? /^\d{1,3}(\.\d{3})+$|^\d+$/ : /^\d{1,3}(,\d{3})+$|^\d+$/;
  return pattern.test(compact) ? Number(compact.replaceAll(group, '')) : text;
}
