// SQL for the audit trail: the chain's last link, appending one row, and reading rows in pages (never all at once).
import type { Insertable, Selectable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { AuditEventTable } from '../db/schema.js';

type Handle = Db | Tx;

export type AuditEventRow = Selectable<AuditEventTable>;

/** What the rows are narrowed to; `atFrom` inclusive, `atBefore` exclusive (ISO-8601 text compares in order). */
export interface AuditQuery {
  actorLabel?: string | undefined;
  entity?: string | undefined;
  action?: string | undefined;
  atFrom?: string | undefined;
  atBefore?: string | undefined;
}

/** The newest row's id and hash, or undefined for an empty trail. */
export async function lastAuditLink(db: Handle): Promise<{ id: number; hash: string } | undefined> {
  return db.selectFrom('auditEvent').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertAuditEvent(db: Handle, row: Insertable<AuditEventTable>): Promise<void> {
  await db.insertInto('auditEvent').values(row).execute();
}

/** Up to `size` rows with ids above `afterId`, oldest first. */
export async function auditEventsAfter(db: Handle, afterId: number, size: number): Promise<AuditEventRow[]> {
  return db
    .selectFrom('auditEvent')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(size)
    .execute();
}

/** Up to `size` rows matching `query` with ids below `beforeId` (all when null), newest first. */
export async function auditEventsBefore(
  db: Handle,
  query: AuditQuery,
  beforeId: number | null,
  size: number,
): Promise<AuditEventRow[]> {
  let select = db.selectFrom('auditEvent').selectAll();
  if (beforeId !== null) select = select.where('id', '<', beforeId);
  if (query.actorLabel !== undefined) select = select.where('actorLabel', '=', query.actorLabel);
  if (query.entity !== undefined) select = select.where('entity', '=', query.entity);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  if (query.atFrom !== undefined) select = select.where('at', '>=', query.atFrom);
  if (query.atBefore !== undefined) select = select.where('at', '<', query.atBefore);
  return select.orderBy('id', 'desc').limit(size).execute();
}
