// SQL for the industry codes of accident records that no branch group covers yet: listing them for stewards, and
// placing them in a branch group once a steward maps their code.
import type { Db, Tx } from '../db/connect.js';

type Handle = Db | Tx;

export interface UnmappedCodeRow {
  classification: string;
  /** The code as the files wrote it (47.11.10, 471110, F47.11 …); several spellings may share one code. */
  industryCode: string;
  /** The main group's code, null when the code's division does not tell it. */
  mainGroup: string | null;
  records: number;
  firstYear: number;
  lastYear: number;
  batchIds: string;
}

/** Accident records without a branch group, by code as written and main group. */
export async function readUnmappedCodes(db: Handle): Promise<UnmappedCodeRow[]> {
  const rows = await db
    .selectFrom('accident')
    .leftJoin('mainGroup', 'mainGroup.id', 'accident.mainGroupId')
    .select((eb) => [
      'accident.classification as classification',
      'accident.industryCode as industryCode',
      'mainGroup.code as mainGroup',
      eb.fn.countAll<number>().as('records'),
      eb.fn.min<number>('accident.registrationYear').as('firstYear'),
      eb.fn.max<number>('accident.registrationYear').as('lastYear'),
    ])
    .where('accident.branchGroupId', 'is', null)
    .groupBy(['accident.classification', 'accident.industryCode', 'mainGroup.code'])
    .orderBy('accident.industryCode')
    .execute();
  const batches = await db
    .selectFrom('accident')
    .select(['classification', 'industryCode', 'batchId'])
    .distinct()
    .where('branchGroupId', 'is', null)
    .orderBy('batchId')
    .execute();
  return rows.map((row) => ({
    classification: row.classification ?? 'DB07',
    industryCode: row.industryCode ?? '',
    mainGroup: row.mainGroup,
    records: Number(row.records),
    firstYear: Number(row.firstYear),
    lastYear: Number(row.lastYear),
    batchIds: batches
      .filter((b) => b.classification === row.classification && b.industryCode === row.industryCode)
      .map((b) => b.batchId)
      .join(','),
  }));
}

export interface NewIndustryCode {
  classification: string;
  /** Digits only (47, 4711, 471110). */
  code: string;
  branchGroupId: number;
  sourceUrl: string;
  caveat: string;
}

/** The mapping of exactly this code, if one is stored. */
export async function findIndustryCode(db: Handle, classification: string, code: string) {
  return db
    .selectFrom('industryCode')
    .innerJoin('branchGroup', 'branchGroup.id', 'industryCode.branchGroupId')
    .select(['industryCode.code', 'branchGroup.code as branchGroup', 'industryCode.caveat'])
    .where('industryCode.classification', '=', classification)
    .where('industryCode.code', '=', code)
    .executeTakeFirst();
}

export async function insertIndustryCode(tx: Tx, row: NewIndustryCode): Promise<void> {
  await tx
    .insertInto('industryCode')
    .values({ ...row, subBranchId: null })
    .execute();
}

/**
 * Places the records without a branch group whose code is written one of these ways in the branch group; returns the
 * batches they belong to (their aggregates must be refreshed) and how many records moved.
 */
export async function placeUnmappedRecords(
  tx: Tx,
  classification: string,
  writtenCodes: readonly string[],
  branchGroupId: number,
): Promise<{ batchIds: number[]; moved: number }> {
  if (writtenCodes.length === 0) return { batchIds: [], moved: 0 };
  const unmapped = tx
    .selectFrom('accident')
    .where('branchGroupId', 'is', null)
    .where('classification', '=', classification)
    .where('industryCode', 'in', [...writtenCodes]);
  const batches = await unmapped.select('batchId').distinct().execute();
  const result = await tx
    .updateTable('accident')
    .set({ branchGroupId, mainGroupId: null })
    .where('branchGroupId', 'is', null)
    .where('classification', '=', classification)
    .where('industryCode', 'in', [...writtenCodes])
    .executeTakeFirst();
  return { batchIds: batches.map((b) => Number(b.batchId)), moved: Number(result.numUpdatedRows) };
}

/** A branch group's id and main group by its code. */
export async function findBranchGroup(db: Handle, code: string) {
  return db
    .selectFrom('branchGroup')
    .innerJoin('mainGroup', 'mainGroup.id', 'branchGroup.mainGroupId')
    .select(['branchGroup.id as id', 'branchGroup.code as code', 'mainGroup.code as mainGroup'])
    .where('branchGroup.code', '=', code)
    .executeTakeFirst();
}
