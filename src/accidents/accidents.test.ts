// Every accident measure on a small fixture, against figures computed by hand from the raw rows, on both
// databases; and the aggregates against a recomputation after imports and rollbacks.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accidentYear,
  ageBand,
  BANDS,
  employed,
  fixtureAccidents,
  isChemical,
  MAIN_GROUP,
  type RawAccident,
  type RawEmployment,
  registrationYear,
  severity,
  useAccidentFixture,
} from '../../test/accidents/fixture.js';
import { describeEachDialect, type TestStore } from '../../test/databases.js';
import type { TempFiles } from '../../test/imports/files.js';
import { inTransaction } from '../db/connect.js';
import { rollbackImport, runImport } from '../imports/imports.service.js';
import { clopperPearsonProportionCi, pheRate } from '../stats/index.js';
import { insertIndicator } from '../targets/indicators.repository.js';
import { addTargetSchema } from '../targets/targets.schemas.js';
import { addTarget, listTargets } from '../targets/targets.service.js';
import { ACCIDENT_INDICATOR_SOURCE, answerMeasure } from './accidents.service.js';
import {
  readLeaves,
  rebuildAccidentAggregates,
  recomputeLeaves,
  refreshAccidentAggregates,
} from './aggregates.repository.js';
import type { Axis } from './cube.js';
import type { AgeComparisonRow, LabourLossRow, StandardisedRow } from './measures.js';
import type { RateRow } from './rates.js';
import { DEFAULT_ACCIDENT_SETTINGS } from './settings.js';
import { AccidentStatistics } from './statistics.js';

const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };
const close = (actual: number | null, expected: number) => expect(actual).toBeCloseTo(expected, 9);

