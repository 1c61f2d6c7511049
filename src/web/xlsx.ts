// XLSX downloads: a Data sheet (one row per result row, empty cells for missing or suppressed values) and a
// Metadata sheet that says what the numbers are (method, units, sources, caveats). A large workbook is written in a
// worker thread (xlsx.worker.ts); a small one right here, where starting a thread would cost more than it saves.
// In the reader's form (`toLocalXlsx`) the Data sheet has the reader's column names and labels, and keeps every
// digit of each number while showing it with the decimals the page shows (a cell format, read in the reader's
// own decimal sign by the spreadsheet).
import type { Worksheet } from 'exceljs';
import { runInWorker } from '../workers/one-shot.js';
import { workerModule } from '../workers/worker-thread.js';
import { columnsOf } from './csv.js';
import type { Cell, LocalTable } from './download-table.js';

/** A table in the reader's form, its records written out (it crosses to a worker thread). */
export interface XlsxTable {
  headers: string[];
  decimals: (number | undefined)[];
  records: Cell[][];
}

export interface XlsxContent {
  rows: readonly object[];
  about: readonly [string, string][];
  fallbackColumns: readonly string[];
  table?: XlsxTable;
}

/** Excel's number format for a column shown with `decimals` decimals ('0', '0.0', …; General for every digit). */
export const numberFormat = (decimals: number | undefined) =>
  decimals === undefined ? undefined : decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;

function writeTable(sheet: Worksheet, table: XlsxTable): void {
  sheet.addRow(table.headers);
  for (const record of table.records) sheet.addRow(record.map((value) => value ?? null));
  table.decimals.forEach((decimals, i) => {
    const format = numberFormat(decimals);
    if (format !== undefined) sheet.getColumn(i + 1).numFmt = format;
  });
}

function writeRows(sheet: Worksheet, rows: readonly object[], fallbackColumns: readonly string[]): void {
  const columns = rows.length === 0 ? [...fallbackColumns] : columnsOf(rows);
  sheet.addRow(columns);
  for (const row of rows)
    sheet.addRow(columns.map((column) => (row as Record<string, unknown>)[column] ?? null));
}

/** Rows from which a workbook is written in a worker thread. */
export const XLSX_WORKER_ROWS = 1000;
const WORKER = workerModule(import.meta.url, 'xlsx.worker');

export async function buildXlsx({
  rows,
  about,
  fallbackColumns,
  table,
}: XlsxContent): Promise<Uint8Array<ArrayBuffer>> {
  // The spreadsheet library is large: loaded at the first workbook, not by every process that could write one.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Måltal';
  const data = workbook.addWorksheet('Data');
  if (table === undefined) writeRows(data, rows, fallbackColumns);
  else writeTable(data, table);
  data.getRow(1).font = { bold: true };
  const metadata = workbook.addWorksheet('Metadata');
  for (const line of about) metadata.addRow([...line]);
  metadata.getColumn(1).width = 32;
  metadata.getColumn(2).width = 120;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function toXlsx(
  rows: readonly object[],
  about: readonly [string, string][],
  fallbackColumns: readonly string[],
): Promise<Uint8Array<ArrayBuffer>> {
  const content: XlsxContent = { rows, about, fallbackColumns };
  if (rows.length < XLSX_WORKER_ROWS) return buildXlsx(content);
  return (await runInWorker(WORKER, content)) as Uint8Array<ArrayBuffer>;
}

/** The reader's form: the Data sheet from a table in the reader's language, the Metadata sheet from `about`. */
export async function toLocalXlsx(
  local: LocalTable,
  about: readonly [string, string][],
): Promise<Uint8Array<ArrayBuffer>> {
  const table: XlsxTable = { headers: local.headers, decimals: local.decimals, records: [...local.records] };
  const content: XlsxContent = { rows: [], about, fallbackColumns: [], table };
  if (table.records.length < XLSX_WORKER_ROWS) return buildXlsx(content);
  return (await runInWorker(WORKER, content)) as Uint8Array<ArrayBuffer>;
}
