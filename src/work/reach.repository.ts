// SQL of the BFAs' reach: the activities with their reported reach and branch groups, and the denominators
// (workplaces per branch group and year, employed persons per branch group and year).
import type { Db, Tx } from '../db/connect.js';
import type { ActivityStatus } from '../db/schema.js';

type Handle = Db | Tx;

export interface ReachActivityRow {
  id: number;
  bfaId: number;
  status: ActivityStatus;
  periodStart: string;
  periodEnd: string | null;
  reachedWorkplaces: number | null;
  reachedParticipants: number | null;
  published: number;
}

/** The columns of a `ReachActivityRow`. */
export const REACH_ACTIVITY_COLUMNS = [
  'id',
  'bfaId',
  'status',
  'periodStart',
  'periodEnd',
  'reachedWorkplaces',
  'reachedParticipants',
  'published',
] as const;

/** Every activity (drafts too; the service decides who sees which), or one BFA's. */
export async function reachActivityRows(db: Handle, bfaId?: number): Promise<ReachActivityRow[]> {
  let query = db.selectFrom('workActivity').select(REACH_ACTIVITY_COLUMNS);
  if (bfaId !== undefined) query = query.where('bfaId', '=', bfaId);
  return query.orderBy('id').execute();
}

/** The branch groups each activity is linked to (one row per link; a sub-branch names its group). */
export const activityBranchRows = (db: Handle): Promise<{ activityId: number; code: string }[]> =>
  db
    .selectFrom('workActivityBranch')
    .innerJoin('branchGroup', 'branchGroup.id', 'workActivityBranch.branchGroupId')
    .select(['workActivityBranch.activityId as activityId', 'branchGroup.code as code'])
    .execute();

export interface BranchGroupRow {
  id: number;
  code: string;
  nameDa: string;
  nameEn: string;
  sortOrder: number;
}

export const branchGroupRows = (db: Handle): Promise<BranchGroupRow[]> =>
  db
    .selectFrom('branchGroup')
    .select(['id', 'code', 'nameDa', 'nameEn', 'sortOrder'])
    .orderBy('sortOrder')
    .execute();

/** Workplaces per branch group and year (one row each: workplace_count_uq). */
export const workplaceCountRows = (
  db: Handle,
): Promise<{ branchGroupId: number; year: number; workplaces: number; source: string }[]> =>
  db.selectFrom('workplaceCount').select(['branchGroupId', 'year', 'workplaces', 'source']).execute();

/** Employed persons per branch group, year and source: all ages and both sexes, summed over the import batches as
 *  the accident statistics' denominators are (employment.repository.employmentTotals). */
export const employmentRows = (
  db: Handle,
): Promise<{ branchGroupId: number; year: number; source: string; employed: number }[]> =>
  db
    .selectFrom('employment')
    .select(['branchGroupId', 'year', 'source', (eb) => eb.fn.sum<number>('employed').as('employed')])
    .where('ageBand', '=', 'all')
    .where('sex', '=', 'all')
    .groupBy(['branchGroupId', 'year', 'source'])
    .execute();
