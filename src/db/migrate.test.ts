import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { migrateToLatest, migrateUpTo, pendingMigrations } from './migrate.js';

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
      '2026-12-03T0800-unmapped-industry-codes',
      '2026-12-03T0900-accident-case-unique',
      '2026-12-03T1000-accident-parents-guarded',
      '2026-12-03T1100-accident-base-cube',
      '2026-12-03T1200-accounts-and-audit',
      '2026-12-03T1300-bfa-work',
    ];
    expect(await pendingMigrations(store.db, dialect)).toEqual(all);
    expect((await migrateToLatest(store.db, dialect)).applied).toEqual(all);
    expect(await pendingMigrations(store.db, dialect)).toEqual([]);
    expect((await migrateToLatest(store.db, dialect)).applied).toEqual([]);
    const tables = (await store.db.introspection.getTables()).map((table) => table.name).sort();
    expect(tables).toEqual([
      'accident',
      'accident_aggregate',
      'accident_base',
      'accident_unmapped_aggregate',
      'api_token',
      'app_user',
      'audit_event',
      'bfa',
      'branch_group',
      'branch_group_owner',
      'branch_problem',
      'campaign',
      'disclosure_protection',
      'disease_case',
      'employment',
      'follow_up_item',
      'funding_pool',
      'funding_pool_share',
      'goal',
      'import_batch',
      'import_replaced_row',
      'indicator',
      'industry_code',
      'login_throttle',
      'main_group',
      'meta',
      'observation',
      'password_reset',
      'pilot',
      'recommendation',
      'record_version',
      'sub_branch',
      'sub_problem',
      'target',
      'target_comment',
      'target_revision',
      'user_session',
      'work_activity',
      'work_activity_branch',
      'work_activity_target',
      'work_evidence',
      'workplace_count',
    ]);
  });

  it('keep the accident records when the branch group becomes optional (upgrade from an earlier schema)', async () => {
    store = await freshStore(dialect, { migrate: false });
    await migrateUpTo(store.db, dialect, '2026-11-30T1000-disclosure-protection');
    await sql`insert into main_group (id, code, name_da, name_en, sort_order) values (1, 'm', 'm', 'm', 1)`.execute(
      store.db,
    );
    await sql`insert into branch_group (id, code, name_da, name_en, main_group_id, sort_order, source_url, caveat,
        name_seen_on_official_page) values (1, 'b', 'b', 'b', 1, 1, '', '', 'b')`.execute(store.db);
    await sql`insert into import_batch (id, kind, file_name, sha256, size_bytes, format, source_label, settings,
        row_count, status, imported_at, imported_by)
      values (1, 'accidents', 'f.csv', 'x', 1, 'csv', '', '{}', 1, 'committed', '2026-01-01T00:00:00Z', 'u')`.execute(
      store.db,
    );
    await sql`insert into accident (batch_id, case_id, registration_date, registration_year, branch_group_id,
        industry_code, age_band, sex, severity, fatal)
      values (1, 'K-1', '2025-02-03', 2025, 1, '47.11', '25-34', 'K', 'minor', 0)`.execute(store.db);
    await migrateToLatest(store.db, dialect);
    const rows = await store.db.selectFrom('accident').selectAll().execute();
    expect(rows).toMatchObject([
      { caseId: 'K-1', branchGroupId: 1, industryCode: '47.11', mainGroupId: null },
    ]);
    // The base cube is filled from the records already stored.
    expect(
      await store.db.selectFrom('accidentBase').select(['batchId', 'branchGroupId', 'accidents']).execute(),
    ).toEqual([{ batchId: 1, branchGroupId: 1, accidents: 1 }]);
    await store.db
      .insertInto('accident')
      .values({
        batchId: 1,
        caseId: 'K-2',
        registrationDate: '2025-02-04',
        registrationYear: 2025,
        accidentDate: null,
        accidentYear: null,
        branchGroupId: null,
        industryCode: '45.20',
        classification: 'DB07',
        age: null,
        ageBand: 'unknown',
        sex: 'U',
        daysLost: null,
        severity: 'unknown',
        injuryType: null,
        bodyPart: null,
        deviation: null,
        contactMode: null,
        materialAgent: null,
        fatal: 0,
        mainGroupId: 1,
      })
      .execute();
    expect(await store.db.selectFrom('accident').select('id').execute()).toHaveLength(2);
    // No per-row foreign keys on the records: triggers keep their batch, branch group and main group instead.
    await expect(sql`delete from import_batch where id = 1`.execute(store.db)).rejects.toThrow(
      /accident records refer to this import batch/,
    );
    await expect(sql`delete from main_group where id = 1`.execute(store.db)).rejects.toThrow(
      /accident records refer to this main group/,
    );
    await sql`delete from accident`.execute(store.db);
    await sql`delete from accident_base`.execute(store.db);
    await sql`delete from import_batch where id = 1`.execute(store.db);
    expect(await store.db.selectFrom('importBatch').select('id').execute()).toEqual([]);
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
