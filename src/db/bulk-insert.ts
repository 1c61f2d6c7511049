// Bulk inserts for imports and the demo seed, bypassing the query builder on purpose (a query object per row would
// dominate a million-row import): SQLite runs cached prepared statements of many rows each, in process; PostgreSQL
// streams the rows with COPY FROM STDIN (pg-copy-streams) on the transaction's own connection.
import { Readable } from 'node:stream';
import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from './dialect.js';

/** Where bulk inserts go: the dialect, and on SQLite the driver's handle (see `Store.sqlite`). */
export interface BulkTarget {
  dialect: Dialect;
  sqlite?: SqliteDatabase.Database;
}

/** True when `bulkInsert` can write to this target (on SQLite it needs the driver's handle). */
export function canBulkInsert(target: BulkTarget | undefined): target is BulkTarget {
  return target !== undefined && (target.dialect === 'postgres' || target.sqlite !== undefined);
}

const sqliteStatements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/** Rows read cell by cell (a packed chunk of an import): `cell(row, column)` for row < length. */
export interface RowTable {
  readonly length: number;
  cell(row: number, column: number): unknown;
}

/** Rows as arrays of values, or a table read cell by cell. */
export type BulkRows = readonly (readonly unknown[])[] | RowTable;

function asTable(rows: BulkRows): RowTable {
  if (!Array.isArray(rows)) return rows as RowTable;
  const arrays = rows as readonly (readonly unknown[])[];
  return { length: arrays.length, cell: (row, column) => (arrays[row] as readonly unknown[])[column] };
}

/** Rows per SQLite INSERT statement: bench/sqlite-insert.bench.ts measures 1 to 400. */
export const SQLITE_ROWS_PER_STATEMENT = 100;

