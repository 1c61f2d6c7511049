// Pilots (small trials with an intervention and a comparison group, measured before and after): the SQL.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { PilotTable } from '../db/schema.js';

type Handle = Db | Tx;

export type PilotRow = Selectable<PilotTable> & {
  bfaCode: string;
  bfaShort: string;
  bfaNameDa: string;
  bfaNameEn: string;
};

const pilotQuery = (db: Handle) =>
  db
    .selectFrom('pilot')
    .innerJoin('bfa', 'bfa.id', 'pilot.bfaId')
    .selectAll('pilot')
    .select([
      'bfa.code as bfaCode',
      'bfa.short as bfaShort',
      'bfa.nameDa as bfaNameDa',
      'bfa.nameEn as bfaNameEn',
    ]);

/** Every pilot (of one BFA, given its code), newest period first. */
export function pilotRows(db: Handle, bfaCode?: string): Promise<PilotRow[]> {
  let query = pilotQuery(db);
  if (bfaCode !== undefined) query = query.where('bfa.code', '=', bfaCode);
  return query.orderBy('pilot.periodStart', 'desc').orderBy('pilot.id', 'desc').execute();
}

export const pilotRow = (db: Handle, id: number): Promise<PilotRow | undefined> =>
  pilotQuery(db).where('pilot.id', '=', id).executeTakeFirst();

export async function insertPilot(db: Handle, row: Insertable<PilotTable>): Promise<number> {
  const inserted = await db.insertInto('pilot').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Saves over `version` and bumps it; 0 rows when someone saved another version meanwhile. */
export async function updatePilotRow(
  db: Handle,
  id: number,
  version: number,
  values: Updateable<PilotTable>,
): Promise<number> {
  const result = await db
    .updateTable('pilot')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
