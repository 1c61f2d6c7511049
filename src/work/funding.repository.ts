// SQL of the funding pools: pools, each BFA's share, and the activities drawing on a pool (their cost, status, period
// and reach).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { FundingPoolTable } from '../db/schema.js';
import { REACH_ACTIVITY_COLUMNS, type ReachActivityRow } from './reach.repository.js';

type Handle = Db | Tx;

export type PoolRow = Selectable<FundingPoolTable>;

/** Every pool, the latest period first. */
export const poolRows = (db: Handle): Promise<PoolRow[]> =>
  db.selectFrom('fundingPool').selectAll().orderBy('periodEnd', 'desc').orderBy('id').execute();

export const poolRow = (db: Handle, id: number): Promise<PoolRow | undefined> =>
  db.selectFrom('fundingPool').selectAll().where('id', '=', id).executeTakeFirst();

export interface BfaRow {
  id: number;
  code: string;
  short: string;
  nameDa: string;
  nameEn: string;
}

export const bfaRows = (db: Handle): Promise<BfaRow[]> =>
  db.selectFrom('bfa').select(['id', 'code', 'short', 'nameDa', 'nameEn']).orderBy('code').execute();

export interface ShareRow {
  poolId: number;
  bfaId: number;
  amountDkk: number;
}

/** The shares of the given pools (all pools' when `poolIds` is undefined). */
export async function shareRows(db: Handle, poolIds?: readonly number[]): Promise<ShareRow[]> {
  if (poolIds !== undefined && poolIds.length === 0) return [];
  let query = db.selectFrom('fundingPoolShare').select(['poolId', 'bfaId', 'amountDkk']);
  if (poolIds !== undefined) query = query.where('poolId', 'in', [...poolIds]);
  return query.orderBy('poolId').orderBy('bfaId').execute();
}

/** An activity drawing on a pool: its reach and its cost. */
export interface PoolActivityRow extends ReachActivityRow {
  poolId: number;
  costDkk: number | null;
}

/** The activities drawing on the given pools (all pools' when `poolIds` is undefined), drafts too. */
export async function poolActivityRows(db: Handle, poolIds?: readonly number[]): Promise<PoolActivityRow[]> {
  if (poolIds !== undefined && poolIds.length === 0) return [];
  let query = db
    .selectFrom('workActivity')
    .select([...REACH_ACTIVITY_COLUMNS, 'costDkk', 'fundingPoolId as poolId'])
    .where('fundingPoolId', 'is not', null);
  if (poolIds !== undefined) query = query.where('fundingPoolId', 'in', [...poolIds]);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({ ...row, poolId: row.poolId ?? 0 }));
}

export async function insertPool(db: Handle, row: Insertable<FundingPoolTable>): Promise<number> {
  const inserted = await db.insertInto('fundingPool').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Saves over `version` and bumps it; 0 rows when someone saved another version meanwhile. */
export async function updatePoolRow(
  db: Handle,
  id: number,
  version: number,
  values: Updateable<FundingPoolTable>,
): Promise<number> {
  const result = await db
    .updateTable('fundingPool')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The pool's shares become exactly these. */
export async function replaceShares(
  db: Handle,
  poolId: number,
  shares: readonly { bfaId: number; amountDkk: number }[],
): Promise<void> {
  await db.deleteFrom('fundingPoolShare').where('poolId', '=', poolId).execute();
  if (shares.length === 0) return;
  await db
    .insertInto('fundingPoolShare')
    .values(shares.map((share) => ({ poolId, ...share })))
    .execute();
}
