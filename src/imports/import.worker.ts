// Worker thread: runs one import job (preview, import or rollback) on its own connection, so that reading,
// validating and inserting a large file never holds up the server's event loop. Answers with the job's result or
// the error as plain data (an unexpected one with its message, code and stack, for the server's log).
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import { openStore, type Store } from '../db/connect.js';
import { toAppError } from '../errors.js';
import { asProblem, type ImportJob, runImportJob } from './import-jobs.js';

function unexpected(error: unknown) {
  const { message, stack, code } = error as { message?: unknown; stack?: unknown; code?: unknown };
  return { message: String(message ?? error), stack: String(stack ?? ''), code };
}

const { database, job } = workerData as { database: DatabaseConfig; job: ImportJob };
let store: Store | undefined;
try {
  store = await openStore(database);
  parentPort?.postMessage({ ok: true, value: await runImportJob(store, job) });
} catch (error) {
  const known = toAppError(error);
  parentPort?.postMessage(
    known === undefined
      ? { ok: false, unexpected: unexpected(error) }
      : { ok: false, problem: asProblem(known) },
  );
} finally {
  await store?.close();
}
