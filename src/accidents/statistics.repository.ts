// SQL for the accident statistics' inputs besides the aggregates: branch structure, employment, source batches.
import type { Db } from '../db/connect.js';

/** Branch groups with their main group's code, in display order. */
export async function readBranches(db: Db) {
  return db
    .selectFrom('branchGroup')
    .innerJoin('mainGroup', 'mainGroup.id', 'branchGroup.mainGroupId')
    .select([
      'branchGroup.id as id',
      'branchGroup.code as code',
      'branchGroup.nameDa as nameDa',
      'branchGroup.nameEn as nameEn',
      'mainGroup.code as mainGroup',
    ])
    .orderBy('branchGroup.sortOrder')
    .execute();
}

/** Main groups in display order. */
export async function readMainGroups(db: Db) {
  return db.selectFrom('mainGroup').select(['code', 'nameDa', 'nameEn']).orderBy('sortOrder').execute();
}

/** Every stored employment row (year × branch group × age band × sex). */
export async function readEmploymentRows(db: Db) {
  return db
    .selectFrom('employment')
    .select(['year', 'branchGroupId', 'ageBand', 'sex', 'employed'])
    .execute();
}

/** The committed accident import batches, oldest first: the sources every answer names. */
export async function readSourceBatches(db: Db) {
  return db
    .selectFrom('importBatch')
    .select(['id', 'fileName', 'sourceLabel', 'importedAt', 'rowCount'])
    .where('kind', '=', 'accidents')
    .where('status', '=', 'committed')
    .orderBy('id')
    .execute();
}
