// The validation stage in a worker thread, seen from the importing thread: the same chunks and summary as
// `validatedChunks`, while the worker reads ahead. The writer's pace sets the worker's: each chunk taken gives the
// worker credit for one more. Stopping early (a write failed) ends the worker.
import { AppError, type ErrorCode } from '../errors.js';
import { startWorker, workerModule } from '../workers/worker-thread.js';
import { PackedRows, type RowChunk } from './packed-rows.js';
import type { DetectedSettings } from './readers/table.js';
import type { ValidationHooks, ValidationSummary } from './row-validation.js';
import type { Stage } from './stage-clock.js';
import { DEFAULT_IMPORT_MEMORY_MB, importOutOfMemory } from './texts.js';
import type { ValidationJob, ValidationMessage } from './validation-job.js';

const WORKER = workerModule(import.meta.url, 'validation.worker');
/** The worker's young generation: a larger one halves the time its per-row garbage costs (bench/import.bench.ts). */
const YOUNG_GENERATION_MB = 32;

export interface WorkerSummary extends ValidationSummary {
  /** The settings as the worker's reading left them (an encoding corrected midway). */
  settings: DetectedSettings;
  /** The worker's own stage times (reading, validating, summing: beside the writer's, not before it). */
  timings: Record<Stage, number>;
}

export async function* validatedChunksInWorker(
  job: ValidationJob,
  hooks: Pick<ValidationHooks, 'report' | 'onProgress'>,
  memoryMb = DEFAULT_IMPORT_MEMORY_MB,
): AsyncGenerator<RowChunk, WorkerSummary> {
  // A file whose rows need more than this is refused as out of memory, as a job of the editor area's is.
  const worker = startWorker(WORKER, job, {
    maxOldGenerationSizeMb: memoryMb,
    maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
  });
  const queue: (ValidationMessage | { type: 'failed'; error: Error })[] = [];
  let wake: (() => void) | undefined;
  const arrive = (message: (typeof queue)[number]) => {
    queue.push(message);
    wake?.();
  };
  worker.on('message', (message: ValidationMessage) => arrive(message));
  worker.on('error', (error: Error & { code?: string }) =>
    arrive({
      type: 'failed',
      error: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? importOutOfMemory() : error,
    }),
  );
  worker.on('exit', (code) =>
    arrive({ type: 'failed', error: new Error(`The validation worker stopped (exit code ${code})`) }),
  );
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift() as (typeof queue)[number];
      switch (message.type) {
        case 'chunk':
          worker.postMessage('credit');
          yield new PackedRows(message.rows);
          break;
        case 'issue':
          hooks.report(message.issue);
          break;
        case 'progress':
          hooks.onProgress?.(message.rows);
          break;
        case 'done':
          return { ...message.summary, settings: message.settings, timings: message.timings };
        case 'problem':
          throw new AppError(message.code as ErrorCode, message.message, message.issues);
        case 'unexpected':
          throw Object.assign(new Error(message.message), { stack: message.stack });
        case 'failed':
          throw message.error;
      }
    }
  } finally {
    await worker.terminate();
  }
}
