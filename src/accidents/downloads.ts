// The accident answers as files: CSV (one row per result row, web/csv.ts) and XLSX (the rows, and a sheet describing them:
// method, convention, filters, suppression, sources and caveats).
import { toXlsx as writeXlsx } from '../web/xlsx.js';
import type { AnswerMeta } from './rates.js';

export { toCsv } from '../web/csv.js';

/**
 * The rows as a download carries them: each row also states its unit, counting convention, source and caveats,
 * so a file read on its own says what its numbers are.
 */
export function downloadRows(rows: readonly object[], meta: AnswerMeta): object[] {
  const unit =
    typeof (meta as AnswerMeta & { perEmployed?: number }).perEmployed === 'number'
      ? `per ${(meta as AnswerMeta & { perEmployed: number }).perEmployed} employed`
      : '';
  const source = meta.sourceBatches.map((batch) => batch.sourceLabel || batch.fileName).join('; ');
  const notes = [
    ...meta.seriesNotes.map((note) => note.en),
    ...(meta.demoLabel === null ? [] : [meta.demoLabel.en]),
  ].join(' ');
  return rows.map((row) => ({ ...row, unit, convention: meta.convention.code, source, notes }));
}

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
): Promise<Uint8Array<ArrayBuffer>> {
  return writeXlsx(rows, metaLines(meta as AnswerMeta & Record<string, unknown>), fallbackColumns);
}
