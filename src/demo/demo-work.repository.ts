// SQL for the demo of the BFAs' work: the reference facts it is built on, and multi-row inserts of its records (a few
// hundred rows in a handful of statements, each returning the new ids in insertion order).
import type { Insertable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type {
  CampaignTable,
  FollowUpItemTable,
  FundingPoolShareTable,
  FundingPoolTable,
  PilotTable,
  RecommendationTable,
  RecordVersionTable,
  WorkActivityBranchTable,
  WorkActivityTable,
  WorkActivityTargetTable,
  WorkplaceCountTable,
} from '../db/schema.js';
import type { WorkFacts } from './demo-work.js';

type Handle = Db | Tx;

/** Rows per statement: 200 rows of the widest table (23 columns) bind 4,600 parameters, far below SQLite's limit. */
const CHUNK_ROWS = 200;

/** The BFAs, branch groups with their owners, sub-branches, targets with their current owner, employed totals. */
export async function readWorkFacts(db: Handle, years: { from: number; to: number }): Promise<WorkFacts> {
  const bfas = await db.selectFrom('bfa').select(['id', 'code']).orderBy('id').execute();
  const groups = await db.selectFrom('branchGroup').select(['id', 'code', 'nameDa']).orderBy('id').execute();
  const owners = await db.selectFrom('branchGroupOwner').select(['branchGroupId', 'bfaId']).execute();
  const subBranches = await db
    .selectFrom('subBranch')
    .select(['id', 'code', 'nameDa', 'branchGroupId'])
    .orderBy('id')
    .execute();
  const targets = await db
    .selectFrom('target as t')
    .innerJoin('targetRevision as r', 'r.targetId', 't.id')
    .innerJoin('goal as g', 'g.id', 't.goalId')
    .leftJoin('subProblem as s', 's.id', 't.subProblemId')
    .select(['t.id', 't.branchGroupId', 'r.ownerBfaId', 'g.code as goal', 's.code as subProblem'])
    .where('r.revision', '=', (eb) =>
      eb
        .selectFrom('targetRevision as r2')
        .select((sub) => sub.fn.max('r2.revision').as('latest'))
        .whereRef('r2.targetId', '=', 't.id'),
    )
    .orderBy('t.id')
    .execute();
  const employment = await db
    .selectFrom('employment')
    .select(['branchGroupId', 'year', 'employed'])
    .where('ageBand', '=', 'all')
    .where('sex', '=', 'all')
    .where('year', '>=', years.from)
    .where('year', '<=', years.to)
    .execute();
  return {
    bfas,
    branchGroups: groups.map((group) => ({
      ...group,
      ownerBfaIds: owners.filter((owner) => owner.branchGroupId === group.id).map((owner) => owner.bfaId),
    })),
    subBranches,
    targets: targets.map((target) => ({
      id: target.id,
      branchGroupId: target.branchGroupId,
      ownerBfaId: target.ownerBfaId,
      topic: target.subProblem ?? target.goal,
    })),
    employment: employment.map((row) => ({ ...row, employed: Number(row.employed) })),
  };
}

/** Writes `rows` in chunks with `insert`. */
async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) await insert(rows.slice(i, i + CHUNK_ROWS));
}

/** Writes `rows` in chunks with `insert`; the new ids ascending, which is the rows' order (ids are assigned in
 *  insertion order on both databases, whatever order RETURNING lists them in). */
async function withIds<T>(rows: T[], insert: (chunk: T[]) => Promise<{ id: number }[]>): Promise<number[]> {
  const ids: number[] = [];
  await inChunks(rows, async (chunk) => {
    const inserted = (await insert(chunk)).map((row) => row.id).sort((a, b) => a - b);
    if (inserted.length !== chunk.length) throw new Error('Demo work: an insert returned too few ids');
    ids.push(...inserted);
  });
  return ids;
}

export const insertPools = (db: Handle, rows: Insertable<FundingPoolTable>[]) =>
  withIds(rows, (chunk) => db.insertInto('fundingPool').values(chunk).returning('id').execute());

export const insertPoolShares = (db: Handle, rows: Insertable<FundingPoolShareTable>[]) =>
  inChunks(rows, (chunk) => db.insertInto('fundingPoolShare').values(chunk).execute());

export const insertCampaigns = (db: Handle, rows: Insertable<CampaignTable>[]) =>
  withIds(rows, (chunk) => db.insertInto('campaign').values(chunk).returning('id').execute());

export const insertActivities = (db: Handle, rows: Insertable<WorkActivityTable>[]) =>
  withIds(rows, (chunk) => db.insertInto('workActivity').values(chunk).returning('id').execute());

export const insertActivityBranches = (db: Handle, rows: Insertable<WorkActivityBranchTable>[]) =>
  inChunks(rows, (chunk) => db.insertInto('workActivityBranch').values(chunk).execute());

export const insertActivityTargets = (db: Handle, rows: Insertable<WorkActivityTargetTable>[]) =>
  inChunks(rows, (chunk) => db.insertInto('workActivityTarget').values(chunk).execute());

export const insertPilots = (db: Handle, rows: Insertable<PilotTable>[]) =>
  withIds(rows, (chunk) => db.insertInto('pilot').values(chunk).returning('id').execute());

export const insertWorkplaceCounts = (db: Handle, rows: Insertable<WorkplaceCountTable>[]) =>
  inChunks(rows, (chunk) => db.insertInto('workplaceCount').values(chunk).execute());

export const insertRecommendations = (db: Handle, rows: Insertable<RecommendationTable>[]) =>
  withIds(rows, (chunk) => db.insertInto('recommendation').values(chunk).returning('id').execute());

export const insertFollowUpItems = (db: Handle, rows: Insertable<FollowUpItemTable>[]) =>
  withIds(rows, (chunk) => db.insertInto('followUpItem').values(chunk).returning('id').execute());

/** Saved versions, as `keepVersion` (src/work/versioned.ts) writes them one at a time. */
export const insertVersions = (db: Handle, rows: Insertable<RecordVersionTable>[]) =>
  inChunks(rows, (chunk) => db.insertInto('recordVersion').values(chunk).execute());
