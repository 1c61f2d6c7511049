// Activities, their branch groups, targets and evidence: the SQL.
import type { Insertable, Updateable } from 'kysely';
import { type Db, INSERT_CHUNK_ROWS, type Tx } from '../db/connect.js';
import type {
  ActivityStatus,
  WorkActivityBranchTable,
  WorkActivityTable,
  WorkEvidenceTable,
} from '../db/schema.js';

type Handle = Db | Tx;

/** Which drafts a reader sees besides the published activities: all, none, or one BFA's (by id). */
export type DraftScope = 'all' | 'none' | number;

export interface ActivityRowFilter {
  bfa?: string | undefined;
  branch?: string | undefined;
  target?: number | undefined;
  status?: ActivityStatus | undefined;
  year?: number | undefined;
  campaign?: number | undefined;
  pool?: number | undefined;
  id?: number | undefined;
}

function activityRows(db: Handle) {
  return db
    .selectFrom('workActivity as a')
    .innerJoin('bfa', 'bfa.id', 'a.bfaId')
    .leftJoin('fundingPool as pool', 'pool.id', 'a.fundingPoolId')
    .leftJoin('campaign', 'campaign.id', 'a.campaignId')
    .select([
      'a.id',
      'a.bfaId',
      'bfa.code as bfaCode',
      'bfa.short as bfaShort',
      'bfa.nameDa as bfaNameDa',
      'bfa.nameEn as bfaNameEn',
      'a.title',
      'a.activityType',
      'a.periodStart',
      'a.periodEnd',
      'a.plannedWorkplaces',
      'a.plannedParticipants',
      'a.reachedWorkplaces',
      'a.reachedParticipants',
      'a.costDkk',
      'a.fundingPoolId',
      'pool.name as fundingPoolName',
      'a.campaignId',
      'campaign.title as campaignTitle',
      'a.status',
      'a.notes',
      'a.published',
      'a.publishedAt',
      'a.version',
      'a.createdAt',
      'a.createdBy',
      'a.updatedAt',
      'a.updatedBy',
      'a.isDemo',
    ]);
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityRows>['execute']>>[number];

/**
 * The activities matching the filter that the reader may see (published, plus the drafts of `drafts`), newest
 * first. A year matches an activity whose period (start to end, or the start day alone) touches it.
 */
export async function findActivityRows(
  db: Handle,
  filter: ActivityRowFilter,
  drafts: DraftScope,
): Promise<ActivityRow[]> {
  let query = activityRows(db);
  if (drafts === 'none') query = query.where('a.published', '=', 1);
  else if (drafts !== 'all')
    query = query.where((eb) => eb.or([eb('a.published', '=', 1), eb('a.bfaId', '=', drafts)]));
  if (filter.id !== undefined) query = query.where('a.id', '=', filter.id);
  if (filter.bfa !== undefined) query = query.where('bfa.code', '=', filter.bfa);
  if (filter.status !== undefined) query = query.where('a.status', '=', filter.status);
  if (filter.campaign !== undefined) query = query.where('a.campaignId', '=', filter.campaign);
  if (filter.pool !== undefined) query = query.where('a.fundingPoolId', '=', filter.pool);
  if (filter.year !== undefined) {
    query = query
      .where('a.periodStart', '<=', `${filter.year}-12-31`)
      .where((eb) => eb.fn.coalesce('a.periodEnd', 'a.periodStart'), '>=', `${filter.year}-01-01`);
  }
  const branch = filter.branch;
  if (branch !== undefined) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('workActivityBranch as wb')
          .innerJoin('branchGroup as bg', 'bg.id', 'wb.branchGroupId')
          .select('wb.activityId')
          .whereRef('wb.activityId', '=', 'a.id')
          .where('bg.code', '=', branch),
      ),
    );
  }
  const target = filter.target;
  if (target !== undefined) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('workActivityTarget as wt')
          .select('wt.activityId')
          .whereRef('wt.activityId', '=', 'a.id')
          .where('wt.targetId', '=', target),
      ),
    );
  }
  return query.orderBy('a.periodStart', 'desc').orderBy('a.id', 'desc').execute();
}

/** One activity's row, whoever may see it (the service decides). */
export const activityRowById = (db: Handle, id: number): Promise<ActivityRow | undefined> =>
  activityRows(db).where('a.id', '=', id).executeTakeFirst();

