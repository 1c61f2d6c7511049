// Reads one sheet of an Excel workbook (.xlsx), streaming its rows through exceljs's parsers; never formulas.
import { type Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.js';
import { bilingual, type Text } from '../texts.js';
import { DEFAULT_MAX_COLUMNS } from './csv.reader.js';
import { checkHeaderNames, columnLetter, displayName, readError } from './reader-errors.js';
import type { DetectedSettings, OpenedTable, RawRow, RawValue, ReadOptions } from './table.js';
import { openZipEntry, readZipDirectory } from './zip-archive.js';

/**
 * The part parsers of exceljs's streaming reader, driven here one part at a time. Its own front-to-back walk of
 * the zip (`parse()`) is not used: it can lose the archive's last parts (exceljs#3064), which are workbook.xml in
 * files written by exceljs and could be styles.xml or sharedStrings.xml in others (dates read as numbers).
 */
interface WorkbookParts {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Generator<{ eventType: string; value: StreamWorksheet }>;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

interface StreamWorksheet {
  name: string;
  [Symbol.asyncIterator](): AsyncGenerator<StreamRow>;
}

interface StreamRow {
  number: number;
  /** Sparse, indexed by 1-based column number. */
  values: unknown[];
}

interface OpenSheet {
  name: string;
  names: string[];
  rows: AsyncGenerator<StreamRow>;
  close(): Promise<void>;
}

interface SheetHeader {
  row: number;
  columns: string[];
  /** 1-based column numbers of the header's first and last cell. */
  first: number;
  last: number;
}

export async function readXlsx(path: string, options: ReadOptions = {}): Promise<OpenedTable> {
  const file = displayName(path, options);
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  // The header may start anywhere in its first maxColumns columns; beyond twice that, nothing is read.
  const sheet = await openSheet(path, file, options.sheet, 2 * maxColumns);
  let header: SheetHeader;
  try {
    header = await readSheetHeader(file, sheet, options.headerRow ?? 1, maxColumns);
  } finally {
    await sheet.close();
  }
  const settings: DetectedSettings = {
    format: 'xlsx',
    sheet: sheet.name,
    sheets: sheet.names,
    headerRow: header.row,
  };
  return {
    settings,
    columns: header.columns,
    rows: { [Symbol.asyncIterator]: () => sheetRows(path, file, sheet.name, header) },
  };
}

async function readSheetHeader(
  file: string,
  sheet: OpenSheet,
  headerRow: number,
  maxColumns: number,
): Promise<SheetHeader> {
  let seenRows = false;
  for await (const row of sheet.rows) {
    if (row.number < headerRow) {
      // Rows above the header (titles, notes) are not read, so a formula in a title does no harm.
      seenRows ||= row.values.some((value) => value !== null && value !== undefined);
      continue;
    }
    const values = rowValues(file, sheet.name, row, undefined);
    if (values.every((value) => value === null)) continue;
    const first = values.findIndex((value) => value !== null);
    const last = values.findLastIndex((value) => value !== null);
    if (last - first + 1 > maxColumns) {
      throw readError(
        file,
        'columns',
        bilingual(
          `sheet "${sheet.name}": the header has ${last - first + 1} columns, more than the ${maxColumns} allowed`,
          `arket "${sheet.name}": overskriftsrækken har ${last - first + 1} kolonner, flere end de ${maxColumns} tilladte`,
        ),
        { row: row.number, column: columnLetter(first + maxColumns) },
      );
    }
    const columns = values
      .slice(first, last + 1)
      .map((value) => (value === null ? '' : String(value).trim()));
    checkHeaderNames(file, columns, row.number, (index) => columnLetter(first + index));
    return { row: row.number, columns, first, last };
  }
  throw seenRows
    ? readError(
        file,
        'sheet',
        bilingual(
          `sheet "${sheet.name}" has no header at or after row ${headerRow}`,
          `arket "${sheet.name}" har ingen overskriftsrække i eller efter række ${headerRow}`,
        ),
        { row: headerRow },
      )
    : readError(file, 'sheet', bilingual(`sheet "${sheet.name}" is empty`, `arket "${sheet.name}" er tomt`));
}

async function* sheetRows(
  path: string,
  file: string,
  name: string,
  header: SheetHeader,
): AsyncGenerator<RawRow> {
  const sheet = await openSheet(path, file, name, header.last, (cell, sheetName) =>
    bilingual(
      `sheet "${sheetName}": cell ${cell} has a value but no column in the header (${columnLetter(header.first)}–${columnLetter(header.last)})`,
      `arket "${sheetName}": cellen ${cell} har en værdi, men ingen kolonne i overskriftsrækken (${columnLetter(header.first)}–${columnLetter(header.last)})`,
    ),
  );
  try {
    for await (const row of sheet.rows) {
      if (row.number <= header.row) continue;
      const values = rowValues(file, name, row, header);
      if (values.every((value) => value === null)) continue;
      const outside = values.findIndex(
        (value, column) => value !== null && (column < header.first || column > header.last),
      );
      if (outside >= 0) {
        throw readError(
          file,
          'columns',
          bilingual(
            `sheet "${name}": cell ${columnLetter(outside)}${row.number} has a value but no column in the header (${columnLetter(header.first)}–${columnLetter(header.last)})`,
            `arket "${name}": cellen ${columnLetter(outside)}${row.number} har en værdi, men ingen kolonne i overskriftsrækken (${columnLetter(header.first)}–${columnLetter(header.last)})`,
          ),
          { row: row.number, column: columnLetter(outside) },
        );
      }
      // Excel stores no cell for an empty one, so a row may end before the header does.
      const width = header.last - header.first + 1;
      yield {
        row: row.number,
        values: Array.from({ length: width }, (_, index) => values[header.first + index] ?? null),
      };
    }
  } finally {
    await sheet.close();
  }
}

/** The row's values by column number (index 0 unused); refuses formulas and Excel error values. */
function rowValues(file: string, sheet: string, row: StreamRow, header: SheetHeader | undefined): RawValue[] {
  const values: RawValue[] = [null];
  for (let column = 1; column < row.values.length; column++) {
    const cell = row.values[column];
    const refuse = (message: Text) => {
      const letter = columnLetter(column);
      const name = header === undefined ? undefined : header.columns[column - header.first];
      throw readError(
        file,
        'value',
        bilingual(
          `sheet "${sheet}", cell ${letter}${row.number}: ${message.en}`,
          `arket "${sheet}", celle ${letter}${row.number}: ${message.da}`,
        ),
        { row: row.number, column: name === undefined ? letter : `${letter} (${name})` },
      );
    };
    values[column] = cellValue(cell, refuse);
  }
  return values;
}

function cellValue(cell: unknown, refuse: (message: Text) => never): RawValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number')
    return Number.isFinite(cell)
      ? cell
      : refuse(bilingual(`the number ${cell} is not finite`, `tallet ${cell} er ikke endeligt`));
  if (typeof cell === 'string') return cell.trim() === '' ? null : cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime()))
      return refuse(bilingual('the date is not valid', 'datoen er ikke gyldig'));
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof cell === 'object') {
    if ('formula' in cell || 'sharedFormula' in cell) {
      const formula =
        'formula' in cell && typeof cell.formula === 'string' && cell.formula !== ''
          ? `=${cell.formula}`
          : '';
      const shown = formula ? ` (${formula})` : '';
      return refuse(
        bilingual(
          `contains a formula${shown}; formulas are not data: copy the cells and paste them as values`,
          `indeholder en formel${shown}; formler er ikke data: kopiér cellerne, og indsæt dem som værdier`,
        ),
      );
    }
    if ('error' in cell) {
      const error = String(cell.error);
      return refuse(bilingual(`contains the Excel error ${error}`, `indeholder Excel-fejlen ${error}`));
    }
    if ('richText' in cell && Array.isArray(cell.richText)) {
      return cellValue(
        cell.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join(''),
        refuse,
      );
    }
    if ('text' in cell) return cellValue(cell.text, refuse);
  }
  const json = JSON.stringify(cell);
  return refuse(
    bilingual(
      `has a value of an unsupported kind (${json})`,
      `har en værdi af en type, der ikke understøttes (${json})`,
    ),
  );
}

