// SQL for employment: employed persons per branch group and year (the denominators of rates).
import type { Insertable } from 'kysely';
import { type Db, INSERT_CHUNK_ROWS, type Tx } from '../db/connect.js';
import type { EmploymentTable } from '../db/schema.js';

type Handle = Db | Tx;

export async function insertEmployment(db: Handle, rows: Insertable<EmploymentTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
    await db
      .insertInto('employment')
      .values(rows.slice(i, i + INSERT_CHUNK_ROWS))
      .execute();
  }
}

/** Total employed per year, all branch groups, all ages and both sexes. */
export async function employmentTotals(db: Handle) {
  return db
    .selectFrom('employment')
    .select(['year', (eb) => eb.fn.sum<number>('employed').as('employed')])
    .where('ageBand', '=', 'all')
    .where('sex', '=', 'all')
    .groupBy('year')
    .orderBy('year')
    .execute();
}
