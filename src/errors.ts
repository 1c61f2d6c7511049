// The catalogue of expected errors: each has a stable code, an HTTP status and a CLI exit code.

import { isDatabaseUnavailable, isUnstorableText, isWriteContention, storageFault } from './db/dialect.js';
import { StatsInputError } from './stats/stats-input-error.js';

export type ErrorCode =
  | 'invalid_input'
  | 'invalid_config'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'unavailable'
  | 'too_large'
  | 'storage'
  | 'busy'
  | 'out_of_memory'
  | 'usage';

/** One problem with one field (and, for files, one row and column). */
export interface Issue {
  field: string;
  /** English. */
  message: string;
  /** The same in Danish, where the problem is one a Danish user meets (imports, forms). */
  messageDa?: string;
  file?: string;
  /** XLSX: the sheet the row is on. */
  sheet?: string;
  row?: number;
  column?: string;
}

const HTTP_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503 | 507> = {
  invalid_input: 400,
  invalid_config: 500,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  unavailable: 503,
  too_large: 422,
  storage: 507,
  busy: 429,
  out_of_memory: 503,
  usage: 400,
};

/** Exit codes follow sysexits(3) where one fits. */
const EXIT_CODE: Record<ErrorCode, number> = {
  usage: 64,
  invalid_input: 65,
  not_found: 66,
  conflict: 75,
  forbidden: 77,
  unauthorized: 77,
  unavailable: 69,
  too_large: 65,
  storage: 74,
  busy: 75,
  out_of_memory: 71,
  invalid_config: 78,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];

  constructor(code: ErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  get httpStatus(): 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503 | 507 {
    return HTTP_STATUS[this.code];
  }

  get exitCode(): number {
    return EXIT_CODE[this.code];
  }

  /** The same error with its fields named as the user knows them (e.g. `targetYear` → `--target-year`). */
  withFieldNames(name: (field: string) => string): AppError {
    const renamed = new AppError(
      this.code,
      this.message,
      this.issues.map((issue) => ({ ...issue, field: name(issue.field) })),
    );
    if (this.stack !== undefined) renamed.stack = this.stack;
    return renamed;
  }

  /** The message followed by every issue, on one line, as the CLI prints it. */
  oneLine(): string {
    if (this.issues.length === 0) return this.message;
    return `${this.message}: ${this.issues.map((issue) => formatIssue(issue)).join('; ')}`;
  }

  /** For a Danish page: the issues in Danish where they have it (the summary message is English only). */
  oneLineFor(locale: 'da' | 'en'): string {
    if (locale === 'en' || this.issues.length === 0) return this.oneLine();
    return this.issues.map((issue) => formatIssue(issue, 'da')).join('; ');
  }
}

const WHERE_WORDS = {
  en: { sheet: 'sheet', row: 'row', column: 'column' },
  da: { sheet: 'ark', row: 'række', column: 'kolonne' },
};

export function formatIssue(issue: Issue, locale: 'da' | 'en' = 'en'): string {
  const words = WHERE_WORDS[locale];
  const where = [
    issue.file,
    issue.sheet === undefined ? undefined : `${words.sheet} "${issue.sheet}"`,
    issue.row === undefined ? undefined : `${words.row} ${issue.row}`,
    issue.column === undefined ? undefined : `${words.column} ${issue.column}`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  const message = locale === 'da' ? (issue.messageDa ?? issue.message) : issue.message;
  return `${where ? `${where}: ` : ''}${issue.field}: ${message}`;
}

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fault = storageFault(error);
  if (fault !== null) {
    const [message, messageDa] =
      fault === 'full'
        ? ['the disk is full', 'disken er fuld']
        : ['the database or its folder is read-only', 'databasen eller dens mappe er skrivebeskyttet'];
    return new AppError('storage', `Nothing was written: ${message}`, [
      { field: 'database', message, messageDa },
    ]);
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('unavailable', 'The database cannot be reached just now: try again shortly', [
      {
        field: 'database',
        message: 'the database cannot be reached just now',
        messageDa: 'databasen kan ikke nås lige nu',
      },
    ]);
  }
  if (isWriteContention(error)) {
    return new AppError('conflict', 'Another change to the database was under way: try again', [
      {
        field: 'database',
        message: 'another change held the database',
        messageDa: 'en anden ændring holdt databasen optaget',
      },
    ]);
  }
  if (isUnstorableText(error)) {
    return new AppError('invalid_input', 'The input holds a character that cannot be stored (such as NUL)', [
      {
        field: 'input',
        message: 'holds a character that cannot be stored (such as NUL, U+0000)',
        messageDa: 'indeholder et tegn, der ikke kan gemmes (f.eks. NUL, U+0000)',
      },
    ]);
  }
  if (error instanceof StatsInputError) {
    return new AppError('invalid_input', 'Invalid input to a statistical method', [
      { field: error.field, message: error.message.replace(`${error.field}: `, '') },
    ]);
  }
  return undefined;
}

export const invalidInput = (message: string, issues: Issue[] = []) =>
  new AppError('invalid_input', message, issues);
export const notFound = (message: string) => new AppError('not_found', message);
export const conflict = (message: string, issues: Issue[] = []) => new AppError('conflict', message, issues);
export const usageError = (message: string, issues: Issue[] = []) => new AppError('usage', message, issues);