/** Opens the workbook's parts in dependency order (relations, workbook, strings, styles), then the sheet. */
/** Column number of spreadsheet letters: A → 1, AA → 27. */
function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/**
 * Stops a sheet at the first cell beyond the columns an import reads, before exceljs builds its row (a row of
 * 16,384 cells takes a minute to build: the time grows with the square of its length). Cells are found by their
 * reference (<c r="XFD2">) in the part's XML as it streams by.
 */
/** What the guard says of a cell beyond the limit: the default, or (for data rows) that the header has no column. */
type BeyondLimit = (cell: string, sheet: string) => Text;

const beyondReadColumns =
  (maxColumns: number): BeyondLimit =>
  (cell, sheet) =>
    bilingual(
      `sheet "${sheet}": cell ${cell} lies beyond the ${maxColumns} columns an import reads`,
      `arket "${sheet}": cellen ${cell} ligger uden for de ${maxColumns} kolonner, en import læser`,
    );

function cellReferenceGuard(file: string, sheet: string, maxColumns: number, beyond: BeyondLimit): Transform {
  let tail = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = tail + chunk.toString('latin1');
      for (const match of text.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"/g)) {
        const letters = match[1] as string;
        if (columnNumber(letters) <= maxColumns) continue;
        done(
          readError(file, 'columns', beyond(`${letters}${match[2]}`, sheet), {
            row: Number(match[2]),
            column: letters,
          }),
        );
        return;
      }
      tail = text.slice(-64);
      done(null, chunk);
    },
  });
}

