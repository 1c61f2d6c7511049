// SQL for the `activities` import: an activity with its branch groups and targets, and what a rollback checks and
// removes besides the batch's rows (their saved versions; the links go with the rows).
import type { Insertable } from 'kysely';
import type { Tx } from '../../db/connect.js';
import type { WorkActivityBranchTable, WorkActivityTable, WorkActivityTargetTable } from '../../db/schema.js';

export async function insertActivity(tx: Tx, row: Insertable<WorkActivityTable>): Promise<number> {
  const inserted = await tx.insertInto('workActivity').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertActivityLinks(
  tx: Tx,
  branches: Insertable<WorkActivityBranchTable>[],
  targets: Insertable<WorkActivityTargetTable>[],
): Promise<void> {
  if (branches.length > 0) await tx.insertInto('workActivityBranch').values(branches).execute();
  if (targets.length > 0) await tx.insertInto('workActivityTarget').values(targets).execute();
}

/** The batch's activities someone changed, published or added evidence to since the import (by id). */
export async function batchActivitiesTouched(tx: Tx, batchId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('workActivity as a')
    .select('a.id')
    .where('a.batchId', '=', batchId)
    .where(({ eb, or, exists, selectFrom }) =>
      or([
        eb('a.version', '>', 1),
        eb('a.published', '=', 1),
        exists(selectFrom('workEvidence as e').select('e.id').whereRef('e.activityId', '=', 'a.id')),
      ]),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((row) => row.id);
}

/** The saved versions of the batch's activities (call before the activities themselves are removed). */
export async function deleteBatchActivityVersions(tx: Tx, batchId: number): Promise<void> {
  await tx
    .deleteFrom('recordVersion')
    .where('entity', '=', 'work_activity')
    .where('entityId', 'in', tx.selectFrom('workActivity').select('id').where('batchId', '=', batchId))
    .execute();
}
