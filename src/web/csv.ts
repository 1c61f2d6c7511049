// Downloads as text: CSV (one row per result row, a header from the rows' keys, empty cells for missing values) and
// JSON lines (one JSON object per row). Both can be streamed, so that a large answer is never built as one string.
// The machine form (toCsv, csvStream) is the API's: comma, point decimals, every digit, codes. The reader's form
// (localCsv, localCsvStream) is what the pages link: UTF-8 with a byte-order mark, `;` and decimal commas in
// Danish (what Danish Excel expects), `,` and points in English, numbers rounded as the page shows them.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../format.js';
import { type Cell, type LocalTable, localNumber } from './download-table.js';

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
  return typeof value === 'string' ? safeText(value) : value;
};

const safeText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

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

/** The field separator a spreadsheet in the locale splits on (Danish Excel's list separator is `;`). */
export const CSV_DELIMITER: Record<Locale, string> = { da: ';', en: ',' };

/** A cell of the reader's form: numbers rounded and in the locale's decimals (never led by an apostrophe), text made safe. */
function localCell(value: Cell, decimals: number | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? localNumber(value, locale, decimals) : safeText(value);
}

function localOptions(table: LocalTable, locale: Locale) {
  return {
    bom: true,
    header: true,
    columns: table.headers,
    delimiter: CSV_DELIMITER[locale],
    record_delimiter: 'windows' as const,
  };
}

function* localRecords(table: LocalTable, locale: Locale): Generator<string[]> {
  for (const record of table.records)
    yield record.map((value, i) => localCell(value, table.decimals[i], locale));
}

/** The reader's form of a table as one string (small files, the zips). */
export function localCsv(table: LocalTable, locale: Locale): string {
  return stringify([...localRecords(table, locale)], localOptions(table, locale));
}

/** The reader's form of a table, written row by row as the client reads it. */
export function localCsvStream(table: LocalTable, locale: Locale): WebReadableStream {
  return Readable.toWeb(
    Readable.from(localRecords(table, locale)).pipe(stringifyStream(localOptions(table, locale))),
  );
}
