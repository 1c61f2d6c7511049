// SQL for indicators: what a target measures, its unit, polarity and data source.
import type { Insertable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { IndicatorTable } from '../db/schema.js';

type Handle = Db | Tx;

export async function findIndicator(db: Handle, code: string) {
  return db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertIndicator(db: Handle, row: Insertable<IndicatorTable>): Promise<number> {
  const inserted = await db.insertInto('indicator').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function listIndicators(db: Handle) {
  return db.selectFrom('indicator').selectAll().orderBy('id').execute();
}
