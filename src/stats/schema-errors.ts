// Turns zod validation failures at the statistics boundary into one-line messages and StatsInputError.
import type { z } from 'zod';
import { StatsInputError } from './stats-input-error.js';

function pathOf(prefix: readonly PropertyKey[], path: readonly PropertyKey[]): string {
  return [...prefix, ...path].map(String).join('.') || 'input';
}

/** "inputs.x: Invalid input: expected number, received string; inputs.n: …" */
export function describeIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): string {
  return error.issues.map((issue) => `${pathOf(prefix, issue.path)}: ${issue.message}`).join('; ');
}

/** The first offending path becomes the error's field; the message lists every issue. */
export function toStatsInputError(error: z.ZodError): StatsInputError {
  const first = error.issues[0];
  const field = first === undefined ? 'input' : pathOf([], first.path);
  return new StatsInputError(field, describeIssues(error));
}
