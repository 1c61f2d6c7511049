// SQL for the demo seed: code tables read as id maps, accident records through the query builder, goal ids.
import type { Insertable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { AccidentTable } from '../db/schema.js';

type Handle = Db | Tx;

/** The code tables the demo data names its rows by. */
export type DemoCodeTable = 'goal' | 'subProblem' | 'bfa' | 'branchGroup' | 'subBranch' | 'indicator';

/** Every id and code of one code table. */
export async function readCodes(db: Handle, table: DemoCodeTable) {
  return db.selectFrom(table).select(['id', 'code']).execute();
}

/** Accident records through the query builder, one statement for the rows given. */
export async function insertAccidents(db: Handle, rows: Insertable<AccidentTable>[]): Promise<void> {
  await db.insertInto('accident').values(rows).execute();
}

/** The id of the goal with this code; throws when there is none. */
export async function goalIdByCode(db: Handle, code: string): Promise<number> {
  const goal = await db.selectFrom('goal').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return goal.id;
}

/** True when the demo users were made already (on an earlier seed run). */
export async function demoUsersExist(db: Handle): Promise<boolean> {
  const row = await db.selectFrom('appUser').select('id').where('isDemo', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}