/** A cached prepared statement inserting `count` rows of these columns. */
function sqliteInsert(
  database: SqliteDatabase.Database,
  table: string,
  columns: readonly string[],
  count: number,
): SqliteDatabase.Statement {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const text = `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: count }, () => row).join(', ')}`;
  let cache = sqliteStatements.get(database);
  if (cache === undefined) {
    cache = new Map();
    sqliteStatements.set(database, cache);
  }
  let statement = cache.get(text);
  if (statement === undefined) {
    statement = database.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

/** The parameters of rows `start` to `end`: each row's `width` values, then the trailing ones. */
function flatParameters(
  rows: RowTable,
  width: number,
  start: number,
  end: number,
  trailing: readonly unknown[],
) {
  const parameters: unknown[] = [];
  for (let index = start; index < end; index++) {
    for (let column = 0; column < width; column++) parameters.push(rows.cell(index, column));
    for (const value of trailing) parameters.push(value);
  }
  return parameters;
}

function sqliteBulkInsert(
  database: SqliteDatabase.Database,
  table: string,
  columns: readonly string[],
  rows: RowTable,
  options: Required<BulkOptions>,
): void {
  const { rowsPerStatement, trailing } = options;
  const width = columns.length - trailing.length;
  const full = rows.length - (rows.length % rowsPerStatement);
  if (full > 0) {
    const statement = sqliteInsert(database, table, columns, rowsPerStatement);
    for (let start = 0; start < full; start += rowsPerStatement)
      statement.run(flatParameters(rows, width, start, start + rowsPerStatement, trailing));
  }
  if (full < rows.length)
    sqliteInsert(database, table, columns, rows.length - full).run(
      flatParameters(rows, width, full, rows.length, trailing),
    );
}

/**
 * Tables of rows handed from a writer to one long COPY as they come: at most `capacity` wait, so the writer waits
 * for the database (back-pressure). A failed COPY makes the next hand-over throw its error.
 */
class RowChannel implements AsyncIterable<RowTable> {
  private readonly queue: RowTable[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  private wakeReader: (() => void) | undefined;
  private wakeWriter: (() => void) | undefined;

  constructor(private readonly capacity: number) {}

  async push(rows: RowTable): Promise<void> {
    while (this.queue.length >= this.capacity && this.failure === undefined)
      await new Promise<void>((resolve) => (this.wakeWriter = resolve));
    if (this.failure !== undefined) throw this.failure.error;
    this.queue.push(rows);
    this.wake('reader');
  }

  close(): void {
    this.closed = true;
    this.wake('reader');
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.wake('writer');
    this.wake('reader');
  }

  private wake(side: 'reader' | 'writer'): void {
    const wake = side === 'reader' ? this.wakeReader : this.wakeWriter;
    if (side === 'reader') this.wakeReader = undefined;
    else this.wakeWriter = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RowTable> {
    for (;;) {
      const next = this.queue.shift();
      if (this.failure !== undefined) return;
      if (next !== undefined) {
        this.wake('writer');
        yield next;
      } else if (this.closed) return;
      else await new Promise<void>((resolve) => (this.wakeReader = resolve));
    }
  }
}

/** Rows for a PostgreSQL COPY: the connection (see connect.ts) streams them in COPY's text format. The rows are one
 *  table, or tables arriving one after another (`RowChannel`) for one long COPY. */
export class CopyRows {
  constructor(
    readonly rows: RowTable | AsyncIterable<RowTable>,
    readonly width: number,
    readonly trailing: readonly unknown[] = [],
  ) {}

  /** The COPY failed: a channel stops waiting for more rows (its reader ends, so the stream can be torn down). */
  abandon(error: unknown): void {
    if (this.rows instanceof RowChannel) this.rows.fail(error);
  }

  async *lines(): AsyncGenerator<string> {
    const end = this.trailing.length === 0 ? '\n' : `\t${this.trailing.map(copyValue).join('\t')}\n`;
    const tables = Symbol.asyncIterator in this.rows ? this.rows : [this.rows];
    for await (const rows of tables) yield* this.text(rows, end);
  }

  /** COPY text: tab-separated, `\N` for null, backslash, tab, newline and carriage return escaped. */
  private *text(rows: RowTable, end: string): Generator<string> {
    const BATCH = 1000;
    const { width } = this;
    for (let start = 0; start < rows.length; start += BATCH) {
      let text = '';
      for (let row = start; row < Math.min(rows.length, start + BATCH); row++) {
        for (let column = 0; column < width; column++)
          text += column === 0 ? copyValue(rows.cell(row, column)) : `\t${copyValue(rows.cell(row, column))}`;
        text += end;
      }
      yield text;
    }
  }
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return String(value).replace(
    /[\\\t\n\r]/g,
    (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char] as string,
  );
}

/** The marker the PostgreSQL connection recognises: `COPY … FROM STDIN` with a `CopyRows` as its one parameter. */
export function isCopyQuery(text: string, values: unknown): values is [CopyRows] {
  return Array.isArray(values) && values[0] instanceof CopyRows && /^copy .* from stdin$/i.test(text);
}

/** A readable stream of the rows' COPY text (for pg-copy-streams, with back-pressure). */
export function copyStream(rows: CopyRows): Readable {
  return Readable.from(rows.lines());
}

/** Rows written table by table into one insert that ends with `end()`; nothing else may use the handle between. */
export interface BulkStream {
  write(rows: RowTable): Promise<void>;
  /** Ends the insert; rejects with its error if it failed. */
  end(): Promise<void>;
}

/** Tables handed to a PostgreSQL COPY ahead of the database. */
const COPY_TABLES_AHEAD = 2;

/**
 * One insert fed table by table. PostgreSQL: a single COPY FROM STDIN for all of them (no statement and round trip
 * per table; the text of the next is built while the server stores the last). SQLite: each table at once, as
 * `bulkInsert` does.
 */
export function openBulkStream<DB>(
  db: Kysely<DB>,
  target: BulkTarget,
  table: string,
  columns: readonly string[],
  options: BulkOptions = {},
): BulkStream {
  if (target.dialect !== 'postgres')
    return { write: (rows) => bulkInsert(db, target, table, columns, rows, options), end: async () => {} };
  const trailing = options.trailing ?? [];
  const channel = new RowChannel(COPY_TABLES_AHEAD);
  const copy = db.executeQuery(
    CompiledQuery.raw(`copy ${table} (${columns.join(', ')}) from stdin`, [
      new CopyRows(channel, columns.length - trailing.length, trailing),
    ]),
  );
  copy.catch((error: unknown) => channel.fail(error));
  return {
    write: (rows) => channel.push(rows),
    end: async () => {
      channel.close();
      await copy;
    },
  };
}

export interface BulkOptions {
  /** Values appended to every row (for columns that are the same for all, such as the batch id). */
  trailing?: readonly unknown[];
  /** SQLite: rows per INSERT statement. */
  rowsPerStatement?: number;
}

/**
 * Insert many rows in the handle's transaction. SQLite: multi-row prepared statements on the driver's handle (the
 * same connection Kysely's transaction uses). PostgreSQL: COPY FROM STDIN on the transaction's connection.
 */
export async function bulkInsert<DB>(
  db: Kysely<DB>,
  target: BulkTarget,
  table: string,
  columns: readonly string[],
  bulkRows: BulkRows,
  options: BulkOptions = {},
): Promise<void> {
  const rows = asTable(bulkRows);
  if (rows.length === 0) return;
  const trailing = options.trailing ?? [];
  if (target.dialect === 'postgres') {
    await db.executeQuery(
      CompiledQuery.raw(`copy ${table} (${columns.join(', ')}) from stdin`, [
        new CopyRows(rows, columns.length - trailing.length, trailing),
      ]),
    );
    return;
  }
  if (target.sqlite === undefined)
    throw new Error('bulkInsert on SQLite needs the driver handle (Store.sqlite)');
  const rowsPerStatement = options.rowsPerStatement ?? SQLITE_ROWS_PER_STATEMENT;
  sqliteBulkInsert(target.sqlite, table, columns, rows, { rowsPerStatement, trailing });
}
