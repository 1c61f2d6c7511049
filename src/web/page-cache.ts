// The public pages and API answers, cached until the data change: a response is kept with the data version it
// was rendered at and served again while that version holds (one small query per request). Anything private
// (a signed-in session or API token, `no-store` answers, the editor area) is never cached.
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../db/connect.js';
import { dataVersion, INITIAL_DATA_VERSION, META_DATA_VERSION } from '../db/meta.js';

interface Entry {
  version: string;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

const KEPT_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

export interface PageCacheOptions {
  /** How many responses are kept; the least recently used go first. */
  maxEntries?: number;
  /** How many bytes of bodies are kept at most (default 64 MiB); an answer above a quarter of it is not kept. */
  maxBytes?: number;
}

export const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/** The data version read as cheaply as the store allows: a cached prepared statement on SQLite. */
function versionReader(store: Store): () => Promise<string> {
  if (store.sqlite === undefined) return () => dataVersion(store.db);
  const statement = store.sqlite.prepare('select value from meta where key = ?').pluck();
  return async () => (statement.get(META_DATA_VERSION) as string | undefined) ?? INITIAL_DATA_VERSION;
}

export function pageCache(store: Store, options: PageCacheOptions = {}): MiddlewareHandler {
  const maxEntries = options.maxEntries ?? 500;
  const maxBytes = options.maxBytes ?? DEFAULT_PAGE_CACHE_BYTES;
  const currentVersion = versionReader(store);
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    bytes -= entry.body.byteLength;
    entries.delete(key);
  };
  return async (c, next) => {
    const path = c.req.path;
    const cacheable =
      c.req.method === 'GET' &&
      !path.startsWith('/redaktion') &&
      !path.startsWith('/en/redaktion') &&
      !path.startsWith('/static/') &&
      path !== '/healthz' &&
      path !== '/readyz' &&
      c.req.header('authorization') === undefined &&
      !/(^|;\s*)(__Host-)?maaltal_session=/.test(c.req.header('cookie') ?? '');
    if (!cacheable) return next();
    const key = c.req.url;
    const hit = entries.get(key);
    let version: string;
    try {
      version = await currentVersion();
    } catch (error) {
      // The database is out of reach: a published answer already kept is still true to its data version.
      if (hit === undefined) throw error;
      return new Response(hit.body, { status: hit.status, headers: [...hit.headers, ['x-cache', 'stale']] });
    }
    if (hit !== undefined && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit);
      return new Response(hit.body, { status: hit.status, headers: [...hit.headers, ['x-cache', 'hit']] });
    }
    await next();
    const response = c.res;
    if (response.status !== 200 || (response.headers.get('cache-control') ?? '').includes('no-store')) return;
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (length > maxBytes / 4 || response.body === null) return;
    const headers = KEPT_HEADERS.flatMap((name): [string, string][] => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    });
    const keep = (body: Uint8Array) => {
      forget(key);
      entries.set(key, { version, status: response.status, headers, body });
      bytes += body.byteLength;
      while (entries.size > maxEntries || bytes > maxBytes) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        forget(oldest);
      }
    };
    // A download reaches the client as it is written (CSV and JSON lines are streamed): a copy is kept on the way,
    // unless it grows past the limit, and stored once the client has read it all.
    if ((response.headers.get('content-disposition') ?? '').startsWith('attachment')) {
      c.res = new Response(response.body.pipeThrough(copyUpTo(maxBytes / 4, keep)), {
        status: response.status,
        headers: response.headers,
      });
      return;
    }
    const body = new Uint8Array(await response.clone().arrayBuffer());
    if (body.byteLength <= maxBytes / 4) keep(body);
  };
}

/** Passes chunks on unchanged and hands a copy of the whole to `done` at the end, unless it exceeds `limit` bytes. */
function copyUpTo(limit: number, done: (body: Uint8Array) => void): TransformStream<Uint8Array, Uint8Array> {
  let chunks: Uint8Array[] | null = [];
  let size = 0;
  return new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      if (chunks === null) return;
      size += chunk.byteLength;
      if (size > limit) chunks = null;
      else chunks.push(chunk);
    },
    flush() {
      if (chunks === null) return;
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      done(body);
    },
  });
}
