// Reads SDMX-CSV 1.0 (first column DATAFLOW), 2.0 (STRUCTURE, STRUCTURE_ID, ACTION) and 3.0 (STRUCTURE[;] or
// STRUCTURE[|]: the brackets name the separator of multi-valued cells) through the CSV reader.

import { bilingual } from '../texts.js';
import { type CsvSniff, readCsv, sniffCsv } from './csv.reader.js';
import { readError } from './reader-errors.js';
import type { OpenedTable, ReadOptions } from './table.js';

/** SDMX-CSV's own columns that come before the dimensions (2.0 adds STRUCTURE_NAME with labels). */
const STRUCTURE_COLUMNS = new Set(['DATAFLOW', 'STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'ACTION']);

/** True when a delimited file's header marks it as SDMX-CSV. */
export function isSdmxCsvHeader(header: string[] | undefined): boolean {
  const first = header?.[0];
  return first !== undefined && ['DATAFLOW', 'STRUCTURE'].includes(columnId(first));
}

/** Opens SDMX-CSV: columns as in the file; the dimensions and the dataflow are read off the header. */
export async function readSdmxCsv(
  path: string,
  options: ReadOptions = {},
  sniffed?: CsvSniff,
): Promise<OpenedTable> {
  const sniff = sniffed ?? (await sniffCsv(path, options));
  const { header, file } = sniff;
  if (!isSdmxCsvHeader(header)) {
    throw readError(
      file,
      'header',
      bilingual(
        `is not SDMX-CSV: the first column must be DATAFLOW (1.0) or STRUCTURE (2.0), found "${header?.[0] ?? ''}"`,
        `er ikke SDMX-CSV: den første kolonne skal være DATAFLOW (1.0) eller STRUCTURE (2.0), fandt "${header?.[0] ?? ''}"`,
      ),
      { row: sniff.settings.headerRow, column: '1' },
    );
  }
  const table = await readCsv(path, options, sniff, 'sdmx-csv');
  const ids = table.columns.map(columnId);
  const dimensions = ids.slice(
    ids.findIndex((id) => !STRUCTURE_COLUMNS.has(id)),
    ids.indexOf('OBS_VALUE'),
  );
  if (ids.includes('OBS_VALUE') && dimensions.length > 0) table.settings.dimensions = dimensions;
  const title = dataflow(ids, sniff.firstRow);
  if (title !== undefined) table.settings.title = title;
  return table;
}

/** With labels=both, headers and codes read "FREQ: Frequency"; the id is the part before ": " (a dataflow
 *  id such as ESTAT:NA_MAIN(1.6.0) has a colon of its own, without the space). SDMX-CSV 3.0 may follow a column's
 *  id with its multi-value separator in brackets (STRUCTURE[;]), which is not part of the id. */
function columnId(name: string): string {
  return (name.split(': ', 1)[0]?.trim() ?? name).replace(/\[.\]$/, '');
}

/** The dataflow of the first row: the DATAFLOW value (1.0) or STRUCTURE_ID (2.0), without its label. */
function dataflow(ids: string[], firstRow: string[] | undefined): string | undefined {
  const at = ids[0] === 'DATAFLOW' ? 0 : ids.indexOf('STRUCTURE_ID');
  const value = at < 0 ? undefined : firstRow?.[at]?.trim();
  return value ? columnId(value) : undefined;
}
