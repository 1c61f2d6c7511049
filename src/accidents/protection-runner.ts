// Runs the disclosure protection in a worker thread whenever the accident records may have changed (server start,
// an import or rollback in the editor area): one run at a time, and one more if asked again meanwhile.
import type { Worker } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import { startWorker, workerModule } from '../workers/worker-thread.js';
import type { ProtectedYear } from './disclosure-audit.service.js';

const WORKER = workerModule(import.meta.url, 'protection.worker');

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
    const worker = startWorker(WORKER, { database: this.database });
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
