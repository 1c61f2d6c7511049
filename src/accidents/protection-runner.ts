// Runs the disclosure protection in a worker thread whenever the accident records may have changed (server start,
// an import or rollback in the editor area): one run at a time, and one more if asked again meanwhile.
import { Worker } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import type { ProtectedYear } from './disclosure-audit.service.js';

const WORKER = new URL(
  `./protection.worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

export class BackgroundProtection {
  private running: Worker | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly database: DatabaseConfig,
    private readonly report: (done: ProtectedYear[] | Error) => void,
  ) {}

  /** Starts a run, or queues one more after the current run. */
  schedule(): void {
    if (this.closed) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    const workerData = { database: this.database };
    // Under the TypeScript sources (tests), the worker first registers the same TypeScript loader as its parent.
    const worker = WORKER.pathname.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(WORKER, { workerData });
    this.running = worker;
    worker.on('message', (done: ProtectedYear[]) => this.report(done));
    worker.on('error', (error) => this.report(error));
    worker.on('exit', () => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
  }

  /** Stops any run (its finished years stay stored; the rest are protected on the next run). */
  async close(): Promise<void> {
    this.closed = true;
    await this.running?.terminate();
  }
}
