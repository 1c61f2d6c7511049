// Downloads in a reader's language: the same rows as the page, with Danish or English column names, labels in
// place of codes, and each number with the decimals the page shows it with (full precision stays in the JSON and
// in the API's machine form). CSV (csv.ts) writes the numbers rounded; XLSX (xlsx.ts) keeps them whole and shows
// them rounded.
import { AppError } from '../errors.js';
import type { Locale } from '../format.js';

export interface Label {
  da: string;
  en: string;
}

/** A cell: text (a label, a name), a number, or nothing. */
export type Cell = string | number | null | undefined;

export interface DownloadColumn<Row> {
  header: Label;
  cell: (row: Row, locale: Locale) => Cell;
  /** The decimals the page shows this number with; undefined keeps every digit. */
  decimals?: number;
}

/** The rows as the reader's file holds them: column names, the decimals of each column, one record per row. */
export interface LocalTable {
  headers: string[];
  decimals: (number | undefined)[];
  records: Iterable<Cell[]>;
}

/** Rows mapped one at a time, as the writer asks for them (a large answer is never built twice). */
function* recordsOf<Row>(rows: Iterable<Row>, columns: readonly DownloadColumn<Row>[], locale: Locale) {
  for (const row of rows) yield columns.map((column) => column.cell(row, locale));
}

export function localTable<Row>(
  rows: Iterable<Row>,
  columns: readonly DownloadColumn<Row>[],
  locale: Locale,
): LocalTable {
  return {
    headers: columns.map((column) => column.header[locale]),
    decimals: columns.map((column) => column.decimals),
    records: recordsOf(rows, columns, locale),
  };
}

const YES_NO: Record<Locale, [string, string]> = { da: ['Ja', 'Nej'], en: ['Yes', 'No'] };

/** A flag in words ("Ja"/"Nej"); nothing stays nothing. */
export function yesNo(value: boolean | null | undefined, locale: Locale): string | null {
  if (value === null || value === undefined) return null;
  return YES_NO[locale][value ? 0 : 1];
}

const LOCALE_TAG: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the page rounds it (format.ts rounds the same way, and a value that rounds to zero has no sign),
 * without thousands separators and with the hyphen-minus a spreadsheet reads as a sign (the page's typographic
 * minus, U+2212, would make it text), so that a spreadsheet in the reader's locale reads it as a number: -1234,5
 * in Danish, -1234.5 in English.
 */
export function localNumber(value: number, locale: Locale, decimals: number | undefined): string {
  if (!Number.isFinite(value)) return '';
  if (decimals === undefined) {
    const text = String(value);
    return locale === 'da' ? text.replace('.', ',') : text;
  }
  const key = `${locale}:${decimals}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE_TAG[locale], {
      useGrouping: false,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: 'negative',
    });
    formats.set(key, format);
  }
  return format.format(value);
}

/** `?lang=da|en` of a download: null when absent (the machine form), an error naming the parameter when wrong. */
export function downloadLocale(value: string | undefined): Locale | null {
  if (value === undefined) return null;
  if (value === 'da' || value === 'en') return value;
  throw new AppError('invalid_input', 'Invalid query parameters', [
    {
      field: 'lang',
      message: `"${value}" is not one of da, en`,
      messageDa: `"${value}" er ikke en af da, en`,
    },
  ]);
}
