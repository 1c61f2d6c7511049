import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { loadReferenceData } from './reference.data.js';
import { listBranchProblems, lookupIndustryCode, seedReference } from './reference.repository.js';

describeEachDialect('reference data', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await freshStore(dialect);
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('seeds the 4 goals, 36 branch groups in 10 main groups, 5 BFAs and the matrix, keeping sources', async () => {
    const counts = await seedReference(store.db, loadReferenceData());
    expect(counts).toMatchObject({ goal: 4, mainGroup: 10, branchGroup: 36, bfa: 5, branchProblem: 19 });
    const psych = await store.db
      .selectFrom('subProblem')
      .innerJoin('goal', 'goal.id', 'subProblem.goalId')
      .select(['subProblem.nameDa', 'goal.code'])
      .execute();
    expect(psych.map((row) => row.code)).toEqual(['psychosocial', 'psychosocial']);
    const matrix = await listBranchProblems(store.db);
    const finance = matrix.find((row) => row.subBranch === 'pengeinstitut-og-finansieringsvirksomhed');
    expect(finance).toMatchObject({ branchGroup: 'kontor', goal: 'psychosocial', bfa: 'hfk' });
    const butikker = matrix.find((row) => row.branchGroup === 'butikker');
    expect(butikker?.caveat).toContain('verify');
    const kontorOwners = await store.db
      .selectFrom('branchGroupOwner')
      .innerJoin('branchGroup', 'branchGroup.id', 'branchGroupOwner.branchGroupId')
      .innerJoin('bfa', 'bfa.id', 'branchGroupOwner.bfaId')
      .where('branchGroup.code', '=', 'kontor')
      .select(['bfa.code', 'branchGroupOwner.note'])
      .orderBy('bfa.code')
      .execute();
    expect(kontorOwners).toEqual([
      { code: 'hfk', note: 'private sector' },
      { code: 'voa', note: 'public sector' },
    ]);
  });

  it('is idempotent and never overwrites a corrected row', async () => {
    await seedReference(store.db, loadReferenceData());
    await store.db.updateTable('bfa').set({ nameEn: 'Corrected name' }).where('code', '=', 'ba').execute();
    const again = await seedReference(store.db, loadReferenceData());
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    const bfa = await store.db
      .selectFrom('bfa')
      .select('nameEn')
      .where('code', '=', 'ba')
      .executeTakeFirstOrThrow();
    expect(bfa.nameEn).toBe('Corrected name');
  });

  it('maps industry codes by longest prefix, per classification', async () => {
    await seedReference(store.db, loadReferenceData());
    expect(await lookupIndustryCode(store.db, 'DB07', '101100')).toMatchObject({ branchGroup: 'slagterier' });
    expect(await lookupIndustryCode(store.db, 'DB07', '108200')).toMatchObject({
      branchGroup: 'naerings-og-nydelsesmidler',
    });
    expect(await lookupIndustryCode(store.db, 'DB07', '64.19.00')).toMatchObject({
      branchGroup: 'kontor',
      subBranch: 'pengeinstitut-og-finansieringsvirksomhed',
    });
    expect(await lookupIndustryCode(store.db, 'DB25', '432100')).toMatchObject({
      branchGroup: 'faerdiggoerelse-af-byggeri',
    });
    expect(await lookupIndustryCode(store.db, 'DB25', '101100')).toBeUndefined();
  });
});
