// The case list of fatal accidents, for data stewards (never public): one line per record, by accident year.
import type { Db } from '../db/connect.js';
import type { AccidentFilters } from './query.js';

export interface FatalCase {
  id: number;
  caseId: string | null;
  accidentDate: string | null;
  registrationDate: string;
  /** Null when the record's industry code has no branch group yet. */
  branch: string | null;
  /** Null when neither a branch group nor the code's division tells it. */
  mainGroup: string | null;
  age: number | null;
  sex: string;
  injuryType: string | null;
  contactMode: string | null;
  materialAgent: string | null;
  deviation: string | null;
  batchId: number;
}

/** Fatal accidents by accident year (registration year when the accident date is missing). */
export async function fatalCases(db: Db, filters: AccidentFilters): Promise<FatalCase[]> {
  let query = db
    .selectFrom('accident')
    .leftJoin('branchGroup', 'branchGroup.id', 'accident.branchGroupId')
    .leftJoin('mainGroup', (join) =>
      join.on((eb) =>
        eb('mainGroup.id', '=', eb.fn.coalesce('branchGroup.mainGroupId', 'accident.mainGroupId')),
      ),
    )
    .select([
      'accident.id as id',
      'accident.caseId as caseId',
      'accident.accidentDate as accidentDate',
      'accident.registrationDate as registrationDate',
      'branchGroup.code as branch',
      'mainGroup.code as mainGroup',
      'accident.age as age',
      'accident.sex as sex',
      'accident.injuryType as injuryType',
      'accident.contactMode as contactMode',
      'accident.materialAgent as materialAgent',
      'accident.deviation as deviation',
      'accident.batchId as batchId',
    ])
    .where('accident.fatal', '=', 1);
  const { from, to } = filters;
  if (from !== null)
    query = query.where((eb) =>
      eb(eb.fn.coalesce('accident.accidentYear', 'accident.registrationYear'), '>=', from),
    );
  if (to !== null)
    query = query.where((eb) =>
      eb(eb.fn.coalesce('accident.accidentYear', 'accident.registrationYear'), '<=', to),
    );
  if (filters.branch.length > 0) query = query.where('branchGroup.code', 'in', filters.branch);
  if (filters.mainGroup !== null) query = query.where('mainGroup.code', '=', filters.mainGroup);
  if (filters.sex !== null) query = query.where('accident.sex', '=', filters.sex);
  if (filters.ageBand !== null) query = query.where('accident.ageBand', '=', filters.ageBand);
  const rows = await query.orderBy('accident.accidentDate').orderBy('accident.id').execute();
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    batchId: Number(row.batchId),
    age: row.age === null ? null : Number(row.age),
  }));
}
