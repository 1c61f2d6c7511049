// Opens any supported data file as a table: detects the format from the extension and content, then dispatches.
import { extname } from 'node:path';
import { bilingual, type Text } from '../texts.js';
import { readCsv, sniffCsv } from './csv.reader.js';
import { readJsonStat } from './json-stat.reader.js';
import { readPx } from './px.reader.js';
import { displayName, readError } from './reader-errors.js';
import { isSdmxCsvHeader, readSdmxCsv } from './sdmx-csv.reader.js';
import type { Format, OpenedTable, ReadOptions } from './table.js';
import { isZip, readHead } from './text-source.js';

const BY_EXTENSION: Record<string, Format> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.json': 'json-stat',
  '.px': 'px',
};

const UNSUPPORTED: Record<string, Text> = {
  '.xls': bilingual(
    'old Excel 97–2003 workbooks (.xls) are not supported: save it as .xlsx or CSV',
    'gamle Excel 97–2003-projektmapper (.xls) understøttes ikke: gem filen som .xlsx eller CSV',
  ),
  '.ods': bilingual(
    'OpenDocument spreadsheets (.ods) are not supported: save it as .xlsx or CSV',
    'OpenDocument-regneark (.ods) understøttes ikke: gem filen som .xlsx eller CSV',
  ),
  '.xml': bilingual(
    'SDMX-ML and other XML files are not supported: download SDMX-CSV instead',
    'SDMX-ML og andre XML-filer understøttes ikke: hent SDMX-CSV i stedet',
  ),
};

/** PX files open with one of these keywords (CHARSET and AXIS-VERSION come first in files that follow the spec). */
const PX_START = /^\s*(CHARSET|AXIS-VERSION|CODEPAGE|LANGUAGE|MATRIX|TITLE|SUBJECT-AREA|DESCRIPTION)\s*[=[]/;

/**
 * The file's format: the extension decides when it is known (a CSV-family file whose header starts with
 * DATAFLOW or STRUCTURE is SDMX-CSV); otherwise the first bytes do (zip → XLSX, `{` → JSON-stat, PX keywords → PX,
 * anything else is tried as CSV).
 */
export async function openTable(path: string, options: ReadOptions = {}): Promise<OpenedTable> {
  const format = options.format ?? (await detectFormat(path, options));
  switch (format) {
    case 'csv':
    case 'sdmx-csv': {
      const sniff = await sniffCsv(path, options);
      const sdmx = format === 'sdmx-csv' || (options.format === undefined && isSdmxCsvHeader(sniff.header));
      return sdmx ? readSdmxCsv(path, options, sniff) : readCsv(path, options, sniff);
    }
    case 'xlsx':
      // The spreadsheet library is large: loaded only when a spreadsheet comes (not by every CSV import's worker).
      return (await import('./xlsx.reader.js')).readXlsx(path, options);
    case 'json-stat':
      return readJsonStat(path, options);
    case 'px':
      return readPx(path, options);
  }
}

/** The format by extension, else by content; CSV and SDMX-CSV are told apart later, from the header. */
export async function detectFormat(
  path: string,
  options: Pick<ReadOptions, 'displayName'> = {},
): Promise<Format> {
  const file = displayName(path, options);
  const extension = extname(path).toLowerCase();
  const known = BY_EXTENSION[extension];
  if (known !== undefined) return known;
  const unsupported = UNSUPPORTED[extension];
  if (unsupported !== undefined) throw readError(file, 'file', unsupported);
  const head = await readHead(path, file, 4096);
  if (isZip(head.bytes)) return 'xlsx';
  const text = head.bytes.toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  if (text.trimStart().startsWith('{')) return 'json-stat';
  if (PX_START.test(text)) return 'px';
  return 'csv';
}
