// SQL for targets and their revisions: a revision is only ever added, never overwritten.

import { type Insertable, sql } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import { bumpDataVersion } from '../db/meta.js';
import type { TargetRevisionTable, TargetTable } from '../db/schema.js';

type Handle = Db | Tx;

export async function insertTarget(db: Handle, row: Insertable<TargetTable>): Promise<number> {
  const inserted = await db.insertInto('target').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Every new revision changes what the pages show, so it also bumps the data version. */
export async function insertRevision(db: Handle, row: Insertable<TargetRevisionTable>): Promise<void> {
  await db.insertInto('targetRevision').values(row).execute();
  await bumpDataVersion(db);
}

export async function findTargetByKey(db: Handle, scopeKey: string) {
  return db
    .selectFrom('target')
    .select(['id', 'scopeKey'])
    .where('scopeKey', '=', scopeKey)
    .executeTakeFirst();
}

/** Targets with every revision's fields resolved to codes and names; `current` limits to the newest. */
function targetRows(db: Handle) {
  return db
    .selectFrom('target')
    .innerJoin('targetRevision as rev', 'rev.targetId', 'target.id')
    .innerJoin('goal', 'goal.id', 'target.goalId')
    .leftJoin('subProblem', 'subProblem.id', 'target.subProblemId')
    .leftJoin('branchGroup', 'branchGroup.id', 'target.branchGroupId')
    .leftJoin('mainGroup', 'mainGroup.id', 'branchGroup.mainGroupId')
    .leftJoin('subBranch', 'subBranch.id', 'target.subBranchId')
    .innerJoin('indicator', 'indicator.id', 'rev.indicatorId')
    .leftJoin('bfa', 'bfa.id', 'rev.ownerBfaId')
    .select([
      'target.id',
      'target.scopeKey',
      'target.createdAt',
      'target.createdBy',
      'target.isDemo as targetIsDemo',
      'goal.id as goalNo',
      'goal.code as goalCode',
      'goal.areaDa as goalNameDa',
      'goal.areaEn as goalNameEn',
      'subProblem.code as subProblemCode',
      'subProblem.nameDa as subProblemNameDa',
      'subProblem.nameEn as subProblemNameEn',
      'branchGroup.code as branchGroupCode',
      'branchGroup.nameDa as branchGroupNameDa',
      'branchGroup.nameEn as branchGroupNameEn',
      'mainGroup.code as mainGroupCode',
      'mainGroup.nameDa as mainGroupNameDa',
      'mainGroup.nameEn as mainGroupNameEn',
      'subBranch.code as subBranchCode',
      'subBranch.nameDa as subBranchNameDa',
      'subBranch.nameEn as subBranchNameEn',
      'indicator.id as indicatorId',
      'indicator.code as indicatorCode',
      'indicator.nameDa as indicatorNameDa',
      'indicator.nameEn as indicatorNameEn',
      'indicator.unit as indicatorUnit',
      'indicator.polarity as indicatorPolarity',
      'indicator.dataSource as indicatorDataSource',
      'indicator.methodBreakNotesDa as indicatorBreakNotesDa',
      'indicator.methodBreakNotesEn as indicatorBreakNotesEn',
      'bfa.code as ownerCode',
      'bfa.short as ownerShort',
      'bfa.nameDa as ownerNameDa',
      'bfa.nameEn as ownerNameEn',
      'rev.revision',
      'rev.baselineYear',
      'rev.baselineValue',
      'rev.targetYear',
      'rev.targetValue',
      'rev.status',
      'rev.notes',
      'rev.revisedAt',
      'rev.revisedBy',
      'rev.reason',
      'rev.isDemo as revisionIsDemo',
    ]);
}

export type TargetRow = Awaited<ReturnType<ReturnType<typeof targetRows>['execute']>>[number];

export async function listCurrentTargets(
  db: Handle,
  filter: { branch?: string | undefined; goal?: string | undefined } = {},
) {
  let query = targetRows(db).where(({ eb, selectFrom }) =>
    eb(
      'rev.revision',
      '=',
      selectFrom('targetRevision as latest')
        .select((e) => e.fn.max('latest.revision').as('revision'))
        .whereRef('latest.targetId', '=', 'target.id'),
    ),
  );
  if (filter.branch !== undefined) query = query.where('branchGroup.code', '=', filter.branch);
  if (filter.goal !== undefined) query = query.where('goal.code', '=', filter.goal);
  return query
    .orderBy('goal.id')
    .orderBy('branchGroup.sortOrder')
    .orderBy('subBranch.code')
    .orderBy('subProblem.code')
    .orderBy('target.id')
    .execute();
}

/** Every revision of one target, oldest first. */
export async function targetRevisions(db: Handle, targetId: number) {
  return targetRows(db).where('target.id', '=', targetId).orderBy('rev.revision').execute();
}

/** Whether any target or observation is stored; with `realOnly`, only those that are not demo data count. */
export async function holdsTargetsOrObservations(
  db: Handle,
  options: { realOnly?: boolean } = {},
): Promise<boolean> {
  for (const table of ['target', 'observation'] as const) {
    let query = db.selectFrom(table).select('id');
    if (options.realOnly === true) query = query.where('isDemo', '=', 0);
    if ((await query.limit(1).executeTakeFirst()) !== undefined) return true;
  }
  return false;
}

/** Ties a revision to the import batch that added it, so the batch can be rolled back. */
export async function setRevisionBatch(
  db: Handle,
  targetId: number,
  revision: number,
  batchId: number,
): Promise<void> {
  await db
    .updateTable('targetRevision')
    .set({ batchId })
    .where('targetId', '=', targetId)
    .where('revision', '=', revision)
    .execute();
}

/** Targets the batch revised that have a later revision from elsewhere (another batch or by hand). */
export async function targetsRevisedAfterBatch(db: Handle, batchId: number): Promise<number[]> {
  const later = await sql<{ targetId: number }>`
    select r.target_id as target_id from target_revision r
    where r.batch_id = ${batchId}
      and exists (select 1 from target_revision later
                  where later.target_id = r.target_id and later.revision > r.revision
                    and (later.batch_id is null or later.batch_id <> ${batchId}))`.execute(db);
  return later.rows.map((r) => r.targetId);
}
