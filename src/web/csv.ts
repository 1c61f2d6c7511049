// CSV downloads: one row per result row, a header from the rows' keys, empty cells for missing values.
import { stringify } from 'csv-stringify/sync';

/** Columns in first-seen order across all rows (rows of one answer share their keys). */
export function columnsOf(rows: readonly object[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

const cell = (value: unknown) => (value === null || value === undefined ? '' : value);

export function toCsv(rows: readonly object[], fallbackColumns: readonly string[]): string {
  const columns = rows.length === 0 ? [...fallbackColumns] : columnsOf(rows);
  return stringify(
    rows.map((row) => columns.map((column) => cell((row as Record<string, unknown>)[column]))),
    { header: true, columns, cast: { boolean: (value) => (value ? 'true' : 'false') } },
  );
}
