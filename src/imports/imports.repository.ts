// SQL for imports: batches with provenance, duplicate look-ups, replaced rows and rollback.
import { type Insertable, type Kysely, sql } from 'kysely';
import { type BulkTarget, bulkInsert } from '../db/bulk-insert.js';
import type { Db, Tx } from '../db/connect.js';
import { preferIndexScans } from '../db/dialect.js';
import type { ImportBatchTable } from '../db/schema.js';

type Handle = Db | Tx;

/** Tables an import writes to, by their SQL name. */
export type ImportTable =
  | 'observation'
  | 'employment'
  | 'accident'
  | 'disease_case'
  | 'target_revision'
  | 'work_activity'
  | 'workplace_count';

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
