// Turns zod validation failures into the catalogue's errors, naming every failing field.
import type { z } from 'zod';
import { AppError, type ErrorCode, type Issue } from './errors.js';

export function zodIssues(
  error: z.ZodError,
  file?: string,
  fieldName: (field: string) => string = (f) => f,
): Issue[] {
  const where = file === undefined ? {} : { file };
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // An unknown key is a problem of that key, not of the object holding it.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldName([...path, key].join('.')),
        message: 'is not a known field',
        ...where,
      }));
    }
    return [
      { field: fieldName(path.length > 0 ? path.join('.') : '(input)'), message: issue.message, ...where },
    ];
  });
}

/** Parse `input` with `schema`, or throw an AppError listing every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message: string,
  options: { code?: ErrorCode; file?: string; fieldName?: (field: string) => string } = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(
    options.code ?? 'invalid_input',
    message,
    zodIssues(result.error, options.file, options.fieldName),
  );
}
