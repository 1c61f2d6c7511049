// Reads delimited text (CSV, semicolon CSV from Danish Excel, TSV) as a stream, detecting its dialect first.
import { extname } from 'node:path';
import type { AppError } from '../../errors.js';
import { bilingual } from '../texts.js';
import { type CsvRecord, CsvTokenizer } from './csv-tokenizer.js';
import { checkHeaderNames, displayName, readError } from './reader-errors.js';
import {
  BatchedRows,
  type DetectedSettings,
  type Format,
  type OpenedTable,
  type RawRow,
  type RawValue,
  type ReadOptions,
} from './table.js';
import {
  assertText,
  assertUtf8Head,
  decodeFile,
  decodeHead,
  guessEncoding,
  isBlank,
  readHead,
  type TextEncoding,
} from './text-source.js';

type Delimiter = NonNullable<DetectedSettings['delimiter']>;

export const DEFAULT_MAX_COLUMNS = 1000;

/** A record longer than this is refused: in practice it means a quote that is never closed. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** What the sample of a delimited file revealed; `header` and `firstRow` come from the sample only. */
export interface CsvSniff {
  file: string;
  settings: DetectedSettings & {
    encoding: TextEncoding;
    bom: boolean;
    delimiter: Delimiter;
    decimalComma: boolean;
    headerRow: number;
  };
  /** UTF-8 guessed from a plain-ASCII sample: may still turn out to be Windows-1252 while streaming. */
  tentativeEncoding: boolean;
  /** The encoding was detected, not given: a Windows-1252 reading refuses UTF-8-encoded letters. */
  guessedEncoding: boolean;
  header: string[] | undefined;
  firstRow: string[] | undefined;
}

/** Detects encoding, delimiter and decimal comma from the first 64 KiB, unless the options force them. */
export async function sniffCsv(path: string, options: ReadOptions = {}): Promise<CsvSniff> {
  const file = displayName(path, options);
  const head = await readHead(path, file);
  if (head.size === 0 || isBlank(head)) throw readError(file, 'file', bilingual('is empty', 'er tom'));
  assertText(head, file);
  const guess = guessEncoding(head);
  if (options.encoding === 'utf-8') assertUtf8Head(head, file);
  const encoding = options.encoding ?? guess.encoding;
  const text = decodeHead(head, encoding, guess.bom);
  const headerRow = options.headerRow ?? 1;
  const delimiter =
    options.delimiter ?? detectDelimiter(text, head.complete, headerRow, extname(path).toLowerCase());
  const records = sampleRecords(text, delimiter, head.complete);
  const headerAt = records.findIndex((record) => record.line >= headerRow && !isBlankRecord(record.fields));
  const header = records[headerAt]?.fields.map((name) => name.trim());
  const data =
    headerAt < 0 ? [] : records.slice(headerAt + 1).filter((record) => !isBlankRecord(record.fields));
  return {
    file,
    settings: {
      format: 'csv',
      encoding,
      bom: guess.bom,
      delimiter,
      decimalComma: usesDecimalComma(
        data.map((record) => record.fields),
        delimiter,
      ),
      headerRow,
    },
    tentativeEncoding: options.encoding === undefined && guess.tentative,
    guessedEncoding: options.encoding === undefined,
    header,
    firstRow: data[0]?.fields,
  };
}

/** Opens a delimited file: reads its header now and streams its rows on every iteration of `rows`. */
export async function readCsv(
  path: string,
  options: ReadOptions = {},
  sniffed?: CsvSniff,
  format: Extract<Format, 'csv' | 'sdmx-csv'> = 'csv',
): Promise<OpenedTable> {
  const sniff = sniffed ?? (await sniffCsv(path, options));
  const settings: DetectedSettings = { ...sniff.settings, format };
  const source: CsvSource = {
    path,
    file: sniff.file,
    settings,
    tentativeEncoding: sniff.tentativeEncoding,
    guessedEncoding: sniff.guessedEncoding,
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
  };
  const header = await readHeader(source);
  settings.headerRow = header.row;
  return {
    settings,
    columns: header.columns,
    rows: new BatchedRows(() => dataRows(source, header)),
  };
}

interface CsvSource {
  path: string;
  file: string;
  /** Shared with the opened table: a tentative encoding is corrected here when streaming proves it wrong. */
  settings: DetectedSettings;
  tentativeEncoding: boolean;
  guessedEncoding: boolean;
  maxColumns: number;
}

interface Header {
  row: number;
  columns: string[];
}

async function readHeader(source: CsvSource): Promise<Header> {
  const { file, settings } = source;
  const headerRow = settings.headerRow ?? 1;
  // Leaving the loop early closes the stream: only the lines up to the header are read.
  for await (const records of csvRecords(source)) {
    const record = records.find((r) => r.row >= headerRow && !isBlankRecord(r.fields));
    if (record === undefined) continue;
    const names = record.fields.map((name) => name.trim());
    // Spreadsheets export formatted-but-empty columns as trailing empty header cells; they carry no data.
    while (names.length > 1 && names.at(-1) === '') names.pop();
    checkHeaderNames(file, names, record.row, (index) => String(index + 1));
    return { row: record.row, columns: names };
  }
  throw headerRow > 1
    ? readError(
        file,
        'header',
        bilingual(
          `there is no header at or after row ${headerRow}`,
          `der er ingen overskriftsrække i eller efter række ${headerRow}`,
        ),
        { row: headerRow },
      )
    : readError(file, 'file', bilingual('is empty', 'er tom'));
}

