// XLSX downloads: a Data sheet (one row per result row, empty cells for missing or suppressed values) and a
// Metadata sheet that says what the numbers are (method, units, sources, caveats). A large workbook is written in a
// worker thread (xlsx.worker.ts); a small one right here, where starting a thread would cost more than it saves.
import { runInWorker } from '../workers/one-shot.js';
import { workerModule } from '../workers/worker-thread.js';
import { columnsOf } from './csv.js';

export interface XlsxContent {
  rows: readonly object[];
  about: readonly [string, string][];
  fallbackColumns: readonly string[];
}

/** Rows from which a workbook is written in a worker thread. */
export const XLSX_WORKER_ROWS = 1000;
const WORKER = workerModule(import.meta.url, 'xlsx.worker');

export async function buildXlsx({
  rows,
  about,
  fallbackColumns,
}: XlsxContent): Promise<Uint8Array<ArrayBuffer>> {
  // The spreadsheet library is large: loaded at the first workbook, not by every process that could write one.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Måltal';
  const data = workbook.addWorksheet('Data');
  const columns = rows.length === 0 ? [...fallbackColumns] : columnsOf(rows);
  data.addRow(columns);
  data.getRow(1).font = { bold: true };
  for (const row of rows)
    data.addRow(columns.map((column) => (row as Record<string, unknown>)[column] ?? null));
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
