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

/** The driver's way of saying another writer held the database too long (SQLite's busy timeout ran out) or a
 *  PostgreSQL transaction lost a lock or serialisation race: the change may simply be tried again. */
export function isWriteContention(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === 'SQLITE_BUSY' || code === '55P03' || code === '40001' || code === '40P01';
}

const UNAVAILABLE_CODES = new Set([
  // PostgreSQL: administrator shutdown, crash shutdown, cannot connect now, connection exceptions.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  // Too many connections.
  '53300',
  // Network.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** The driver's way of saying the database cannot be reached just now (restarting, down, connection lost). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|not currently accepting connections/i.test(
      message,
    )
  );
}

/** The driver's way of saying a text value holds a character the database cannot store (PostgreSQL refuses NUL,
 *  U+0000, in text): the input is at fault, not the server. */
export function isUnstorableText(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}

/** A storage fault the driver reports: 'full' (no space left) or 'read_only'; null for anything else. */
export function storageFault(error: unknown): 'full' | 'read_only' | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return 'full';
  if (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === '25006')
  )
    return 'read_only';
  return null;
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

/** The advisory-lock key that lets one import run at a time on PostgreSQL ("måltal" in ASCII digits). */
const IMPORT_LOCK_KEY = 109_097_108;
/** How long a writer waits for another one's turn, as SQLite's busy timeout (db/connect.ts). */
const WAIT_FOR_TURN = '5s';

/**
 * One import at a time. SQLite already holds the database's write lock for the whole transaction (BEGIN
 * IMMEDIATE); PostgreSQL takes a transaction-scoped advisory lock, waiting as long as SQLite would, so that on both
 * a second import waits its turn and past the wait fails as write contention (a conflict: HTTP 409, exit 75).
 */
export async function takeImportTurn<DB>(db: Kysely<DB>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw(`set local lock_timeout = '${WAIT_FOR_TURN}'`).execute(db);
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(db);
  await sql.raw('set local lock_timeout = 0').execute(db);
}

/** The advisory-lock key of the audit trail's hash chain ("audit" in ASCII digits, truncated to fit an int4). */
const AUDIT_CHAIN_LOCK_KEY = 97_117_100;

/**
 * One audit append at a time, so two transactions never chain to the same previous row. SQLite already holds the
 * write lock for the whole transaction (BEGIN IMMEDIATE); PostgreSQL takes a transaction-scoped advisory lock,
 * held until commit or rollback, waiting as long as SQLite would (past that: write contention, a conflict).
 */
export async function lockAuditChain<DB>(db: Kysely<DB>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const setting = sql<{ timeout: string }>`select current_setting('lock_timeout') as timeout`;
  const { rows } = await setting.execute(db);
  await sql`select set_config('lock_timeout', ${WAIT_FOR_TURN}, true)`.execute(db);
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(db);
  await sql`select set_config('lock_timeout', ${rows[0]?.timeout ?? '0'}, true)`.execute(db);
}
