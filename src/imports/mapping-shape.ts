// What a mapping file does to a table before its columns meet the fields: a wide table (one column per year, as
// StatBank exports it) turned long, rows kept by a filter ("where"), labels turned into codes ("values"), and a
// period (2005M08, 2013K4, 2013Q4, 2014-01) read as its year. The table stays streamed.
import { AppError, type Issue } from '../errors.js';
import { cellText, normaliseHeader } from './fields.js';
import type { Mapping } from './mapping.js';
import type { OpenedTable, RawRow, RawValue } from './readers/table.js';
import { bilingual, issue } from './texts.js';

/** The column a wide table's year headers become, and the column its cells become. */
export const WIDE_YEAR = 'år (fra kolonneoverskrift)';
export const WIDE_VALUE = 'værdi (fra tabellens celler)';

/** A period as statistics offices write it, and its year: 2014, 2014M01, 2014K4, 2014Q4, 2014H1, 2014-01. */
const PERIOD = /^(\d{4})(?:[MKQH]\d{1,2}|-\d{2}(?:-\d{2})?)?$/i;

export function yearOfPeriod(value: RawValue): number | undefined {
  const text = cellText(value);
  const match = text === null ? null : PERIOD.exec(text);
  return match === null ? undefined : Number(match[1]);
}

function columnIndex(columns: string[], header: string, field: string, file: string): number {
  const index = columns.findIndex((column) => normaliseHeader(column) === normaliseHeader(header));
  if (index >= 0) return index;
  throw new AppError('invalid_input', 'The mapping file names a column the file does not have', [
    issue(
      field,
      bilingual(
        `the mapping names column "${header}", which the file does not have (it has: ${columns.join(', ')})`,
        `mappingfilen nævner kolonnen "${header}", som datafilen ikke har (den har: ${columns.join(', ')})`,
      ),
      { file },
    ),
  ]);
}

/** Wide to long: every column whose header is a period becomes one row per source row, its year and its cell. */
function widen(table: OpenedTable, file: string): OpenedTable {
  const periodColumns = table.columns
    .map((column, index) => ({ index, year: yearOfPeriod(column) }))
    .filter((entry): entry is { index: number; year: number } => entry.year !== undefined);
  if (periodColumns.length === 0) {
    throw new AppError('invalid_input', 'The mapping asks for a wide table, but no column is a year', [
      issue(
        'wide',
        bilingual(
          `no column header is a year or period (the file has: ${table.columns.join(', ')})`,
          `ingen kolonneoverskrift er et år eller en periode (filen har: ${table.columns.join(', ')})`,
        ),
        { file },
      ),
    ]);
  }
  const periodIndexes = new Set(periodColumns.map(({ index }) => index));
  const kept = table.columns.map((_, index) => index).filter((index) => !periodIndexes.has(index));
  const source = table.rows;
  return {
    ...table,
    columns: [...kept.map((index) => table.columns[index] as string), WIDE_YEAR, WIDE_VALUE],
    rows: {
      async *[Symbol.asyncIterator]() {
        for await (const raw of source) {
          const base = kept.map((index) => raw.values[index] ?? null);
          for (const { index, year } of periodColumns)
            yield { row: raw.row, values: [...base, year, raw.values[index] ?? null] };
        }
      },
    },
  };
}

/** The rows to keep: each named column must hold one of the given values (compared as written, trimmed). */
function filterRows(table: OpenedTable, where: Record<string, string | string[]>, file: string): OpenedTable {
  const tests = Object.entries(where).map(([header, wanted]) => ({
    index: columnIndex(table.columns, header, `where.${header}`, file),
    wanted: new Set((Array.isArray(wanted) ? wanted : [wanted]).map((value) => value.trim())),
  }));
  const source = table.rows;
  return {
    ...table,
    rows: {
      async *[Symbol.asyncIterator]() {
        for await (const raw of source)
          if (tests.every(({ index, wanted }) => wanted.has(cellText(raw.values[index] ?? null) ?? '')))
            yield raw;
      },
    },
  };
}

/** Per column, cell text → replacement (labels to codes; a period to its year). */
type CellRewrite = { index: number; rewrite: (value: RawValue) => RawValue };

function rewriteCells(table: OpenedTable, rewrites: CellRewrite[]): OpenedTable {
  if (rewrites.length === 0) return table;
  const source = table.rows;
  return {
    ...table,
    rows: {
      async *[Symbol.asyncIterator]() {
        for await (const raw of source) {
          const values = [...raw.values];
          for (const { index, rewrite } of rewrites) values[index] = rewrite(values[index] ?? null);
          yield { row: raw.row, values } satisfies RawRow;
        }
      },
    },
  };
}

/** The header a field is read from under the mapping (or, for the year, the period column). */
function headerOf(mapping: Mapping, field: string): string | undefined {
  if (field === 'year' && mapping.period !== undefined) return mapping.period;
  return mapping.columns[field];
}

function valueRewrites(table: OpenedTable, mapping: Mapping, file: string): CellRewrite[] {
  const issues: Issue[] = [];
  const rewrites: CellRewrite[] = [];
  for (const [field, labels] of Object.entries(mapping.values ?? {})) {
    const header = headerOf(mapping, field);
    if (header === undefined) {
      issues.push(
        issue(
          `values.${field}`,
          bilingual(
            `maps values of "${field}", which the mapping gives no column ("columns": { "${field}": … })`,
            `oversætter værdier af "${field}", som mappingen ikke giver en kolonne ("columns": { "${field}": … })`,
          ),
          { file },
        ),
      );
      continue;
    }
    const byLabel = new Map(Object.entries(labels).map(([label, code]) => [label.trim(), code]));
    const index = columnIndex(table.columns, header, `values.${field}`, file);
    rewrites.push({ index, rewrite: (value) => byLabel.get(cellText(value) ?? '') ?? value });
  }
  if (issues.length > 0)
    throw new AppError('invalid_input', 'The mapping file’s values are not valid', issues);
  return rewrites;
}

/** The table as the mapping shapes it, and the mapping with the columns that shaping made. */
export function shapeTable(
  table: OpenedTable,
  mapping: Mapping | undefined,
  file: string,
): { table: OpenedTable; mapping: Mapping | undefined } {
  if (mapping === undefined) return { table, mapping };
  let shaped = table;
  let columns = mapping.columns;
  if (mapping.wide !== undefined) {
    shaped = widen(shaped, file);
    columns = { ...columns, year: WIDE_YEAR, [mapping.wide.value]: WIDE_VALUE };
  }
  if (mapping.where !== undefined) shaped = filterRows(shaped, mapping.where, file);
  const rewrites = valueRewrites(shaped, { ...mapping, columns }, file);
  if (mapping.period !== undefined) {
    const index = columnIndex(shaped.columns, mapping.period, 'period', file);
    rewrites.push({ index, rewrite: (value) => yearOfPeriod(value) ?? value });
    columns = { ...columns, year: mapping.period };
  }
  return { table: rewriteCells(shaped, rewrites), mapping: { ...mapping, columns } };
}
