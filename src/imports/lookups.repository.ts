// SQL for an import's look-ups: the code tables (branch groups, sub-branches, industry codes, indicators, targets).
import type { Db, Tx } from '../db/connect.js';
import { readWorkLookupTables } from './work-lookups.repository.js';

type Handle = Db | Tx;

/** Every row of the code tables an import resolves its codes and names against (and the BFAs' work's). */
export async function readLookupTables(db: Handle) {
  const [groups, subs, codes, indicators, targets, work] = await Promise.all([
    db.selectFrom('branchGroup').select(['id', 'code', 'nameDa', 'nameEn', 'mainGroupId']).execute(),
    db.selectFrom('subBranch').select(['id', 'code', 'nameDa', 'nameEn', 'branchGroupId']).execute(),
    db
      .selectFrom('industryCode')
      .select(['classification', 'code', 'branchGroupId', 'subBranchId'])
      .execute(),
    db.selectFrom('indicator').select(['id', 'code', 'unit']).execute(),
    db.selectFrom('target').select(['id', 'scopeKey']).execute(),
    readWorkLookupTables(db),
  ]);
  return { groups, subs, codes, indicators, targets, work };
}