describeEachDialect('accident statistics on a hand-checked fixture', (dialect) => {
  let store: TestStore;
  let files: TempFiles;
  let records: RawAccident[];
  let employment: RawEmployment[];
  let batch2024: number;
  let statistics: AccidentStatistics;
  const ask = async <Row>(
    measure: Parameters<typeof answerMeasure>[2],
    query: Record<string, string | string[]>,
    unsuppressed = true,
  ) => {
    const raw = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
    return (await answerMeasure(store.db, statistics, measure, raw, { unsuppressed })) as unknown as {
      rows: Row[];
      meta: Record<string, unknown> & {
        convention: { code: string };
        excludedUndated: number;
        perEmployed?: number;
      };
    };
  };

  const workspace = useAccidentFixture(dialect);
  beforeAll(() => {
    ({ store, files } = workspace);
    ({ records, employment } = workspace.fixture);
    batch2024 = workspace.batches[1] ?? 0;
    statistics = new AccidentStatistics(store.db);
  });

  it('counts and rates by year and branch group equal the hand count per 10,000 employed', async () => {
    const { rows, meta } = await ask<RateRow>('rates', { mainGroup: 'handel', groupBy: 'year,branch' });
    expect(meta.convention.code).toBe('registration');
    expect(meta.perEmployed).toBe(10_000);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const x = records.filter((r) => r.branch === row.branch && registrationYear(r) === row.year).length;
      const n = employed(employment, { years: [row.year as number], branches: [row.branch as string] });
      expect(row.mainGroup).toBe('handel');
      expect(row.count).toBe(x);
      expect(row.denominator).toBe(n);
      close(row.value, (x / n) * 10_000);
      const ci = pheRate({ x, n }, { multiplier: 10_000, confidence: 0.95 });
      close(row.lowercl, ci.lowercl as number);
      close(row.uppercl, ci.uppercl as number);
    }
  });

  it('filters by age band and sex, and sums years as person-years', async () => {
    const { rows } = await ask<RateRow>('rates', {
      branch: ['butikker', 'engros'],
      ageBand: '15-24',
      sex: 'M',
    });
    expect(rows).toHaveLength(1);
    const x = records.filter(
      (r) => ['butikker', 'engros'].includes(r.branch) && ageBand(r) === '15-24' && r.sex === 'M',
    ).length;
    const n = employed(employment, {
      years: [2023, 2024],
      branches: ['butikker', 'engros'],
      ageBand: '15-24',
      sex: 'M',
    });
    expect(rows[0]?.count).toBe(x);
    expect(rows[0]?.denominator).toBe(n);
    close(rows[0]?.value ?? null, (x / n) * 10_000);
  });

  it('groups by age band, with no denominator where employment has no age breakdown', async () => {
    const { rows } = await ask<RateRow>('rates', {
      mainGroup: 'transport',
      groupBy: 'branch,ageBand',
      from: '2024',
      to: '2024',
    });
    for (const row of rows) {
      const x = records.filter(
        (r) => r.branch === row.branch && registrationYear(r) === 2024 && ageBand(r) === row.ageBand,
      ).length;
      expect(row.count).toBe(x);
      if (row.branch === 'transport-af-passagerer' || row.ageBand === 'unknown')
        expect(row.denominator).toBeNull();
      else
        expect(row.denominator).toBe(
          employed(employment, {
            years: [2024],
            branches: [row.branch as string],
            ageBand: row.ageBand as string,
          }),
        );
    }
    expect(rows.map((r) => r.ageBand)).toEqual([...BANDS, 'unknown', ...BANDS, 'unknown']);
  });

  it('counts by accident year when asked, leaving undated records out and saying so', async () => {
    const { rows, meta } = await ask<RateRow>('rates', {
      convention: 'accident',
      groupBy: 'year',
      mainGroup: 'handel',
    });
    expect(meta.convention.code).toBe('accident');
    expect(meta.excludedUndated).toBe(1);
    const handel = records.filter((r) => MAIN_GROUP[r.branch as keyof typeof MAIN_GROUP] === 'handel');
    expect(rows.map((r) => [r.year, r.count])).toEqual(
      [2023, 2024].map((year) => [year, handel.filter((r) => accidentYear(r) === year).length]),
    );
  });

  it('reports fatal accidents by accident year per 100,000 employed, published although small (exempt)', async () => {
    const { rows, meta } = await ask<RateRow>(
      'rates',
      { fatal: 'true', groupBy: 'year', branch: 'transport-af-gods' },
      false,
    );
    expect(meta.convention.code).toBe('accident');
    expect(meta.perEmployed).toBe(100_000);
    for (const row of rows) {
      const x = records.filter((r) => r.fatal && accidentYear(r) === row.year).length;
      expect(row.count).toBe(x);
      expect(row.suppressed).toBe(false);
      expect(row.exempt).toBe(true);
      const n = employed(employment, { years: [row.year as number], branches: ['transport-af-gods'] });
      close(row.value, (x / n) * 100_000);
    }
  });

  it('counts chemical exposures by branch group and year', async () => {
    const { rows } = await ask<RateRow>('rates', {
      chemical: 'true',
      groupBy: 'branch,year',
      mainGroup: 'handel',
    });
    for (const row of rows) {
      expect(row.count).toBe(
        records.filter((r) => isChemical(r) && r.branch === row.branch && registrationYear(r) === row.year)
          .length,
      );
    }
  });

  it('filters by severity', async () => {
    const { rows } = await ask<RateRow>('rates', { groupBy: 'severity', mainGroup: 'transport' });
    const transport = records.filter((r) => MAIN_GROUP[r.branch as keyof typeof MAIN_GROUP] === 'transport');
    expect(Object.fromEntries(rows.map((r) => [r.severity, r.count]))).toEqual(
      Object.fromEntries(
        ['fatal', 'serious', 'minor', 'unknown'].map((s) => [
          s,
          transport.filter((r) => severity(r) === s).length,
        ]),
      ),
    );
  });

  it('compares young workers and seniors with all ages: rate ratio with an exact interval', async () => {
    const { rows } = await ask<AgeComparisonRow>('age-comparison', {
      mainGroup: 'handel',
      from: '2023',
      to: '2023',
    });
    expect(rows.map((r) => r.band)).toEqual(['15-24', '55+']);
    const inScope = records.filter(
      (r) => MAIN_GROUP[r.branch as keyof typeof MAIN_GROUP] === 'handel' && registrationYear(r) === 2023,
    );
    const branches = ['butikker', 'engros'];
    const all = inScope.length;
    const everyone = employed(employment, { years: [2023], branches });
    for (const row of rows) {
      const bands = row.band === '15-24' ? ['15-24'] : ['55-64', '65+'];
      const x = inScope.filter((r) => bands.includes(ageBand(r))).length;
      const n = bands.reduce(
        (sum, band) => sum + employed(employment, { years: [2023], branches, ageBand: band }),
        0,
      );
      expect(row.count).toBe(x);
      expect(row.allAgesCount).toBe(all);
      close(row.rateRatio, x / n / (all / everyone));
      const share = clopperPearsonProportionCi({ x, n: all }, { multiplier: 1 });
      close(row.rateRatioLowercl, (share.lowercl as number) * (everyone / n));
      close(row.rateRatioUppercl, (share.uppercl as number) * (everyone / n));
    }
  });

  it('standardises incidence by branch structure with average employment as the standard (Dobson)', async () => {
    const { rows } = await ask<StandardisedRow>('standardised', { mainGroup: 'handel', groupBy: 'year' });
    const branches = ['butikker', 'engros'];
    const weight = (b: string) =>
      (employed(employment, { years: [2023], branches: [b] }) +
        employed(employment, { years: [2024], branches: [b] })) /
      2;
    for (const row of rows) {
      const year = row.year as number;
      const terms = branches.map((b) => {
        const x = records.filter((r) => r.branch === b && registrationYear(r) === year).length;
        return (x * weight(b)) / employed(employment, { years: [year], branches: [b] });
      });
      const expected =
        (terms.reduce((a, b) => a + b, 0) / branches.reduce((sum, b) => sum + weight(b), 0)) * 10_000;
      close(row.value, expected);
      expect(row.strata).toBe(2);
    }
  });

  it('turns days lost into full-time years, imputing severity midpoints for records without days', async () => {
    const { rows } = await ask<LabourLossRow>('labour-loss', { groupBy: 'branch', mainGroup: 'transport' });
    const midpoints = DEFAULT_ACCIDENT_SETTINGS.labourLoss.severityMidpointDays;
    for (const row of rows) {
      const mine = records.filter((r) => r.branch === row.branch);
      const stated = mine.reduce((sum, r) => sum + (r.daysLost ?? 0), 0);
      const imputed = mine
        .filter((r) => r.daysLost === null)
        .reduce((sum, r) => sum + midpoints[severity(r) as keyof typeof midpoints], 0);
      expect(row.daysStated).toBe(stated);
      expect(row.daysImputed).toBe(imputed);
      close(row.fullTimeYears, (stated + imputed) / 224);
    }
  });

  it('gives a series its progress assessment', async () => {
    const answer = await ask<RateRow>('trend', { branch: 'butikker' });
    expect(answer.rows.map((r) => r.year)).toEqual([2023, 2024]);
    const assessment = (answer as unknown as { assessment: { status: string } | null }).assessment;
    expect(assessment?.status).toBeTypeOf('string');
  });

  it('assesses a branch series against its target on an accident-register indicator', async () => {
    const x2023 = records.filter((r) => r.branch === 'butikker' && registrationYear(r) === 2023).length;
    const baseline = (x2023 / employed(employment, { years: [2023], branches: ['butikker'] })) * 10_000;
    await inTransaction(store.db, async (tx) => {
      const goal = await tx
        .selectFrom('goal')
        .select('id')
        .where('code', '=', 'accidents')
        .executeTakeFirstOrThrow();
      await insertIndicator(tx, {
        code: 'anmeldte-ulykker',
        nameDa: 'Anmeldte arbejdsulykker pr. 10.000 beskæftigede',
        nameEn: 'Reported work accidents per 10,000 employed',
        unit: 'per_10000',
        polarity: 'lower_is_better',
        dataSource: ACCIDENT_INDICATOR_SOURCE,
        methodBreakNotesDa: '',
        methodBreakNotesEn: '',
        goalId: goal.id,
        subProblemId: null,
        isDemo: 0,
      });
      await addTarget(
        tx,
        addTargetSchema.parse({
          indicator: 'anmeldte-ulykker',
          branchGroup: 'butikker',
          goal: 'accidents',
          baselineYear: 2023,
          baselineValue: baseline,
          targetYear: 2030,
          targetValue: baseline * 0.7,
        }),
        actor,
      );
    });
    const answer = (await ask<RateRow>('trend', { branch: 'butikker' })) as unknown as {
      target: { baselineYear: number; targetValue: number } | null;
      assessment: { status: string; explanation: unknown } | null;
    };
    expect(answer.target?.baselineYear).toBe(2023);
    close(answer.target?.targetValue ?? null, baseline * 0.7);
    expect(answer.assessment?.status).toBeTypeOf('string');
    // The target list assesses the same target from the same series.
    const [listed] = await listTargets(store.db, { branch: 'butikker' });
    const x2024 = records.filter((r) => r.branch === 'butikker' && registrationYear(r) === 2024).length;
    expect(listed?.latest?.year).toBe(2024);
    expect(listed?.latest?.count).toBe(x2024);
    close(
      listed?.latest?.value ?? null,
      (x2024 / employed(employment, { years: [2024], branches: ['butikker'] })) * 10_000,
    );
    expect(listed?.assessment?.status).toBe(answer.assessment?.status);
  });

  it('refuses unknown parameters and values, naming the parameter', async () => {
    await expect(ask('rates', { colour: 'red' })).rejects.toMatchObject({ issues: [{ field: 'colour' }] });
    await expect(ask('rates', { branch: 'nope' })).rejects.toMatchObject({ issues: [{ field: 'branch' }] });
    await expect(ask('rates', { ageBand: '20-30' })).rejects.toMatchObject({
      issues: [{ field: 'ageBand' }],
    });
    await expect(ask('rates', { groupBy: 'year,colour' })).rejects.toMatchObject({
      issues: [{ field: 'groupBy' }],
    });
    await expect(ask('rates', { from: '2030' })).rejects.toMatchObject({ issues: [{ field: 'from' }] });
  });

  describe('aggregates', () => {
    it('equal a recomputation from the records after imports', async () => {
      expect(await readLeaves(store.db)).toEqual(await recomputeLeaves(store.db, DEFAULT_ACCIDENT_SETTINGS));
    });

    it('equal a recomputation after a rollback, which removes exactly that batch, and after re-import', async () => {
      const before = await readLeaves(store.db);
      await rollbackImport(store, batch2024, actor, 'wrong file');
      const after = await readLeaves(store.db);
      expect(after).toEqual(await recomputeLeaves(store.db, DEFAULT_ACCIDENT_SETTINGS));
      expect(
        after.reduce((sum, leaf) => sum + (leaf.convention === 'registration' ? leaf.accidents : 0), 0),
      ).toBe(records.filter((r) => registrationYear(r) === 2023).length);
      const { rows } = await ask<RateRow>('rates', { groupBy: 'year', mainGroup: 'handel' });
      expect(rows.map((r) => r.year)).toEqual([2023]);
      const again = await runImport(
        store,
        files.write(
          'ulykker-2024-igen.csv',
          (await import('node:fs')).readFileSync(`${files.dir}/ulykker-2024.csv`),
        ),
        { kind: 'accidents' },
        actor,
      ).catch((error) => error);
      expect(again).not.toBeInstanceOf(Error);
      expect(await readLeaves(store.db)).toEqual(before);
    });
  });
});

