// Saved versions of the BFAs' work records (record_version): the SQL.
import type { Selectable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { RecordVersionTable } from '../db/schema.js';

type Handle = Db | Tx;

export type VersionRow = Selectable<RecordVersionTable>;

export async function insertVersion(db: Handle, row: VersionRow): Promise<void> {
  await db.insertInto('recordVersion').values(row).execute();
}

export const versionOf = (
  db: Handle,
  entity: string,
  entityId: number,
  version: number,
): Promise<VersionRow | undefined> =>
  db
    .selectFrom('recordVersion')
    .selectAll()
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .where('version', '=', version)
    .executeTakeFirst();

export const versionsOf = (db: Handle, entity: string, entityId: number): Promise<VersionRow[]> =>
  db
    .selectFrom('recordVersion')
    .selectAll()
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .orderBy('version')
    .execute();
