import type { Insertable } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { expectAppError } from '../../test/errors.js';
import { dumpDatabase, seedStore } from '../../test/seed.js';
import { inTransaction } from '../db/connect.js';
import type { ObservationTable } from '../db/schema.js';
import { insertIndicator } from './indicators.repository.js';
import { insertObservations } from './observations.repository.js';
import { addTargetSchema, reviseTargetSchema } from './targets.schemas.js';
import { addTarget, listTargets, reviseTarget, showTarget } from './targets.service.js';

const clock = (iso: string) => () => new Date(iso);

/** An observation of the test indicator for Anlægsarbejde. */
function observation(year: number, value: number, fields: Partial<Insertable<ObservationTable>> = {}) {
  return {
    indicatorId: 1,
    scopeKey: 'branch:anlaegsarbejde',
    branchGroupId: 1,
    subBranchId: null,
    year,
    periodLabel: String(year),
    value,
    count: null,
    denominator: null,
    respondents: 500,
    lowercl: null,
    uppercl: null,
    confidence: 0.95,
    source: 'NOA-L',
    seriesLabel: 'NOA-L',
    seriesBreak: 0 as const,
    isDemo: 0 as const,
    ...fields,
  };
}

describeEachDialect('targets', (dialect) => {
  let store: TestStore;

  beforeEach(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
    await insertIndicator(store.db, {
      code: 'kemi',
      nameDa: 'Andel udsat for kemi',
      nameEn: 'Share exposed to chemicals',
      unit: 'percent',
      polarity: 'lower_is_better',
      dataSource: 'NOA-L',
      methodBreakNotesDa: '',
      methodBreakNotesEn: '',
      goalId: 2,
      subProblemId: null,
      isDemo: 0,
    });
  });
  afterEach(async () => {
    await store.destroy();
  });

  const add = (input: Record<string, unknown>) =>
    inTransaction(store.db, (tx) =>
      addTarget(tx, addTargetSchema.parse(input), {
        user: 'sekretariatet',
        now: clock('2025-03-01T10:00:00Z'),
      }),
    );

  const chemicalTarget = {
    branchGroup: 'anlaegsarbejde',
    goal: 'chemical',
    indicator: 'kemi',
    baselineYear: 2021,
    baselineValue: 30.5,
    targetYear: 2030,
    targetValue: 24,
    owner: 'ba',
    status: 'adopted',
  };

  it('adds a target and revises it, keeping both versions with who, when and why', async () => {
    const added = await add(chemicalTarget);
    expect(added).toMatchObject({
      key: 'branch:anlaegsarbejde|chemical',
      baseline: { year: 2021, value: 30.5 },
      target: { year: 2030, value: 24 },
      owner: { code: 'ba' },
      revision: { number: 1, revisedBy: 'sekretariatet', revisedAt: '2025-03-01T10:00:00.000Z' },
    });

    const revised = await inTransaction(store.db, (tx) =>
      reviseTarget(tx, added.id, reviseTargetSchema.parse({ targetValue: 22.5, reason: 'Evaluering 2024' }), {
        user: 'formandskabet',
        now: clock('2025-06-01T08:00:00Z'),
      }),
    );
    expect(revised.target.value).toBe(22.5);
    expect(revised.revision).toMatchObject({
      number: 2,
      revisedBy: 'formandskabet',
      reason: 'Evaluering 2024',
    });

    const history = await showTarget(store.db, added.id);
    expect(
      history.revisions.map((r) => [r.revision.number, r.target.value, r.baseline.value, r.revision.reason]),
    ).toEqual([
      [1, 24, 30.5, 'Oprettet'],
      [2, 22.5, 30.5, 'Evaluering 2024'],
    ]);
    const listed = await listTargets(store.db);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.target.value).toBe(22.5);
  });

  it('shows the latest observation of the target’s indicator and branch', async () => {
    const added = await add(chemicalTarget);
    await insertObservations(store.db, [
      observation(2021, 30, { lowercl: 26, uppercl: 34 }),
      observation(2023, 29, { lowercl: 25, uppercl: 33 }),
    ]);
    const [target] = await listTargets(store.db, { branch: 'anlaegsarbejde' });
    expect(target?.id).toBe(added.id);
    expect(target?.latest).toMatchObject({
      year: 2023,
      value: 29,
      lowercl: 25,
      uppercl: 33,
      seriesBreak: false,
    });
    expect(await listTargets(store.db, { branch: 'butikker' })).toEqual([]);
  });

  it('refuses a revision whose target year is before the baseline year, naming the field, writing nothing', async () => {
    const added = await add(chemicalTarget);
    const before = await dumpDatabase(store.db);
    expect(() => reviseTargetSchema.parse({ baselineYear: 2031, targetYear: 2030, reason: 'x' })).toThrow(
      /targetYear/,
    );
    const error = await expectAppError(
      inTransaction(store.db, (tx) =>
        reviseTarget(tx, added.id, reviseTargetSchema.parse({ baselineYear: 2031, reason: 'Ny baseline' }), {
          user: 'x',
          now: clock('2025-06-01T08:00:00Z'),
        }),
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]).toMatchObject({
      field: 'baselineYear',
      message: expect.stringContaining('2030'),
    });
    expect(await dumpDatabase(store.db)).toEqual(before);
  });

  it('names every unknown or inconsistent code and writes nothing', async () => {
    const before = await dumpDatabase(store.db);
    const error = await expectAppError(
      add({
        ...chemicalTarget,
        branchGroup: 'anlaegsarbejde',
        subBranch: 'pengeinstitut-og-finansieringsvirksomhed',
        subProblem: 'high-demands-low-influence',
        indicator: 'nope',
        owner: 'xyz',
        targetValue: 140,
      }),
    );
    expect(error.issues.map((issue) => issue.field).sort()).toEqual([
      'indicator',
      'owner',
      'subBranch',
      'subProblem',
    ]);
    expect(await dumpDatabase(store.db)).toEqual(before);
  });

  it('rejects a percentage above 100 and a second target for the same branch and problem', async () => {
    const tooHigh = await expectAppError(add({ ...chemicalTarget, targetValue: 140 }));
    expect(tooHigh.issues).toEqual([
      { field: 'targetValue', message: 'is a percentage and must be at most 100' },
    ]);
    await add(chemicalTarget);
    const duplicate = await expectAppError(add(chemicalTarget));
    expect(duplicate.code).toBe('conflict');
  });

  it('assesses progress from the observations, and refuses to compare across a series break', async () => {
    const added = await add({ ...chemicalTarget, baselineYear: 2018, baselineValue: 32 });
    const counted = (value: number) => ({ count: (value / 100) * 800, denominator: 800, respondents: 800 });
    await insertObservations(store.db, [
      observation(2018, 32, { ...counted(32), seriesLabel: 'AH' }),
      observation(2021, 30, { ...counted(30), seriesBreak: 1 }),
      observation(2023, 25, counted(25)),
    ]);
    const [across] = await listTargets(store.db);
    expect(across?.assessment).toMatchObject({ status: 'insufficient_data' });
    expect(across?.assessment?.explanation.reasons[0]).toMatchObject({
      code: 'series_break',
      params: { year: 2021, baselineYear: 2018, latestYear: 2023 },
    });

    await inTransaction(store.db, (tx) =>
      reviseTarget(
        tx,
        added.id,
        reviseTargetSchema.parse({ baselineYear: 2021, baselineValue: 30, reason: 'NOA-L' }),
        {
          user: 'x',
          now: clock('2025-06-01T08:00:00Z'),
        },
      ),
    );
    const { current } = await showTarget(store.db, added.id);
    // 30 → 25 in two years against 30 → 24 in nine: far ahead of the required pace, and significant (n = 800).
    expect(current.assessment).toMatchObject({ status: 'on_track', uncertain: false });
    expect(current.assessment?.r).toBeGreaterThan(3);
  });

  it('leaves a survey observation below the minimum respondents out of what is published and assessed', async () => {
    const added = await add(chemicalTarget);
    await insertObservations(store.db, [
      observation(2021, 30, { lowercl: 26, uppercl: 34 }),
      observation(2023, 29, { lowercl: 25, uppercl: 33 }),
      observation(2025, 23, { respondents: 20, lowercl: 8, uppercl: 45 }),
    ]);
    const [listed] = await listTargets(store.db);
    expect(listed?.latest?.year).toBe(2023);
    const history = await showTarget(store.db, added.id);
    expect(history.observations.map((o) => o.year)).toEqual([2021, 2023]);
    expect(history.withheld).toEqual([]);
    expect(history.current.assessment?.explanation.latest?.year).toBe(2023);
    expect(history.current.assessment?.status).not.toBe('achieved');
    expect(history.current.assessment?.explanation.leftOut).toEqual([
      {
        year: 2025,
        code: 'below_min_respondents',
        params: { year: 2025, minRespondents: 50 },
        da: '2025: færre end 50 svarpersoner – ikke offentliggjort og ikke brugt i vurderingen',
        en: '2025: fewer than 50 respondents – not published and not used in the assessment',
      },
    ]);

    const steward = await showTarget(store.db, added.id, { includeWithheld: true });
    expect(steward.current).toEqual(history.current);
    expect(steward.withheld).toMatchObject([{ year: 2025, value: 23, respondents: 20 }]);
    expect(steward.withheld[0]?.warning.da).toContain('20 svarpersoner, færre end 50');

    // With a lower minimum the same point is published, and decides the status: the target is reached.
    const lower = { publication: { minRespondents: 20, note: '' } };
    const [counted] = await listTargets(store.db, {}, { settings: lower });
    expect(counted?.latest?.year).toBe(2025);
    expect(counted?.assessment?.status).toBe('achieved');
    expect(counted?.assessment?.explanation.leftOut).toEqual([]);
  });

  it('reports a missing target as not found', async () => {
    expect((await expectAppError(showTarget(store.db, 999))).code).toBe('not_found');
  });
});
