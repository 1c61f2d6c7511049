// Where the editor area's import jobs run: on the serving thread (an in-memory store cannot be shared) or, for a
// server on a database file or PostgreSQL, each job in a worker thread of its own with a memory limit, so that the
// site keeps answering while a large file is read and written, and a job that runs out of memory is named as such
// and ends alone (its transaction never commits).
import type { RebuildReport } from '../accidents/aggregates.service.js';
import type { MappedCode } from '../accidents/industry-codes.service.js';
import type { DatabaseConfig } from '../config.js';
import type { Store } from '../db/connect.js';
import { runInWorker } from '../workers/one-shot.js';
import { workerModule } from '../workers/worker-thread.js';
import type { ImportJob, PreviewResult } from './import-jobs.js';
import { runImportJob } from './import-jobs.js';
import type { ImportReport, RollbackReport } from './imports.service.js';
import { DEFAULT_IMPORT_MEMORY_MB, importOutOfMemory as outOfMemory } from './texts.js';

export interface ImportRunner {
  preview(job: Omit<Extract<ImportJob, { job: 'preview' }>, 'job'>): Promise<PreviewResult>;
  run(job: Omit<Extract<ImportJob, { job: 'import' }>, 'job'>): Promise<ImportReport>;
  rollback(job: Omit<Extract<ImportJob, { job: 'rollback' }>, 'job'>): Promise<RollbackReport>;
  rebuild(job: Omit<Extract<ImportJob, { job: 'rebuild' }>, 'job'>): Promise<RebuildReport>;
  mapCode(job: Omit<Extract<ImportJob, { job: 'map-code' }>, 'job'>): Promise<MappedCode>;
}

type Execute = (job: ImportJob) => Promise<unknown>;

function runner(execute: Execute): ImportRunner {
  return {
    preview: async (job) => (await execute({ job: 'preview', ...job })) as PreviewResult,
    run: async (job) => (await execute({ job: 'import', ...job })) as ImportReport,
    rollback: async (job) => (await execute({ job: 'rollback', ...job })) as RollbackReport,
    rebuild: async (job) => (await execute({ job: 'rebuild', ...job })) as RebuildReport,
    mapCode: async (job) => (await execute({ job: 'map-code', ...job })) as MappedCode,
  };
}

export function inThreadImports(store: Store): ImportRunner {
  return runner((job) => runImportJob(store, job));
}

const WORKER = workerModule(import.meta.url, 'import.worker');

export function workerImports(database: DatabaseConfig, memoryMb = DEFAULT_IMPORT_MEMORY_MB): ImportRunner {
  return runner((job) =>
    runInWorker(
      WORKER,
      { database, job },
      { resourceLimits: { maxOldGenerationSizeMb: memoryMb }, outOfMemory },
    ),
  );
}
