// Builds the accident data in a worker thread (accident-data.worker.ts) for a server on a database other threads can
// open: the cubes and their disclosure control take about a second on the full demo data, which the serving thread
// would otherwise spend not answering.
import type { DatabaseConfig } from '../config.js';
import { runInWorker } from '../workers/one-shot.js';
import { workerModule } from '../workers/worker-thread.js';
import type { AccidentDataParts, PartsBuilder } from './statistics.js';

const WORKER = workerModule(import.meta.url, 'accident-data.worker');

export function workerPartsBuilder(database: DatabaseConfig): PartsBuilder {
  return async (settings) => (await runInWorker(WORKER, { database, settings })) as AccidentDataParts;
}
