// The errors every reader throws: one `invalid_input` AppError naming the file and, where known, row and column.
import { basename } from 'node:path';
import { type AppError, invalidInput, notFound } from '../../errors.js';
import { bilingual, issue, type Text } from '../texts.js';

/** Where in the file a problem sits; `row` is the row as the user sees it in the source. */
export interface Location {
  row?: number;
  column?: string;
}

/** One problem in a file, in English and Danish, before the file's name is added. */
export interface FileIssue extends Location {
  field: string;
  message: Text;
}

/** One problem in one file. */
export function readError(file: string, field: string, message: Text, at: Location = {}): AppError {
  return readErrors(file, [{ field, message, ...at }]);
}

/** Several problems found at once (e.g. every bad header name), reported together. */
export function readErrors(file: string, issues: FileIssue[]): AppError {
  return invalidInput(
    `Cannot read ${file}`,
    issues.map(({ field, message, ...at }) => issue(field, message, { ...at, file })),
  );
}

/** Turns file-system failures (missing file, a directory) into catalogue errors; anything else is rethrown. */
export function fileSystemError(error: unknown, file: string): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return notFound(`File not found: ${file}`);
  if (code === 'EISDIR')
    return readError(file, 'file', bilingual('is a directory, not a file', 'er en mappe, ikke en fil'));
  if (code === 'EACCES' || code === 'EPERM')
    return readError(
      file,
      'file',
      bilingual('cannot be opened (permission denied)', 'kan ikke åbnes (adgang nægtet)'),
    );
  throw error;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Header names must be present and unique; every offender is reported at once. */
export function checkHeaderNames(
  file: string,
  names: string[],
  row: number,
  columnLabel: (index: number) => string,
): void {
  const issues: FileIssue[] = [];
  const firstIndex = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') {
      issues.push({
        field: 'header',
        message: bilingual('the column has no name', 'kolonnen har intet navn'),
        row,
        column: columnLabel(index),
      });
      return;
    }
    const earlier = firstIndex.get(name);
    if (earlier === undefined) {
      firstIndex.set(name, index);
    } else {
      issues.push({
        field: 'header',
        message: bilingual(
          `the column name "${name}" is used twice (also column ${columnLabel(earlier)})`,
          `kolonnenavnet "${name}" bruges to gange (også kolonne ${columnLabel(earlier)})`,
        ),
        row,
        column: name,
      });
    }
  });
  if (issues.length > 0) throw readErrors(file, issues);
}

/** The name used for the file in messages: the caller's display name, else the path's base name. */
export function displayName(path: string, options: { displayName?: string }): string {
  return options.displayName ?? basename(path);
}