describeEachDialect('accident aggregates and a change of the chemical codes', (dialect) => {
  const workspace = useAccidentFixture(dialect, [2023]);
  it('refuses to answer from aggregates built with other codes until they are rebuilt', async () => {
    const other = {
      ...DEFAULT_ACCIDENT_SETTINGS,
      chemical: { ...DEFAULT_ACCIDENT_SETTINGS.chemical, injuryTypes: ['010'] },
    };
    const { store } = workspace;
    const statistics = new AccidentStatistics(store.db, other);
    await expect(statistics.current()).rejects.toMatchObject({ code: 'conflict' });
    await inTransaction(store.db, (tx) => rebuildAccidentAggregates(tx, other));
    const data = await statistics.current();
    const chemical = data.cubes.registration;
    const records = fixtureAccidents().filter((r) => registrationYear(r) === 2023);
    const expected = records.filter((r) => r.injuryType === '010' || r.contactMode === '15').length;
    const axis = chemical.axes[5] as Axis;
    // The last block of cells: every dimension at its total except chemical.
    const cell = chemical.counts.length - axis.size + (axis.index.get('1') as number);
    expect(chemical.counts[cell]).toBe(expected);
    // A refresh under the defaults again rebuilds everything rather than mixing two classifications.
    await inTransaction(store.db, (tx) => refreshAccidentAggregates(tx, DEFAULT_ACCIDENT_SETTINGS, [1]));
    expect(await readLeaves(store.db)).toEqual(await recomputeLeaves(store.db, DEFAULT_ACCIDENT_SETTINGS));
  });
});
