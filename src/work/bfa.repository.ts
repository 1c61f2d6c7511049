// The page per BFA: the SQL it needs beyond the features' own services.
import type { Db, Tx } from '../db/connect.js';

type Handle = Db | Tx;

/** Published activities per BFA id. */
export async function publishedActivityCountsByBfa(db: Handle): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('workActivity')
    .select(['bfaId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('published', '=', 1)
    .groupBy('bfaId')
    .execute();
  return new Map(rows.map((row) => [row.bfaId, Number(row.count)]));
}

/** The branch groups a BFA covers, in the reference order. */
export const branchGroupsOfBfa = (db: Handle, bfaId: number) =>
  db
    .selectFrom('branchGroupOwner')
    .innerJoin('branchGroup', 'branchGroup.id', 'branchGroupOwner.branchGroupId')
    .innerJoin('mainGroup', 'mainGroup.id', 'branchGroup.mainGroupId')
    .select(['branchGroup.id', 'branchGroup.code', 'branchGroup.nameDa', 'branchGroup.nameEn'])
    .where('branchGroupOwner.bfaId', '=', bfaId)
    .orderBy('mainGroup.sortOrder')
    .orderBy('branchGroup.sortOrder')
    .execute();
