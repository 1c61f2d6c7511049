// SQL for imports: batches with provenance, fast chunked inserts, duplicate look-ups, replaced rows and rollback.
import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, type Insertable, type Kysely, sql } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import { type Dialect, preferIndexScans } from '../db/dialect.js';
import type { ImportBatchTable } from '../db/schema.js';

type Handle = Db | Tx;

/** Tables an import writes to, by their SQL name. */
export type ImportTable = 'observation' | 'employment' | 'accident' | 'disease_case' | 'target_revision';

export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export async function insertBatch(db: Handle, row: Insertable<ImportBatchTable>): Promise<number> {
  const inserted = await db.insertInto('importBatch').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function finishBatch(
  db: Handle,
  id: number,
  values: { rowCount: number; replacedCount: number; settings: string },
): Promise<void> {
  await db.updateTable('importBatch').set(values).where('id', '=', id).execute();
}

export async function findCommittedBatch(db: Handle, sha256: string, kind: string) {
  return db
    .selectFrom('importBatch')
    .selectAll()
    .where('sha256', '=', sha256)
    .where('kind', '=', kind)
    .where('status', '=', 'committed')
    .executeTakeFirst();
}

export async function listBatches(db: Handle) {
  return db.selectFrom('importBatch').selectAll().orderBy('id', 'desc').execute();
}

export async function getBatch(db: Handle, id: number) {
  return db.selectFrom('importBatch').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markRolledBack(
  db: Handle,
  id: number,
  by: string,
  at: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('importBatch')
    .set({ status: 'rolled_back', rolledBackBy: by, rolledBackAt: at, rollbackReason: reason })
    .where('id', '=', id)
    .execute();
}

/** Where bulk inserts go: the dialect, and on SQLite the driver's handle (see `Store.sqlite`). */
export interface BulkTarget {
  dialect: Dialect;
  sqlite?: SqliteDatabase.Database;
}

const sqliteStatements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/** Rows per SQLite INSERT statement: bench/sqlite-insert.bench.ts measured 1, 25, 50, 100, 200 and 400. */
export const SQLITE_ROWS_PER_STATEMENT = 100;

/** A cached prepared statement inserting `count` rows of these columns. */
function sqliteInsert(
  database: SqliteDatabase.Database,
  table: ImportTable,
  columns: string[],
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

/**
 * Insert many rows, bypassing the query builder on purpose: building a query object per row would dominate
 * the time of a million-row import. SQLite runs cached prepared statements of many rows each (cheap in-process);
 * PostgreSQL gets one statement per chunk with an array per column (one round trip each).
 */
export async function bulkInsert(
  db: Handle,
  target: BulkTarget,
  table: ImportTable,
  columns: string[],
  rows: unknown[][],
  rowsPerStatement = SQLITE_ROWS_PER_STATEMENT,
): Promise<void> {
  if (rows.length === 0) return;
  if (target.dialect === 'postgres') {
    await postgresUnnestInsert(db, table, columns, rows);
    return;
  }
  if (target.sqlite === undefined)
    throw new Error('bulkInsert on SQLite needs the driver handle (Store.sqlite)');
  const full = rows.length - (rows.length % rowsPerStatement);
  if (full > 0) {
    const statement = sqliteInsert(target.sqlite, table, columns, rowsPerStatement);
    for (let start = 0; start < full; start += rowsPerStatement)
      statement.run(rows.slice(start, start + rowsPerStatement).flat());
  }
  if (full < rows.length)
    sqliteInsert(target.sqlite, table, columns, rows.length - full).run(rows.slice(full).flat());
}

const postgresColumnTypes = new Map<string, Map<string, string>>();

/** The SQL types of a PostgreSQL table's columns, read once per process. */
async function columnTypes(db: Handle, table: ImportTable): Promise<Map<string, string>> {
  let types = postgresColumnTypes.get(table);
  if (types === undefined) {
    const result = await sql<{ columnName: string; dataType: string }>`
      select column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(db);
    types = new Map(result.rows.map((row) => [row.columnName, row.dataType]));
    postgresColumnTypes.set(table, types);
  }
  return types;
}

/**
 * PostgreSQL: one statement per chunk with one array parameter per column, unnested into rows. Binding a few
 * arrays is far cheaper for the server and the driver than tens of thousands of scalar parameters.
 */
async function postgresUnnestInsert(db: Handle, table: ImportTable, columns: string[], rows: unknown[][]) {
  const types = await columnTypes(db, table);
  const casts = columns.map((column, index) => {
    const type = types.get(column);
    if (type === undefined) throw new Error(`${table} has no column ${column}`);
    return `$${index + 1}::${type}[]`;
  });
  const text = `insert into ${table} (${columns.join(', ')}) select * from unnest(${casts.join(', ')})`;
  const arrays = columns.map((_, index) => rows.map((row) => row[index] ?? null));
  await db.executeQuery(CompiledQuery.raw(text, arrays));
}

/** Stored rows whose key columns equal one of `keys` (each key: values in `keyColumns` order). */
export async function rowsWithKeys(
  db: Handle,
  table: ImportTable,
  keyColumns: string[],
  keys: unknown[][],
): Promise<Record<string, unknown>[]> {
  if (keys.length === 0) return [];
  await preferIndexScans(db as unknown as Kysely<unknown>);
  // One IN list per column selects a superset of the keys; the exact pairs are kept below.
  const conditions = keyColumns.map(
    (column, index) => sql`${sql.ref(column)} in (${sql.join([...new Set(keys.map((key) => key[index]))])})`,
  );
  const result = await sql<
    Record<string, unknown>
  >`select * from ${sql.table(table)} where ${sql.join(conditions, sql` and `)}`.execute(db);
  const wanted = new Set(keys.map((key) => JSON.stringify(key)));
  const rows = result.rows;
  const camel = keyColumns.map((column) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
  return rows.filter((row) => wanted.has(JSON.stringify(camel.map((column) => row[column]))));
}

export async function saveReplacedRows(
  db: Handle,
  batchId: number,
  table: ImportTable,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('importReplacedRow')
    .values(rows.map((row) => ({ batchId, tableName: table, rowData: JSON.stringify(row) })))
    .execute();
  await sql`delete from ${sql.table(table)} where id in (${sql.join(rows.map((row) => row.id))})`.execute(db);
}

export async function deleteBatchRows(db: Handle, table: ImportTable, batchId: number): Promise<number> {
  const result = await sql`delete from ${sql.table(table)} where batch_id = ${batchId}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The batches whose rows this batch replaced (their rows come back when it is rolled back). */
export async function replacedRowBatches(db: Handle, batchId: number): Promise<number[]> {
  const saved = await db
    .selectFrom('importReplacedRow')
    .select('rowData')
    .where('batchId', '=', batchId)
    .execute();
  const ids = saved.map((entry) => (JSON.parse(entry.rowData) as { batchId?: unknown }).batchId);
  return [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
}

/** Put back the rows an import replaced, with their original ids. */
export async function restoreReplacedRows(db: Handle, target: BulkTarget, batchId: number): Promise<number> {
  const saved = await db.selectFrom('importReplacedRow').selectAll().where('batchId', '=', batchId).execute();
  const rolledBack = new Set(
    (await db.selectFrom('importBatch').select('id').where('status', '=', 'rolled_back').execute()).map(
      (b) => b.id,
    ),
  );
  let restored = 0;
  for (const entry of saved) {
    const row = JSON.parse(entry.rowData) as Record<string, unknown>;
    // A replaced row whose own batch has since been rolled back stays out, as that rollback meant.
    if (typeof row.batchId === 'number' && rolledBack.has(row.batchId)) continue;
    restored++;
    const columns = Object.keys(row);
    await bulkInsert(db, target, entry.tableName as ImportTable, columns.map(snakeCase), [
      columns.map((column) => row[column]),
    ]);
  }
  await db.deleteFrom('importReplacedRow').where('batchId', '=', batchId).execute();
  return restored;
}

/** Rows per table that belong to a batch. */
export async function countBatchRows(db: Handle, table: ImportTable, batchId: number): Promise<number> {
  const result = await sql<{
    n: number;
  }>`select count(*) as n from ${sql.table(table)} where batch_id = ${batchId}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** When the newest committed batch (of any kind) was imported; undefined before the first import. */
export async function latestImportDate(db: Handle): Promise<string | undefined> {
  const newest = await db
    .selectFrom('importBatch')
    .select('importedAt')
    .where('status', '=', 'committed')
    .orderBy('importedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return newest?.importedAt;
}
