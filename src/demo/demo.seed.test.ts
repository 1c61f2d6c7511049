import { afterEach, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { dumpDatabase, seedStore } from '../../test/seed.js';
import { inTransaction } from '../db/connect.js';
import { employmentTotals } from '../employment/employment.repository.js';
import { AppError } from '../errors.js';
import { loadReferenceData } from '../reference/reference.data.js';
import { listTargets } from '../targets/targets.service.js';
import { generateDemoData } from './demo.generator.js';
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
    const targets = await listTargets(db);
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
