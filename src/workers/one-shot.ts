// One job in a worker thread of its own, on its own connection to the store: the parent posts nothing and waits for
// one answer, which is the job's value, an expected error (as plain data, rebuilt as an AppError) or an unexpected
// one (its message, code and stack, for the log). A worker that runs out of heap ends alone and is named as such.
import { parentPort, type ResourceLimits, type Transferable } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import { openStore, type Store } from '../db/connect.js';
import { AppError, type Issue, toAppError } from '../errors.js';
import { startWorker } from './worker-thread.js';

type Answer =
  | { ok: true; value: unknown }
  | { ok: false; problem: { code: AppError['code']; message: string; issues: Issue[] } }
  | { ok: false; unexpected: { message: string; stack: string; code: unknown } };

export interface OneShotOptions {
  resourceLimits?: ResourceLimits;
  /** The error a worker that ran out of heap is reported as. */
  outOfMemory?: () => Error;
}

export function runInWorker(
  module: URL,
  workerData: unknown,
  options: OneShotOptions = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(module, workerData, options.resourceLimits);
    let answered = false;
    worker.on('message', (message: Answer) => {
      answered = true;
      if (message.ok) resolve(message.value);
      else if ('problem' in message)
        reject(new AppError(message.problem.code, message.problem.message, message.problem.issues));
      else reject(Object.assign(new Error(message.unexpected.message), message.unexpected));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      answered = true;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? options.outOfMemory : undefined;
      reject(outOfMemory === undefined ? error : outOfMemory());
    });
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`A worker thread stopped (exit code ${code}) without an answer`));
    });
  });
}

function unexpected(error: unknown) {
  const { message, stack, code } = error as { message?: unknown; stack?: unknown; code?: unknown };
  return { message: String(message ?? error), stack: String(stack ?? ''), code };
}

type Job = () => Promise<{ value: unknown; transfer?: Transferable[] }>;

/** In the worker: runs the job and answers the parent with its value or its error. */
export async function answerParent(job: Job): Promise<void> {
  try {
    const { value, transfer } = await job();
    parentPort?.postMessage({ ok: true, value } satisfies Answer, transfer ?? []);
  } catch (error) {
    const known = toAppError(error);
    const answer: Answer =
      known === undefined
        ? { ok: false, unexpected: unexpected(error) }
        : { ok: false, problem: { code: known.code, message: known.message, issues: known.issues } };
    parentPort?.postMessage(answer);
  }
}

/** In the worker: opens the store, runs the job on it, closes the store whatever happened, then answers the parent
 *  (so that when the parent hears back, the worker holds no connection or file any more). */
export async function answerWithStore(
  database: DatabaseConfig,
  job: (store: Store) => ReturnType<Job>,
): Promise<void> {
  await answerParent(async () => {
    const store = await openStore(database);
    try {
      return await job(store);
    } finally {
      await store.close();
    }
  });
}
