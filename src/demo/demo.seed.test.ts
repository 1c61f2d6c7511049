import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { dumpDatabase, seedStore } from '../../test/seed.js';
import { readLeaves, recomputeLeaves } from '../accidents/aggregates.repository.js';
import { DEFAULT_ACCIDENT_SETTINGS } from '../accidents/settings.js';
import { inTransaction } from '../db/connect.js';
import { employmentTotals } from '../employment/employment.repository.js';
import { AppError } from '../errors.js';
import { AGE_BANDS } from '../imports/kinds/employment.kind.js';
import { loadReferenceData } from '../reference/reference.data.js';
import { listTargets } from '../targets/targets.service.js';
import { DEMO_LABEL_DA, generateDemoData } from './demo.generator.js';
import { holdsDemoData, seedDemo } from './demo.seed.js';

describeEachDialect('demo data', (dialect) => {
  const stores: TestStore[] = [];
  const store = async () => {
    const created = await freshStore(dialect);
    stores.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.destroy()));
  });

  it('gives one demo target per matrix row, with baseline, target, owner and a latest observation', async () => {
    const { db } = await store();
    await seedStore(db, { demo: true });
    const all = await listTargets(db);
    const targets = all.filter((target) => target.scope === 'branch');
    expect(targets).toHaveLength(loadReferenceData().branchProblems.length);
    for (const target of targets) {
      expect(target.isDemo).toBe(true);
      expect(target.owner).not.toBeNull();
      expect(target.baseline.year).toBe(2021);
      expect(target.target).toMatchObject({ year: 2030 });
      expect(target.target.value).toBeLessThan(target.baseline.value);
      expect(target.latest?.year).toBe(2025);
      expect(target.latest?.lowercl).toBeLessThan(target.latest?.value ?? 0);
    }
    expect(await holdsDemoData(db)).toBe(true);
    // One national target on reported accidents per 10,000 employed, assessed from the accident records.
    const national = all.filter((target) => target.scope === 'national');
    expect(national.map((t) => [t.indicator.code, t.indicator.dataSource, t.baseline.year])).toEqual([
      ['anmeldte-ulykker', 'accident-register', 2019],
    ]);
    const [register] = national;
    expect(register?.latest?.year).toBe(2025);
    expect(register?.latest?.count).toBeGreaterThan(0);
    expect(register?.assessment?.status).toBeTypeOf('string');
  });

  it('records the method break at 2021 and keeps about 3 million employed', async () => {
    const { db } = await store();
    await seedStore(db, { demo: true });
    const breaks = await db
      .selectFrom('observation')
      .select(['year', 'seriesLabel'])
      .where('seriesBreak', '=', 1)
      .execute();
    expect(new Set(breaks.map((row) => `${row.year} ${row.seriesLabel}`))).toEqual(new Set(['2021 NOA-L']));
    const years = await db.selectFrom('observation').select('year').distinct().orderBy('year').execute();
    expect(years.map((row) => row.year)).toEqual([2012, 2014, 2016, 2018, 2021, 2023, 2025]);
    const totals = await employmentTotals(db);
    expect(totals.map((row) => row.year)).toEqual(Array.from({ length: 14 }, (_, i) => 2012 + i));
    for (const row of totals) expect(row.employed).toBeGreaterThan(2_600_000);
    for (const row of totals) expect(row.employed).toBeLessThan(3_300_000);
  });

  it('is idempotent: seeding again changes nothing', async () => {
    const { db } = await store();
    await seedStore(db, { demo: true });
    const first = await dumpDatabase(db);
    await seedStore(db, { demo: true });
    expect(await dumpDatabase(db)).toEqual(first);
  });

  it('gives identical data for the same seed in two databases, different data for another seed', async () => {
    const [a, b, c] = [await store(), await store(), await store()];
    await seedStore(a.db, { demo: true, seed: 7 });
    await seedStore(b.db, { demo: true, seed: 7 });
    await seedStore(c.db, { demo: true, seed: 8 });
    expect(await dumpDatabase(a.db)).toEqual(await dumpDatabase(b.db));
    expect(await dumpDatabase(c.db)).not.toEqual(await dumpDatabase(a.db));
  });

  it('writes the accident records as one committed demo batch, with aggregates summing to its records', async () => {
    const target = await store();
    const { db } = target;
    await seedStore(db);
    const outcome = await inTransaction(db, (tx) =>
      seedDemo(tx, loadReferenceData(), 7, { accidentScale: 0.02, bulk: target }),
    );
    const batch = await db.selectFrom('importBatch').selectAll().executeTakeFirstOrThrow();
    expect(batch).toEqual({
      id: batch.id,
      kind: 'accidents',
      fileName: 'demodata',
      sha256: createHash('sha256').update('demo-accidents:7:0.02').digest('hex'),
      sizeBytes: 0,
      format: 'demo',
      sourceLabel: DEMO_LABEL_DA,
      settings: JSON.stringify({ seed: 7, scale: 0.02 }),
      rowCount: outcome.counts.accident,
      replacedCount: 0,
      status: 'committed',
      importedAt: '2026-01-15T00:00:00.000Z',
      importedBy: 'demo',
      rolledBackAt: null,
      rolledBackBy: null,
      rollbackReason: null,
    });
    const records = await db
      .selectFrom('accident')
      .select(['registrationYear', 'accidentYear', 'fatal', 'batchId'])
      .execute();
    expect(records.length).toBe(outcome.counts.accident);
    expect(records.length).toBeGreaterThan(12_000);
    expect(records.every((row) => row.batchId === batch.id)).toBe(true);

    const sums = await db
      .selectFrom('accidentAggregate')
      .select(['convention', (eb) => eb.fn.sum<number>('accidents').as('accidents')])
      .where('batchId', '=', batch.id)
      .groupBy('convention')
      .orderBy('convention')
      .execute();
    // The accident convention leaves records without an accident date out.
    expect(sums.map((row) => [row.convention, Number(row.accidents)])).toEqual([
      ['accident', records.filter((row) => row.accidentYear !== null).length],
      ['registration', records.length],
    ]);
    expect(await readLeaves(db)).toEqual(await recomputeLeaves(db, DEFAULT_ACCIDENT_SETTINGS));
    const fatal = (await readLeaves(db)).filter(
      (leaf) => leaf.convention === 'accident' && leaf.severity === 'fatal',
    );
    expect(fatal.reduce((sum, leaf) => sum + leaf.accidents, 0)).toBe(
      records.filter((r) => r.fatal === 1).length,
    );
  });

  it('writes the same records with and without the bulk insert', async () => {
    const [a, b] = [await store(), await store()];
    await seedStore(a.db, { demo: true, seed: 7, accidentScale: 0.01, bulk: a });
    await seedStore(b.db, { demo: true, seed: 7, accidentScale: 0.01 });
    expect(await dumpDatabase(a.db)).toEqual(await dumpDatabase(b.db));
  });

  it('stores employment by age band and sex beside the totals', async () => {
    const { db } = await store();
    await seedStore(db, { demo: true });
    const rows = await db
      .selectFrom('employment')
      .select(['branchGroupId', 'year', 'ageBand', 'sex', 'employed'])
      .execute();
    const groups = loadReferenceData().branchGroups.length;
    expect(rows).toHaveLength(groups * 14 * (1 + AGE_BANDS.length * 2));
    const sums = new Map<string, number>();
    for (const row of rows.filter((r) => r.ageBand !== 'all'))
      sums.set(
        `${row.branchGroupId} ${row.year}`,
        (sums.get(`${row.branchGroupId} ${row.year}`) ?? 0) + row.employed,
      );
    for (const row of rows.filter((r) => r.ageBand === 'all')) {
      expect(row.sex).toBe('all');
      expect(sums.get(`${row.branchGroupId} ${row.year}`)).toBe(row.employed);
    }
  });

  it('refuses a second seed over existing demo data', async () => {
    const { db } = await store();
    await seedStore(db, { demo: true, seed: 7 });
    const attempt = inTransaction(db, (tx) => seedDemo(tx, loadReferenceData(), 8));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
  });
});

