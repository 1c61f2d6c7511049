// Input schemas for adding and revising targets: validated once, at the edge (CLI flags, JSON files, HTTP).
import { z } from 'zod';

const code = z.string().trim().min(1, 'must not be empty');
const year = z.coerce
  .number({ message: 'must be a year' })
  .int('must be a whole year')
  .min(1990, 'must be 1990 or later')
  .max(2100, 'must be 2100 or earlier');
const value = z.coerce
  .number({ message: 'must be a number' })
  .refine(Number.isFinite, 'must be a finite number')
  .refine((v) => v >= 0, 'must not be negative');

export const TARGET_STATUSES = ['draft', 'adopted', 'retired'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

const targetYearAfterBaseline = <
  T extends { baselineYear?: number | undefined; targetYear?: number | undefined },
>(
  input: T,
  ctx: z.RefinementCtx,
) => {
  if (
    input.baselineYear !== undefined &&
    input.targetYear !== undefined &&
    input.targetYear <= input.baselineYear
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['targetYear'],
      message: `must be after the baseline year (${input.baselineYear})`,
    });
  }
};

export const targetValuesSchema = z.object({
  indicator: code,
  baselineYear: year,
  baselineValue: value,
  targetYear: year,
  targetValue: value,
  owner: code.nullable().default(null),
  status: z.enum(TARGET_STATUSES).default('draft'),
  notes: z.string().default(''),
});

export const addTargetSchema = targetValuesSchema
  .extend({
    branchGroup: code.nullable().default(null),
    subBranch: code.nullable().default(null),
    goal: code,
    subProblem: code.nullable().default(null),
    reason: z.string().trim().min(1, 'must not be empty').default('Oprettet'),
  })
  .strict()
  .superRefine(targetYearAfterBaseline);

export type AddTargetInput = z.output<typeof addTargetSchema>;

export const reviseTargetSchema = targetValuesSchema
  .partial()
  .extend({
    reason: z.string({ message: 'is required' }).trim().min(1, 'is required: say why the target changes'),
  })
  .strict()
  .superRefine(targetYearAfterBaseline);

export type ReviseTargetInput = z.output<typeof reviseTargetSchema>;

export const listTargetsSchema = z.object({
  branch: code.optional(),
  goal: code.optional(),
});
export type ListTargetsFilter = z.output<typeof listTargetsSchema>;

/** A target id in an address: a plain decimal whole number from 1 (no hex, exponent, sign or leading zeros). */
export const targetIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a whole number from 1')
  .transform(Number);
