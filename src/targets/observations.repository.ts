// SQL for observations: one indicator's value for one scope (national, branch group, sub-branch) and year.
import type { Insertable } from 'kysely';
import { type Db, INSERT_CHUNK_ROWS, type Tx } from '../db/connect.js';
import type { ObservationTable } from '../db/schema.js';

type Handle = Db | Tx;

export async function insertObservations(db: Handle, rows: Insertable<ObservationTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
    await db
      .insertInto('observation')
      .values(rows.slice(i, i + INSERT_CHUNK_ROWS))
      .execute();
  }
}

/** Every observation of the given indicator × scope pairs, oldest first. */
export async function observationsFor(db: Handle, pairs: { indicatorId: number; scopeKey: string }[]) {
  if (pairs.length === 0) return [];
  const wanted = new Set(pairs.map((pair) => `${pair.indicatorId}|${pair.scopeKey}`));
  const rows = await db
    .selectFrom('observation')
    .selectAll()
    .where('indicatorId', 'in', [...new Set(pairs.map((pair) => pair.indicatorId))])
    .where('scopeKey', 'in', [...new Set(pairs.map((pair) => pair.scopeKey))])
    .orderBy('indicatorId')
    .orderBy('scopeKey')
    .orderBy('year')
    .execute();
  // The two IN lists select a superset of the pairs; keep only the pairs asked for.
  return rows.filter((row) => wanted.has(`${row.indicatorId}|${row.scopeKey}`));
}
