// Runs the Hono app on Node's HTTP server; resolves once it listens, closes cleanly on request.
import { serve } from '@hono/node-server';
import type { Store } from '../db/connect.js';
import { AppError } from '../errors.js';
import { createApp } from './app.js';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export function startServer(
  store: Store,
  options: { port: number; hostname?: string; adminToken?: string | null; uploadDir?: string },
): Promise<RunningServer> {
  const app = createApp(store, {
    adminToken: options.adminToken ?? null,
    ...(options.uploadDir === undefined ? {} : { uploadDir: options.uploadDir }),
  });
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
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
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
