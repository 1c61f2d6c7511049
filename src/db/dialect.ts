// The dialect seam: every SQLite/PostgreSQL difference Måltal depends on lives here.
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** An auto-numbered integer primary key. */
export function autoId(dialect: Dialect) {
  return (column: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'postgres'
      ? column.generatedByDefaultAsIdentity().primaryKey()
      : column.primaryKey().autoIncrement();
}

/** The driver's way of saying a UNIQUE or PRIMARY KEY constraint was violated. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Rows inserted earlier in the same transaction have no planner statistics yet, so PostgreSQL guesses that a
 * key lookup matches half the table and scans it. Inside a long import that turns each lookup into a full scan;
 * this makes the rest of the transaction use the indexes. SQLite's planner needs no such hint.
 */
export async function preferIndexScans(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`set local enable_seqscan = off`.execute(db);
}