/** The data rows, a batch per decoded chunk of the file. */
async function* dataRows(source: CsvSource, header: Header): AsyncGenerator<RawRow[]> {
  const expected = header.columns.length;
  for await (const records of csvRecords(source)) {
    const batch: RawRow[] = [];
    for (const { row, fields } of records) {
      if (row <= header.row || isBlankRecord(fields)) continue;
      if (fields.length < expected || fields.slice(expected).some((field) => field.trim() !== '')) {
        throw raggedRow(source.file, row, header, fields);
      }
      const values: RawValue[] = new Array(expected);
      for (let index = 0; index < expected; index++) {
        const field = fields[index] as string;
        values[index] = field.trim() === '' ? null : field;
      }
      batch.push({ row, values });
    }
    if (batch.length > 0) yield batch;
  }
}

function raggedRow(file: string, row: number, header: Header, fields: string[]): AppError {
  const expected = header.columns.length;
  const found = fields.length;
  const detail = `expected ${expected} fields as in the header, found ${found}`;
  const detailDa = `forventede ${expected} felter som i overskriftsrækken, fandt ${found}`;
  if (found < expected) {
    const missing = header.columns[found] as string;
    return readError(
      file,
      'columns',
      bilingual(
        `${detail}: the row ends before column "${missing}"`,
        `${detailDa}: rækken slutter før kolonnen "${missing}"`,
      ),
      { row, column: missing },
    );
  }
  const extra = fields.findIndex((field, index) => index >= expected && field.trim() !== '');
  return readError(
    file,
    'columns',
    bilingual(
      `${detail}: field ${extra + 1} has no column in the header`,
      `${detailDa}: felt ${extra + 1} har ingen kolonne i overskriftsrækken`,
    ),
    { row, column: String(extra + 1) },
  );
}

/** Streams the file's records with the line each starts on, a batch per decoded chunk; memory stays flat whatever
 *  the file's size. */
async function* csvRecords(source: CsvSource): AsyncGenerator<CsvRecord[]> {
  const { path, file, settings, maxColumns } = source;
  const tokenizer = new CsvTokenizer({
    file,
    delimiter: settings.delimiter ?? ',',
    maxRecordChars: MAX_RECORD_CHARS,
    maxColumns,
  });
  const text = decodeFile(path, {
    file,
    encoding: settings.encoding ?? 'utf-8',
    bom: settings.bom ?? false,
    refuseUtf8Letters: source.guessedEncoding,
    ...(source.tentativeEncoding && {
      onFallback: () => {
        settings.encoding = 'windows-1252';
      },
    }),
  });
  for await (const chunk of text) yield tokenizer.push(chunk);
  yield tokenizer.end();
}

function isBlankRecord(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/** A record of the sample, split with RFC 4180 quoting; the line is where it starts. */
export interface SampleRecord {
  line: number;
  fields: string[];
}

/** Splits sampled text into records; a record cut off by the end of an incomplete sample is dropped. */
export function sampleRecords(text: string, delimiter: string, complete: boolean): SampleRecord[] {
  const records: SampleRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let at = 0; at < text.length; at++) {
    const char = text[at] as string;
    if (quoted) {
      if (char === '"') {
        if (text[at + 1] === '"') {
          field += '"';
          at++;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n' || (char === '\r' && text[at + 1] !== '\n')) line++;
        field += char;
      }
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (complete && !quoted && (fieldStarted || fields.length > 0)) endRecord();
  return records;
}

const DELIMITERS: Delimiter[] = [';', '\t', ','];

/** The candidate that splits the header into the most fields; ties go to the one the data rows agree with. */
export function detectDelimiter(text: string, complete: boolean, headerRow = 1, extension = ''): Delimiter {
  const preferred: Delimiter[] = extension === '.tsv' ? ['\t', ';', ','] : DELIMITERS;
  let best: { delimiter: Delimiter; width: number; agreeing: number } | undefined;
  for (const delimiter of preferred) {
    const records = sampleRecords(text, delimiter, complete).filter(
      (record) => record.line >= headerRow && !isBlankRecord(record.fields),
    );
    const width = records[0]?.fields.length ?? 0;
    const agreeing = records.filter((record) => record.fields.length === width).length;
    if (
      width > 1 &&
      (best === undefined || width > best.width || (width === best.width && agreeing > best.agreeing))
    ) {
      best = { delimiter, width, agreeing };
    }
  }
  return best?.delimiter ?? (extension === '.tsv' ? '\t' : ',');
}

const DECIMAL_COMMA = /^[-+]?(\d{1,3}(\.\d{3})+|\d*),\d+$/;
const DECIMAL_POINT = /^[-+]?(\d{1,3}(,\d{3})+|\d*)\.\d+([eE][-+]?\d+)?$/;
/** 1.234 is a thousand in Danish and one point two three four in English (and 1,234 the other way round): no
 *  evidence either way. */
const AMBIGUOUS_POINT = /^[-+]?\d{1,3}\.\d{3}$/;
const AMBIGUOUS_COMMA = /^[-+]?\d{1,3},\d{3}$/;

/**
 * True when the file writes a decimal comma (12,5). The sample's unambiguous numbers decide; without any (only
 * numbers like 12.345 or "12,345", which are thousands in one convention and decimals in the other), the delimiter
 * does: `;` is how Danish spreadsheets write CSV, with decimal commas. Cells that do not follow the convention are
 * then refused one by one when they are parsed, never read the other way.
 */
export function usesDecimalComma(rows: string[][], delimiter = ','): boolean {
  let comma = 0;
  let point = 0;
  for (const row of rows) {
    for (const raw of row) {
      const field = raw.trim();
      if (DECIMAL_COMMA.test(field) && !AMBIGUOUS_COMMA.test(field)) comma++;
      else if (DECIMAL_POINT.test(field) && !AMBIGUOUS_POINT.test(field)) point++;
    }
  }
  if (comma !== point) return comma > point;
  return delimiter === ';';
}
