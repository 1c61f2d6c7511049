// Worker thread: writes one XLSX download (exceljs takes about half a second for a few thousand rows), so that the
// serving thread answers other requests meanwhile. The workbook's bytes are transferred back, not copied.
import { workerData } from 'node:worker_threads';
import { answerParent } from '../workers/one-shot.js';
import { buildXlsx, type XlsxContent } from './xlsx.js';

await answerParent(async () => {
  const bytes = await buildXlsx(workerData as XlsxContent);
  return { value: bytes, transfer: [bytes.buffer as ArrayBuffer] };
});
