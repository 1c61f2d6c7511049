// The import's stage clock books time to the stage that spent it, and an import reports every stage, on both
// databases; `--timings` prints them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { type TempFiles, tempFiles } from '../../test/imports/files.js';
import { writeAccidentsCsv } from '../../test/imports/generate-accidents.js';
import { seedStore } from '../../test/seed.js';
import { runImport } from './imports.service.js';
import { describeTimings, STAGES, StageClock } from './stage-clock.js';

it('books the time since the last mark to the stage named', async () => {
  const clock = new StageClock();
  clock.start();
  await new Promise((resolve) => setTimeout(resolve, 30));
  clock.mark('write');
  clock.mark('read');
  const totals = clock.totals();
  expect(totals.write).toBeGreaterThanOrEqual(0.025);
  expect(totals.read).toBeLessThan(0.01);
  expect(describeTimings({ hash: 1, read: 2, validate: 3, aggregate: 0, write: 4, finish: 0 })).toBe(
    'hash 1.00 s (10 %), read 2.00 s (20 %), validate 3.00 s (30 %), aggregate 0.00 s (0 %), write 4.00 s (40 %), finish 0.00 s (0 %)',
  );
});

describeEachDialect('import stages', (dialect) => {
  let store: TestStore;
  let files: TempFiles;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
    files = tempFiles();
  });
  afterAll(async () => {
    files.remove();
    await store.destroy();
  });

  it('reports the seconds of every stage, and the CLI prints them with --timings', async () => {
    const file = files.write('placeholder.csv', '');
    await writeAccidentsCsv(file, 5000);
    const report = await runImport(store, file, { kind: 'accidents' }, { user: 't', now: () => new Date() });
    expect(Object.keys(report.timings ?? {})).toEqual([...STAGES]);
    expect(report.timings?.read).toBeGreaterThan(0);
    expect(report.timings?.write).toBeGreaterThan(0);
    const other = files.write('other.csv', '');
    await writeAccidentsCsv(other, 300, 7);
    const printed = await cli([
      'import',
      other,
      '--kind',
      'accidents',
      '--replace',
      '--timings',
      '--database',
      store.setting,
    ]);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toMatch(
      /Import: [\d.]+ s; stages: hash [\d.]+ s \(\d+ %\), read .* finish [\d.]+ s \(\d+ %\)/,
    );
  });
});
