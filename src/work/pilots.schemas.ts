// Input of pilots (API JSON and the editor's form), checked once at the edge. The four cells x/n (METHODS §10) may be
// filled in as the pilot goes: each given cell is checked on its own (a count is whole; n is more than 0; for shares
// x is at most n and n is whole), and the evaluation waits until all eight are there.
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

export const PILOT_DESIGNS = ['proportions', 'rates'] as const;
export type PilotDesignName = (typeof PILOT_DESIGNS)[number];

/** The cells in their order: intervention (I) and comparison (C), before (0) and after (1). */
export const CELL_NAMES = ['xI0', 'nI0', 'xI1', 'nI1', 'xC0', 'nC0', 'xC1', 'nC1'] as const;
export type CellName = (typeof CELL_NAMES)[number];

/** The four groups × periods, each with its count (x) and size or person-time (n) field. */
export const CELL_PAIRS = [
  ['xI0', 'nI0'],
  ['xI1', 'nI1'],
  ['xC0', 'nC0'],
  ['xC1', 'nC1'],
] as const satisfies readonly (readonly [CellName, CellName])[];

const number = () => z.number({ message: 'must be a number' }).max(1e12, 'must be at most 1000000000000');

/** A count x: a whole number from 0, or nothing yet. */
const count = z.preprocess(
  emptyIsNull,
  number().int('must be a whole number').min(0, 'must not be negative').nullable(),
);

/** A size or person-time n: more than 0, or nothing yet. */
const size = z.preprocess(emptyIsNull, number().gt(0, 'must be more than 0').nullable());

/** Shares need whole sizes and at most n with the outcome; every problem named by its cell. */
function cellsFitDesign(input: Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (input.design !== 'proportions') return;
  const problem = (path: CellName, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  for (const [xName, nName] of CELL_PAIRS) {
    const x = input[xName];
    const n = input[nName];
    if (typeof n === 'number' && n > 0 && !Number.isInteger(n)) problem(nName, 'must be a whole number');
    if (typeof x === 'number' && typeof n === 'number' && x > n)
      problem(xName, `must not exceed n (${nName})`);
  }
}

const pilotFields = {
  bfa: z.string({ message: 'must be a BFA code' }).trim().toLowerCase().min(1, 'is required').max(40),
  title: requiredText(200),
  description: optionalText(10_000),
  interventionGroup: requiredText(500),
  comparisonGroup: requiredText(500),
  outcome: requiredText(500),
  design: z.enum(PILOT_DESIGNS, { message: 'must be one of proportions, rates' }),
  periodStart: isoDate,
  periodEnd: optionalDate,
  beforeLabel: optionalText(50),
  afterLabel: optionalText(50),
  xI0: count,
  nI0: size,
  xI1: count,
  nI1: size,
  xC0: count,
  nC0: size,
  xC1: count,
  nC1: size,
  published: publishedFlag,
};

const checks = (input: Record<string, unknown>, ctx: z.RefinementCtx) => {
  periodInOrder(input, ctx);
  cellsFitDesign(input, ctx);
};

export const pilotInputSchema = z.object(pilotFields).strict().superRefine(checks, ALWAYS);
export type PilotInput = z.output<typeof pilotInputSchema>;

export const pilotUpdateSchema = z
  .object({ ...pilotFields, version: versionSchema })
  .strict()
  .superRefine(checks, ALWAYS);

export const listPilotsSchema = z
  .object({ bfa: z.string().trim().toLowerCase().min(1, 'is required').max(40).optional() })
  .strict();

export const parsePilotInput = (input: unknown): PilotInput =>
  parseWith(pilotInputSchema, input, 'The pilot has problems');

export function parsePilotUpdate(input: unknown): { version: number; input: PilotInput } {
  const { version, ...fields } = parseWith(pilotUpdateSchema, input, 'The pilot has problems');
  return { version, input: fields };
}

export const parsePilotFilter = (query: unknown): { bfa?: string } => {
  const { bfa } = parseWith(listPilotsSchema, query, 'Invalid query parameters');
  return bfa === undefined ? {} : { bfa };
};

/** The pilot form's fields as the schema's input (numbers as typed in the page's language). */
export function pilotFromForm(form: Record<string, string>, locale: Locale): Record<string, unknown> {
  const input: Record<string, unknown> = {
    bfa: form.bfa ?? '',
    title: form.title ?? '',
    description: form.description ?? '',
    interventionGroup: form.interventionGroup ?? '',
    comparisonGroup: form.comparisonGroup ?? '',
    outcome: form.outcome ?? '',
    design: form.design ?? '',
    periodStart: form.periodStart ?? '',
    periodEnd: form.periodEnd ?? '',
    beforeLabel: form.beforeLabel ?? '',
    afterLabel: form.afterLabel ?? '',
  };
  for (const name of CELL_NAMES) input[name] = formNumber(form[name] ?? '', locale);
  return input;
}
