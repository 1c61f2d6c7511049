// Turns zod validation failures into the catalogue's errors, naming every failing field.
import type { z } from 'zod';
import { AppError, type ErrorCode, type Issue } from './errors.js';

export function zodIssues(error: z.ZodError, file?: string): Issue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
    ...(file === undefined ? {} : { file }),
  }));
}

/** Parse `input` with `schema`, or throw an AppError listing every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message: string,
  options: { code?: ErrorCode; file?: string } = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(options.code ?? 'invalid_input', message, zodIssues(result.error, options.file));
}