/** Runs `read` over the ids in chunks a statement can bind. */
async function inChunks<T>(ids: readonly number[], read: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += INSERT_CHUNK_ROWS)
    rows.push(...(await read(ids.slice(i, i + INSERT_CHUNK_ROWS))));
  return rows;
}

export const branchRowsOf = (db: Handle, activityIds: readonly number[]) =>
  inChunks(activityIds, (chunk) =>
    db
      .selectFrom('workActivityBranch as wb')
      .innerJoin('branchGroup as bg', 'bg.id', 'wb.branchGroupId')
      .leftJoin('subBranch as sb', 'sb.id', 'wb.subBranchId')
      .select([
        'wb.activityId',
        'bg.code as groupCode',
        'bg.nameDa as groupNameDa',
        'bg.nameEn as groupNameEn',
        'bg.sortOrder as groupOrder',
        'sb.code as subCode',
        'sb.nameDa as subNameDa',
        'sb.nameEn as subNameEn',
      ])
      .where('wb.activityId', 'in', chunk)
      .orderBy('wb.activityId')
      .orderBy('bg.sortOrder')
      .orderBy('sb.code')
      .execute(),
  );

/** What names a target: its goal, sub-problem, branch group and sub-branch (joined as goal, sp, bg and sb). */
const TARGET_NAMES = [
  'goal.code as goalCode',
  'goal.areaDa as goalNameDa',
  'goal.areaEn as goalNameEn',
  'sp.code as subProblemCode',
  'sp.nameDa as subProblemNameDa',
  'sp.nameEn as subProblemNameEn',
  'bg.code as groupCode',
  'bg.nameDa as groupNameDa',
  'bg.nameEn as groupNameEn',
  'sb.code as subCode',
  'sb.nameDa as subNameDa',
  'sb.nameEn as subNameEn',
] as const;

/** The targets linked to the activities, named by goal, sub-problem, branch group and sub-branch. */
export const targetRowsOf = (db: Handle, activityIds: readonly number[]) =>
  inChunks(activityIds, (chunk) =>
    db
      .selectFrom('workActivityTarget as wt')
      .innerJoin('target', 'target.id', 'wt.targetId')
      .innerJoin('goal', 'goal.id', 'target.goalId')
      .leftJoin('subProblem as sp', 'sp.id', 'target.subProblemId')
      .leftJoin('branchGroup as bg', 'bg.id', 'target.branchGroupId')
      .leftJoin('subBranch as sb', 'sb.id', 'target.subBranchId')
      .select(['wt.activityId', 'target.id as targetId', ...TARGET_NAMES])
      .where('wt.activityId', 'in', chunk)
      .orderBy('wt.activityId')
      .orderBy('target.id')
      .execute(),
  );

export type TargetLinkRow = Awaited<ReturnType<typeof targetRowsOf>>[number];

/** The evidence of the activities, without the files' bytes. */
export const evidenceRowsOf = (db: Handle, activityIds: readonly number[]) =>
  inChunks(activityIds, (chunk) =>
    db
      .selectFrom('workEvidence')
      .select([
        'id',
        'activityId',
        'kind',
        'title',
        'url',
        'fileName',
        'contentType',
        'sizeBytes',
        'sha256',
        'addedAt',
        'addedBy',
      ])
      .where('activityId', 'in', chunk)
      .orderBy('activityId')
      .orderBy('id')
      .execute(),
  );

