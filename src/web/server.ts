// Runs the Hono app on Node's HTTP server; resolves once it listens, closes cleanly on request.
import { serve } from '@hono/node-server';
import { workerPartsBuilder } from '../accidents/accident-data-runner.js';
import { BackgroundProtection } from '../accidents/protection-runner.js';
import { statisticsFor } from '../accidents/series.js';
import type { DatabaseConfig, SessionSettings } from '../config.js';
import { openableByOtherThreads, type Store } from '../db/connect.js';
import { AppError } from '../errors.js';
import { workerImports } from '../imports/import-runner.js';
import { createApp } from './app.js';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** A database other threads can open too (not an in-memory SQLite store). */
const sharable = (database: DatabaseConfig | undefined) =>
  database === undefined || !openableByOtherThreads(database) ? undefined : database;

export function startServer(
  store: Store,
  options: {
    port: number;
    hostname?: string;
    /** Session expiry and cookie security. */
    sessions?: SessionSettings;
    uploadDir?: string;
    publicUrl?: string | null;
    contactEmail?: string | null;
    /** Bytes the page cache may keep. */
    pageCacheBytes?: number;
    /** The store's database: given, the disclosure protection runs in the background at start and after changes,
     *  and the editor area's import jobs run in worker threads of their own (an in-memory store cannot be shared). */
    database?: DatabaseConfig;
    log?: (line: string) => void;
  },
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(line));
  const database = sharable(options.database);
  const protection =
    database === undefined
      ? undefined
      : new BackgroundProtection(database, (done) =>
          log(
            done instanceof Error
              ? `Disclosure protection failed: ${done.message}\n`
              : done
                  .map(
                    (y) =>
                      `Disclosure control: ${y.convention} ${y.year} ${y.unprotected === 0 ? 'protected' : 'NOT protected'}\n`,
                  )
                  .join(''),
          ),
        );
  if (database !== undefined) statisticsFor(store.db).buildWith(workerPartsBuilder(database));
  const app = createApp(store, {
    ...(options.sessions === undefined ? {} : { sessions: options.sessions }),
    ...(options.uploadDir === undefined ? {} : { uploadDir: options.uploadDir }),
    publicUrl: options.publicUrl ?? null,
    contactEmail: options.contactEmail ?? null,
    ...(options.pageCacheBytes === undefined ? {} : { pageCache: { maxBytes: options.pageCacheBytes } }),
    ...(protection === undefined ? {} : { onDataChanged: () => protection.schedule() }),
    ...(database === undefined ? {} : { imports: workerImports(database) }),
  });
  protection?.schedule();
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: options.port,
        ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
      },
      (info) =>
        resolve({
          port: info.port,
          close: async () => {
            await protection?.close();
            await new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            });
          },
        }),
    );
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new AppError('invalid_config', 'Cannot start the web server', [
              {
                field: 'PORT',
                message: `port ${options.port} is ${error.code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}`,
              },
            ])
          : error,
      );
    });
  });
}
