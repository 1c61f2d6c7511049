// A per-client limit on how many requests to the expensive endpoints (the accident statistics) may run at once:
// one client cannot occupy the server with parallel heavy queries. Answers from the page cache are not counted.
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

/** The client's address as the socket gives it (no proxy header is trusted); in-process requests share one. */
function clientOf(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'in-process';
}

export function concurrencyLimit(max: number, expensive: (path: string) => boolean): MiddlewareHandler {
  const running = new Map<string, number>();
  return async (c, next) => {
    if (!expensive(c.req.path)) return next();
    const client = clientOf(c);
    const now = running.get(client) ?? 0;
    if (now >= max)
      throw new AppError(
        'busy',
        `At most ${max} statistics requests from one client at a time: try again shortly`,
        [
          {
            field: 'client',
            message: `at most ${max} statistics requests at a time`,
            messageDa: `højst ${max} statistikforespørgsler ad gangen`,
          },
        ],
      );
    running.set(client, now + 1);
    try {
      await next();
    } finally {
      const left = (running.get(client) ?? 1) - 1;
      if (left === 0) running.delete(client);
      else running.set(client, left);
    }
  };
}
