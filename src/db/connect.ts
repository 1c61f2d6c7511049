// Opens Måltal's store on SQLite (embedded default) or PostgreSQL, behind one Kysely handle.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import SqliteDatabase from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseConfig } from '../config.js';
import { AppError } from '../errors.js';
import { copyStream, isCopyQuery } from './bulk-insert.js';
import type { Dialect } from './dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, safe to print (passwords redacted). */
  location: string;
  /** SQLite only: the driver's own handle, for bulk inserts with cached prepared statements. It shares Kysely's
   *  single connection, so statements run on it inside an open Kysely transaction belong to that transaction. */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/** count(*) and sums come back as int8/numeric; Måltal's numbers fit in a double. */
function pgTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === PG_INT8 || oid === PG_NUMERIC) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format);
}

export async function openStore(config: DatabaseConfig, field = 'DATABASE_URL'): Promise<Store> {
  if (config.dialect === 'sqlite') return openSqlite(config.file, field);
  return openPostgres(config.url, config.display, field);
}

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE): a transaction that reads and
 * then writes would otherwise fail at once with "database is locked" when another writer holds the lock, while
 * this way concurrent writers wait their turn (up to the busy timeout).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    // SQLite rolls a transaction back by itself on some errors (a full disk, for one); the rollback that follows
    // must not hide that error behind "cannot rollback - no transaction is active".
    driver.rollbackTransaction = async (connection) => {
      try {
        await connection.executeQuery(CompiledQuery.raw('rollback'));
      } catch (error) {
        if (!/no transaction is active/.test((error as Error).message)) throw error;
      }
    };
    return driver;
  }
}

function openSqlite(file: string, field: string): Store {
  let database: SqliteDatabase.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    database = new SqliteDatabase(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new AppError('invalid_config', 'Cannot open the SQLite database', [
      { field, message: `${file}: ${(error as Error).message}` },
    ]);
  }
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database }),
    plugins: [new CamelCasePlugin()],
  });
  // Kysely closes the driver's handle only if a query ran through it; a store used only for bulk inserts (or not at
  // all) would otherwise keep its file open.
  const close = async () => {
    await db.destroy();
    if (database.open) database.close();
  };
  return { db, dialect: 'sqlite', location: file, sqlite: database, close };
}

/**
 * Lets a query through Kysely stream rows with COPY FROM STDIN on the connection it runs on (inside a transaction,
 * the transaction's): `COPY … FROM STDIN` with a `CopyRows` as its one parameter goes to pg-copy-streams.
 */
function acceptCopyRows(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text !== 'string' || !isCopyQuery(text, values)) return query(...args);
    const copy = client.query(copyFrom(text));
    // The server refused the rows: rows still to come are not waited for (the source ends, the stream is torn down).
    copy.once('error', (error: Error) => values[0].abandon(error));
    return pipeline(copyStream(values[0]), copy).then(() => ({
      command: 'COPY',
      rowCount: copy.rowCount,
      rows: [],
    }));
  };
}

async function openPostgres(url: string, display: string, field: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: { getTypeParser: pgTypeParser } });
  // An idle connection the server closes (a restart, an administrator's kill) must not crash the process: the
  // pool drops it and the next query opens a new one.
  pool.on('error', () => {});
  // The same for a connection in use: its query fails (and is answered as "database unavailable"), the process
  // stays up, and the pool replaces the connection.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    acceptCopyRows(client);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    await ping(db);
  } catch (error) {
    await db.destroy();
    throw new AppError('invalid_config', 'Cannot connect to PostgreSQL', [
      { field, message: `${display}: ${(error as Error).message}` },
    ]);
  }
  return { db, dialect: 'postgres', location: display, close: () => db.destroy() };
}

/** False for an in-memory SQLite store, which lives in one connection: worker threads cannot open it. */
export function openableByOtherThreads(config: DatabaseConfig): boolean {
  return !(config.dialect === 'sqlite' && config.file === ':memory:');
}

/** One round trip to the database (`select 1`); rejects when it cannot be reached. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Run `work` in one transaction: all of it lands, or none of it. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

/** SQLite allows at most 32,766 bound parameters per statement, so large inserts go in chunks. */
export const INSERT_CHUNK_ROWS = 500;
