// Starts a worker thread from a module next to the caller: the compiled .js in production, the TypeScript source under
// the tests (the worker then registers the same TypeScript loader as its parent before importing the module).
import { type ResourceLimits, Worker } from 'node:worker_threads';

/** The worker module `name` beside `callerUrl` (pass `import.meta.url`), with the caller's own extension. */
export function workerModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

export function startWorker(module: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits === undefined ? {} : { resourceLimits }) };
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`,
    { ...options, eval: true },
  );
}
