import { afterEach, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';

describeEachDialect('migrations', (dialect) => {
  let store: TestStore;
  afterEach(async () => {
    await store.destroy();
  });

  it('run from an empty database to the latest schema, once', async () => {
    store = await freshStore(dialect, { migrate: false });
    const all = [
      '2026-11-26T0800-initial',
      '2026-11-26T1000-imports',
      '2026-11-26T1200-accident-aggregates',
      '2026-11-30T1000-disclosure-protection',
    ];
    expect(await pendingMigrations(store.db, dialect)).toEqual(all);
    expect((await migrateToLatest(store.db, dialect)).applied).toEqual(all);
    expect(await pendingMigrations(store.db, dialect)).toEqual([]);
    expect((await migrateToLatest(store.db, dialect)).applied).toEqual([]);
    const tables = (await store.db.introspection.getTables()).map((table) => table.name).sort();
    expect(tables).toEqual([
      'accident',
      'accident_aggregate',
      'bfa',
      'branch_group',
      'branch_group_owner',
      'branch_problem',
      'disclosure_protection',
      'disease_case',
      'employment',
      'goal',
      'import_batch',
      'import_replaced_row',
      'indicator',
      'industry_code',
      'main_group',
      'meta',
      'observation',
      'sub_branch',
      'sub_problem',
      'target',
      'target_revision',
    ]);
  });

  it('enforce that a target year comes after its baseline year in the schema itself', async () => {
    store = await freshStore(dialect);
    await store.db
      .insertInto('goal')
      .values({
        id: 1,
        code: 'g',
        areaDa: 'g',
        areaEn: 'g',
        titleDa: 'g',
        titleEn: 'g',
        directionDa: 'g',
        directionEn: 'g',
        sourceUrl: '',
        caveat: '',
      })
      .execute();
    const { id: indicatorId } = await store.db
      .insertInto('indicator')
      .values({
        code: 'i',
        nameDa: 'i',
        nameEn: 'i',
        unit: 'percent',
        polarity: 'lower_is_better',
        dataSource: '',
        methodBreakNotesDa: '',
        methodBreakNotesEn: '',
        goalId: 1,
        subProblemId: null,
        isDemo: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: targetId } = await store.db
      .insertInto('target')
      .values({
        scopeKey: 'national|g',
        branchGroupId: null,
        subBranchId: null,
        goalId: 1,
        subProblemId: null,
        createdAt: '2025-01-01',
        createdBy: 't',
        isDemo: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const revision = {
      targetId,
      revision: 1,
      indicatorId,
      baselineYear: 2021,
      baselineValue: 1,
      targetYear: 2020,
      targetValue: 1,
      ownerBfaId: null,
      status: 'draft',
      notes: '',
      revisedAt: '2025-01-01',
      revisedBy: 't',
      reason: 'r',
      isDemo: 0 as const,
    };
    await expect(store.db.insertInto('targetRevision').values(revision).execute()).rejects.toThrow(/check/i);
  });
});
