// Worker thread: runs one import job (preview, import or rollback) on its own connection, so that reading,
// validating and inserting a large file never holds up the server's event loop.
import { workerData } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import { answerWithStore } from '../workers/one-shot.js';
import { type ImportJob, runImportJob } from './import-jobs.js';

const { database, job } = workerData as { database: DatabaseConfig; job: ImportJob };
await answerWithStore(database, async (store) => ({ value: await runImportJob(store, job) }));