it('generates the same data for the same seed (pure generator)', () => {
  const reference = loadReferenceData();
  expect(generateDemoData(reference, 11)).toEqual(generateDemoData(reference, 11));
  expect(generateDemoData(reference, 11)).not.toEqual(generateDemoData(reference, 12));
});

describe('demo employment by age band and sex (pure generator)', () => {
  const employment = generateDemoData(loadReferenceData(), 2030).employment;
  const totals = employment.filter((row) => row.ageBand === 'all');
  const cells = employment.filter((row) => row.ageBand !== 'all');
  const cellsOf = (branch: string) => cells.filter((row) => row.branchGroup === branch);
  const share = (rows: typeof cells, keep: (row: (typeof cells)[number]) => boolean) =>
    rows.filter(keep).reduce((sum, row) => sum + row.employed, 0) /
    rows.reduce((sum, row) => sum + row.employed, 0);

  it('sums exactly to the total row of every branch group and year', () => {
    expect(totals).toHaveLength(loadReferenceData().branchGroups.length * 14);
    for (const total of totals) {
      expect(total.sex).toBe('all');
      const own = cells.filter((row) => row.branchGroup === total.branchGroup && row.year === total.year);
      expect(own.map((row) => `${row.ageBand} ${row.sex}`)).toEqual(
        AGE_BANDS.flatMap((band) => [`${band} K`, `${band} M`]),
      );
      for (const row of own) expect(row.employed).toBeGreaterThanOrEqual(0);
      expect(own.reduce((sum, row) => sum + row.employed, 0)).toBe(total.employed);
    }
  });

  it('gives each branch group its own women’s share and age structure', () => {
    const women = (branch: string) => share(cellsOf(branch), (row) => row.sex === 'K');
    expect(women('faerdiggoerelse-af-byggeri')).toBeLessThan(0.14);
    expect(women('doegninstitutioner-og-hjemmepleje')).toBeGreaterThan(0.78);
    expect(women('daginstitutioner')).toBeGreaterThan(0.75);
    expect(women('kontor')).toBeGreaterThan(0.4);
    expect(women('kontor')).toBeLessThan(0.5);
    const young = (branch: string) => share(cellsOf(branch), (row) => row.ageBand === '15-24');
    const older = (branch: string) =>
      share(cellsOf(branch), (row) => row.ageBand === '55-64' || row.ageBand === '65+');
    expect(young('restauranter-og-barer')).toBeGreaterThan(2 * young('landbrug-skovbrug-og-fiskeri'));
    expect(young('butikker')).toBeGreaterThan(0.25);
    expect(older('religioese-institutioner-og-begravelsesvaesen')).toBeGreaterThan(
      2 * older('restauranter-og-barer'),
    );
    expect(older('landbrug-skovbrug-og-fiskeri')).toBeGreaterThan(0.3);
    const all = share(cells, (row) => row.ageBand === '15-24');
    expect(all).toBeGreaterThan(0.1);
    expect(all).toBeLessThan(0.2);
  });
});
