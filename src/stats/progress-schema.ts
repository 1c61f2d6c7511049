// Validation of progress() input arriving as JSON (CLI, API): zod at the boundary, StatsInputError on failure.
import { z } from 'zod';
import type { ProgressInput } from './progress.js';
import { toStatsInputError } from './schema-errors.js';

const year = z.number().int();
const maybeNumber = z.number().nullable().optional();

const observationSchema = z.strictObject({
  year,
  value: z.number().nullable().default(null),
  lowercl: maybeNumber,
  uppercl: maybeNumber,
  seriesBreak: z.boolean().optional(),
  count: maybeNumber,
  n: maybeNumber,
});

const settingsSchema = z.strictObject({
  onTrackRatio: z.number().optional(),
  needsAccelerationRatio: z.number().optional(),
  limitedProgressRatio: z.number().optional(),
  noTargetOnTrackCagr: z.number().optional(),
  noTargetNeedsAccelerationCagr: z.number().optional(),
  noTargetLimitedCagr: z.number().optional(),
  zeroReplacement: z.number().optional(),
  confidence: z.number().optional(),
});

export const progressInputSchema = z.strictObject({
  observations: z.array(observationSchema),
  baseline: z.strictObject({ year, value: maybeNumber }),
  target: z.strictObject({ year, value: z.number() }).nullable().optional(),
  polarity: z.enum(['lower_is_better', 'higher_is_better']),
  measure: z.enum(['proportion', 'rate', 'other']).optional(),
  settings: settingsSchema.optional(),
});

/** Checks untrusted JSON against the progress input shape; throws StatsInputError naming the first bad field. */
export function parseProgressInput(raw: unknown): ProgressInput {
  const parsed = progressInputSchema.safeParse(raw);
  if (!parsed.success) throw toStatsInputError(parsed.error);
  return parsed.data;
}
