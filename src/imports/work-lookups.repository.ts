// SQL for the look-ups an import of the BFAs' work needs: BFAs, which BFA owns which branch group, each target's
// owner (its current revision's), funding pools and campaigns. Small tables, read once per import.
import type { Db, Tx } from '../db/connect.js';

type Handle = Db | Tx;

export async function readWorkLookupTables(db: Handle) {
  const [bfas, owners, targetOwners, pools, campaigns] = await Promise.all([
    db.selectFrom('bfa').select(['id', 'code', 'short', 'nameDa', 'nameEn']).execute(),
    db.selectFrom('branchGroupOwner').select(['branchGroupId', 'bfaId']).execute(),
    db
      .selectFrom('targetRevision as r')
      .select(['r.targetId', 'r.ownerBfaId'])
      .where(({ eb, selectFrom }) =>
        eb(
          'r.revision',
          '=',
          selectFrom('targetRevision as latest')
            .select(({ fn }) => fn.max('latest.revision').as('revision'))
            .whereRef('latest.targetId', '=', 'r.targetId'),
        ),
      )
      .execute(),
    db.selectFrom('fundingPool').select(['id', 'name']).execute(),
    db.selectFrom('campaign').select(['id', 'bfaId', 'title']).execute(),
  ]);
  return { bfas, owners, targetOwners, pools, campaigns };
}
