// The accident answers as files: CSV (one row per result row, web/csv.ts) and XLSX (the rows, and a sheet describing them:
// method, convention, filters, suppression, sources and caveats).
import ExcelJS from 'exceljs';
import { columnsOf } from '../web/csv.js';
import type { AnswerMeta } from './rates.js';

export { toCsv } from '../web/csv.js';

function metaLines(meta: AnswerMeta & Record<string, unknown>): [string, string][] {
  const lines: [string, string][] = [
    ['Mål / measure', meta.measure],
    ['Opgørelse / convention', `${meta.convention.labelDa} / ${meta.convention.labelEn}`],
    ['Filtre / filters', JSON.stringify(meta.filters)],
    ['Grupperet efter / grouped by', meta.groupBy.join(', ')],
  ];
  if (typeof meta.perEmployed === 'number')
    lines.push(['Pr. beskæftigede / per employed', String(meta.perEmployed)]);
  lines.push(
    ['Konfidensniveau / confidence', String(meta.confidence)],
    ['Metode', meta.method.da],
    ['Method', meta.method.en],
    ['Diskretion', meta.suppression.noteDa],
    ['Disclosure control', meta.suppression.noteEn],
  );
  if (meta.suppression.exemptNote !== null)
    lines.push(['Undtagelse / exemption', meta.suppression.exemptNote]);
  if (meta.suppression.unsuppressed)
    lines.push(['Ikke diskretioneret / unsuppressed', 'Kun til datafolk / data stewards only']);
  for (const batch of meta.sourceBatches)
    lines.push([
      `Kilde / source #${batch.id}`,
      `${batch.fileName} (${batch.sourceLabel}), ${batch.importedAt.slice(0, 10)}, ${batch.rowCount} rows`,
    ]);
  for (const note of meta.seriesNotes) lines.push(['Bemærkning / note', `${note.da} / ${note.en}`]);
  if (meta.excludedUndated > 0)
    lines.push([
      'Uden ulykkesdato / undated',
      `${meta.excludedUndated} records left out under the accident-year convention`,
    ]);
  if (meta.demoLabel !== null) lines.push(['Demodata', `${meta.demoLabel.da} / ${meta.demoLabel.en}`]);
  return lines;
}

export async function toXlsx(
  rows: readonly object[],
  meta: AnswerMeta,
  fallbackColumns: readonly string[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Måltal';
  const data = workbook.addWorksheet('Data');
  const columns = rows.length === 0 ? [...fallbackColumns] : columnsOf(rows);
  data.addRow(columns);
  data.getRow(1).font = { bold: true };
  // Missing and suppressed values stay empty cells.
  for (const row of rows)
    data.addRow(columns.map((column) => (row as Record<string, unknown>)[column] ?? null));
  const about = workbook.addWorksheet('Metadata');
  for (const line of metaLines(meta as AnswerMeta & Record<string, unknown>)) about.addRow(line);
  about.getColumn(1).width = 32;
  about.getColumn(2).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
