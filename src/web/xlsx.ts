// XLSX downloads: a Data sheet (one row per result row, empty cells for missing or suppressed values) and a
// Metadata sheet that says what the numbers are (method, units, sources, caveats).
import ExcelJS from 'exceljs';
import { columnsOf } from './csv.js';

export async function toXlsx(
  rows: readonly object[],
  about: readonly [string, string][],
  fallbackColumns: readonly string[],
): Promise<Buffer> {
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
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
