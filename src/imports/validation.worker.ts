// A worker thread that reads and validates an import's file (row-validation.ts) while the importing thread writes
// the chunks it has sent: at most CHUNKS_IN_FLIGHT ahead, each sent when the writer gives credit back.
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../errors.js';
import { KINDS } from './kinds/index.js';
import { lookupsFrom } from './lookups.js';
import { shapeTable } from './mapping-shape.js';
import { isPackedData, packRows, transferables } from './packed-rows.js';
import { openTable } from './readers/index.js';
import { validatedChunks } from './row-validation.js';
import { StageClock } from './stage-clock.js';
import { CHUNKS_IN_FLIGHT, type ValidationJob, type ValidationMessage } from './validation-job.js';

const job = workerData as ValidationJob;
const post = (message: ValidationMessage, transfer: ArrayBuffer[] = []) =>
  parentPort?.postMessage(message, transfer);

let credit = CHUNKS_IN_FLIGHT;
let wake: (() => void) | undefined;
parentPort?.on('message', () => {
  credit++;
  wake?.();
});
const creditGiven = () =>
  new Promise<void>((resolve) => {
    wake = resolve;
  });

async function run(): Promise<void> {
  const kind = KINDS[job.kind];
  const clock = new StageClock();
  const opened = await openTable(job.filePath, {
    displayName: job.file,
    ...(job.sheet === undefined ? {} : { sheet: job.sheet }),
    ...(job.mapping?.headerRow === undefined ? {} : { headerRow: job.mapping.headerRow }),
  });
  const { table } = shapeTable(opened, job.mapping, job.file);
  const fields = job.fields.map(({ name, index }) => {
    const spec = kind.fields.find((field) => field.name === name);
    if (spec === undefined) throw new Error(`${job.kind} has no field ${name}`);
    return { spec, index };
  });
  const chunks = validatedChunks(
    { ...job, kind, table, fields, lookups: lookupsFrom(job.lookupTables) },
    {
      report: (issue) => post({ type: 'issue', issue }),
      clock,
      onProgress: (rows) => post({ type: 'progress', rows }),
    },
  );
  const width = kind.columns.length;
  let next = await chunks.next();
  for (; next.done !== true; next = await chunks.next()) {
    while (credit === 0) await creditGiven();
    credit--;
    const rows = packRows(next.value, width);
    post({ type: 'chunk', rows }, transferables(rows));
  }
  const { aggregate } = next.value;
  post(
    { type: 'done', summary: next.value, settings: table.settings, timings: clock.totals() },
    isPackedData(aggregate) ? transferables(aggregate) : [],
  );
}

run()
  .catch((error: unknown) => {
    const known = toAppError(error);
    if (known !== undefined)
      post({ type: 'problem', code: known.code, message: known.message, issues: known.issues });
    else {
      const { message, stack } = error as { message?: unknown; stack?: unknown };
      post({ type: 'unexpected', message: String(message ?? error), stack: String(stack ?? '') });
    }
  })
  .finally(() => parentPort?.close());