async function openSheet(
  path: string,
  file: string,
  wanted: string | undefined,
  maxColumns: number,
  beyond: BeyondLimit = beyondReadColumns(maxColumns),
): Promise<OpenSheet> {
  const entries = await readZipDirectory(path, file);
  const openPart = (name: string): Promise<Readable> | undefined => {
    const entry = entries.get(name);
    return entry === undefined ? undefined : openZipEntry(path, file, entry);
  };
  /** Parses a part if the workbook has it; a parser that fails halfway must not leave the file open. */
  const parsePart = async (name: string, parse: (part: Readable) => Promise<unknown>): Promise<void> => {
    const part = await openPart(name);
    if (part === undefined) return;
    try {
      await parse(part);
    } finally {
      part.destroy();
    }
  };
  const book = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    // Styles are needed to tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookParts;
  let sheetPart: Readable | undefined;
  try {
    if (!entries.has(WORKBOOK_RELS) || !entries.has(WORKBOOK)) {
      throw readError(
        file,
        'file',
        bilingual(
          'is not an Excel workbook: it is a zip archive without xl/workbook.xml',
          'er ikke en Excel-projektmappe: det er et zip-arkiv uden xl/workbook.xml',
        ),
      );
    }
    await parsePart(WORKBOOK_RELS, (part) => book._parseRels(part));
    await parsePart(WORKBOOK, (part) => book._parseWorkbook(part));
    await parsePart('xl/sharedStrings.xml', async (part) => {
      for await (const _string of book._parseSharedStrings(part)) {
        // cached on the reader
      }
    });
    await parsePart('xl/styles.xml', (part) => book._parseStyles(part));

    const sheets = book.model?.sheets ?? [];
    if (sheets.length === 0) {
      throw readError(
        file,
        'file',
        bilingual(
          'is not an Excel workbook: it lists no sheets',
          'er ikke en Excel-projektmappe: den har ingen ark',
        ),
      );
    }
    const names = sheets.map((sheet) => sheet.name);
    const name = sheetName(file, names, wanted);
    const rId = sheets.find((sheet) => sheet.name === name)?.rId;
    const target = book.workbookRels?.find((rel) => rel.Id === rId)?.Target ?? '';
    // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml").
    const rawPart = await openPart(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (rawPart !== undefined) {
      const guard = cellReferenceGuard(file, name, maxColumns, beyond);
      rawPart.on('error', (error) => guard.destroy(error));
      guard.on('close', () => rawPart.destroy());
      sheetPart = rawPart.pipe(guard);
    }
    if (sheetPart === undefined)
      throw readError(
        file,
        'sheet',
        bilingual(
          `sheet "${name}" holds no cells (is it a chart sheet?)`,
          `arket "${name}" har ingen celler (er det et diagramark?)`,
        ),
      );
    const sheetNo = /(\d+)\.xml$/.exec(target)?.[1] ?? '1';
    const [event] = [...book._parseWorksheet(sheetPart, sheetNo)];
    if (event === undefined) throw new Error('exceljs did not open the worksheet');
    const rows = event.value[Symbol.asyncIterator]();
    const opened = sheetPart;
    return {
      name,
      names,
      rows,
      close: async () => {
        await rows.return(undefined).catch(() => undefined);
        opened.destroy();
      },
    };
  } catch (error) {
    sheetPart?.destroy();
    throw workbookError(error, file);
  }
}

/** The wanted sheet (matched like Excel does, ignoring case) or the first; an unknown name lists the real ones. */
function sheetName(file: string, names: string[], wanted: string | undefined): string {
  if (wanted === undefined) return names[0] as string;
  const found =
    names.find((name) => name === wanted) ??
    names.find((name) => name.toLowerCase() === wanted.toLowerCase());
  if (found !== undefined) return found;
  const sheets = names.map((name) => `"${name}"`).join(', ');
  throw readError(
    file,
    'sheet',
    bilingual(
      `has no sheet named "${wanted}"; its sheets are ${sheets}`,
      `har intet ark med navnet "${wanted}"; arkene hedder ${sheets}`,
    ),
  );
}

function workbookError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return readError(
    file,
    'file',
    bilingual(
      `is damaged or not an Excel workbook (${reason})`,
      `er beskadiget eller ikke en Excel-projektmappe (${reason})`,
    ),
  );
}
