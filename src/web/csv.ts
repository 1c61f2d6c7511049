// Downloads as text: CSV (one row per result row, a header from the rows' keys, empty cells for missing values) and
// JSON lines (one JSON object per row). Both can be streamed, so that a large answer is never built as one string.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

/** Columns in first-seen order across all rows (rows of one answer share their keys). */
export function columnsOf(rows: readonly object[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

/**
 * A cell as written: empty for missing values, and text a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or carriage return: a source label, a file name, a case id) led by an apostrophe, so that it
 * opens as the text it is. Numbers are numbers and pass as they are.
 */
const cell = (value: unknown) => {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
};

function csvOptions(rows: readonly object[], fallbackColumns: readonly string[]) {
  const columns = rows.length === 0 ? [...fallbackColumns] : columnsOf(rows);
  const options = {
    header: true,
    columns,
    cast: { boolean: (value: boolean) => (value ? 'true' : 'false') },
  };
  const record = (row: object) => columns.map((column) => cell((row as Record<string, unknown>)[column]));
  return { options, record };
}

export function toCsv(rows: readonly object[], fallbackColumns: readonly string[]): string {
  const { options, record } = csvOptions(rows, fallbackColumns);
  return stringify(rows.map(record), options);
}

/** Rows handed on one at a time, as the reader of the stream asks for them. */
function* each<T, U>(rows: readonly T[], map: (row: T) => U): Generator<U> {
  for (const row of rows) yield map(row);
}

/** The CSV of `toCsv`, written row by row as the client reads it. */
export function csvStream(rows: readonly object[], fallbackColumns: readonly string[]): WebReadableStream {
  const { options, record } = csvOptions(rows, fallbackColumns);
  const csv = Readable.from(each(rows, record)).pipe(stringifyStream(options));
  return Readable.toWeb(csv);
}

/** One JSON object per line (JSON lines), written row by row as the client reads it. */
export function jsonLinesStream(rows: readonly object[]): WebReadableStream {
  return Readable.toWeb(Readable.from(each(rows, (row) => Buffer.from(`${JSON.stringify(row)}\n`))));
}