export async function insertActivity(db: Handle, row: Insertable<WorkActivityTable>): Promise<number> {
  const inserted = await db.insertInto('workActivity').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Saves the row if it is still at `version`, bumping it; false when another save came first. */
export async function updateActivityRow(
  db: Handle,
  id: number,
  version: number,
  changes: Updateable<WorkActivityTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('workActivity')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceBranches(
  db: Handle,
  activityId: number,
  rows: Omit<WorkActivityBranchTable, 'activityId'>[],
): Promise<void> {
  await db.deleteFrom('workActivityBranch').where('activityId', '=', activityId).execute();
  if (rows.length > 0)
    await db
      .insertInto('workActivityBranch')
      .values(rows.map((row) => ({ ...row, activityId })))
      .execute();
}

export async function replaceTargets(db: Handle, activityId: number, targetIds: number[]): Promise<void> {
  await db.deleteFrom('workActivityTarget').where('activityId', '=', activityId).execute();
  if (targetIds.length > 0)
    await db
      .insertInto('workActivityTarget')
      .values(targetIds.map((targetId) => ({ activityId, targetId })))
      .execute();
}

// Look-ups the service checks input against.

export const bfaByCode = (db: Handle, code: string) =>
  db.selectFrom('bfa').select(['id', 'code']).where('code', '=', code).executeTakeFirst();

export const allBfas = (db: Handle) =>
  db.selectFrom('bfa').select(['id', 'code', 'short', 'nameDa', 'nameEn']).orderBy('short').execute();

/** Every branch group with the ids of the BFAs that cover it, in display order. */
export async function branchGroupsWithOwners(db: Handle) {
  const [groups, owners] = await Promise.all([
    db
      .selectFrom('branchGroup')
      .innerJoin('mainGroup', 'mainGroup.id', 'branchGroup.mainGroupId')
      .select(['branchGroup.id', 'branchGroup.code', 'branchGroup.nameDa', 'branchGroup.nameEn'])
      .orderBy('mainGroup.sortOrder')
      .orderBy('branchGroup.sortOrder')
      .execute(),
    db.selectFrom('branchGroupOwner').select(['branchGroupId', 'bfaId']).execute(),
  ]);
  return groups.map((group) => ({
    ...group,
    ownerIds: owners.filter((owner) => owner.branchGroupId === group.id).map((owner) => owner.bfaId),
  }));
}

export const allSubBranches = (db: Handle) =>
  db
    .selectFrom('subBranch')
    .innerJoin('branchGroup', 'branchGroup.id', 'subBranch.branchGroupId')
    .select([
      'subBranch.id',
      'subBranch.code',
      'subBranch.nameDa',
      'subBranch.nameEn',
      'subBranch.branchGroupId',
      'branchGroup.code as groupCode',
    ])
    .orderBy('branchGroup.sortOrder')
    .orderBy('subBranch.code')
    .execute();

/** Every target with the BFA owning its current revision, named by goal, sub-problem and branch. */
export const targetChoiceRows = (db: Handle) =>
  db
    .selectFrom('target')
    .innerJoin('targetRevision as rev', 'rev.targetId', 'target.id')
    .innerJoin('goal', 'goal.id', 'target.goalId')
    .leftJoin('subProblem as sp', 'sp.id', 'target.subProblemId')
    .leftJoin('branchGroup as bg', 'bg.id', 'target.branchGroupId')
    .leftJoin('subBranch as sb', 'sb.id', 'target.subBranchId')
    .select(['target.id as targetId', 'rev.ownerBfaId', ...TARGET_NAMES])
    .where(({ eb, selectFrom }) =>
      eb(
        'rev.revision',
        '=',
        selectFrom('targetRevision as latest')
          .select((e) => e.fn.max('latest.revision').as('revision'))
          .whereRef('latest.targetId', '=', 'target.id'),
      ),
    )
    .orderBy('goal.id')
    .orderBy('bg.sortOrder')
    .orderBy('target.id')
    .execute();

export async function existingTargetIds(db: Handle, ids: readonly number[]): Promise<Set<number>> {
  const rows = await inChunks(ids, (chunk) =>
    db.selectFrom('target').select('id').where('id', 'in', chunk).execute(),
  );
  return new Set(rows.map((row) => row.id));
}

export const poolChoices = (db: Handle) =>
  db.selectFrom('fundingPool').select(['id', 'name']).orderBy('periodStart', 'desc').orderBy('id').execute();

export const campaignChoices = (db: Handle) =>
  db
    .selectFrom('campaign')
    .select(['id', 'title', 'bfaId'])
    .orderBy('periodStart', 'desc')
    .orderBy('id')
    .execute();

export const poolExists = async (db: Handle, id: number) =>
  (await db.selectFrom('fundingPool').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

export const campaignExists = async (db: Handle, id: number) =>
  (await db.selectFrom('campaign').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

// Evidence.

export async function insertEvidence(db: Handle, row: Insertable<WorkEvidenceTable>): Promise<number> {
  const inserted = await db.insertInto('workEvidence').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** One piece of evidence of the activity, with its bytes. */
export const evidenceWithContent = (db: Handle, activityId: number, evidenceId: number) =>
  db
    .selectFrom('workEvidence')
    .selectAll()
    .where('activityId', '=', activityId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();

export async function deleteEvidence(db: Handle, activityId: number, evidenceId: number): Promise<void> {
  await db
    .deleteFrom('workEvidence')
    .where('activityId', '=', activityId)
    .where('id', '=', evidenceId)
    .execute();
}
