// Validating in a worker thread stores exactly what validating on the importing thread stores, and refuses a bad
// file with the same problems (file, row, column), on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { expectAppError } from '../../test/errors.js';
import { type TempFiles, tempFiles } from '../../test/imports/files.js';
import { writeAccidentsCsv } from '../../test/imports/generate-accidents.js';
import { dumpDatabase, seedStore } from '../../test/seed.js';
import { runImport } from './imports.service.js';
import { validatedChunksInWorker } from './validation-runner.js';

const actor = { user: 'steward', now: () => new Date('2026-12-01T08:00:00Z') };

describeEachDialect('validation in a worker thread', (dialect) => {
  let inThread: TestStore;
  let inWorker: TestStore;
  let files: TempFiles;
  beforeAll(async () => {
    [inThread, inWorker] = await Promise.all([freshStore(dialect), freshStore(dialect)]);
    await seedStore(inThread.db);
    await seedStore(inWorker.db);
    files = tempFiles();
  });
  afterAll(async () => {
    files.remove();
    await Promise.all([inThread.destroy(), inWorker.destroy()]);
  });

  it('stores the same records and aggregates as validation on the importing thread', async () => {
    const file = files.write('ulykker.csv', '');
    await writeAccidentsCsv(file, 7500);
    const a = await runImport(inThread, file, { kind: 'accidents', validateInWorker: false }, actor);
    const b = await runImport(inWorker, file, { kind: 'accidents', validateInWorker: true }, actor);
    const { timings: _a, seconds: _as, ...reportA } = a;
    const { timings: _b, seconds: _bs, ...reportB } = b;
    expect(reportB).toEqual(reportA);
    expect(a.rows).toBe(7500);
    expect(await dumpDatabase(inWorker.db)).toEqual(await dumpDatabase(inThread.db));
  });

  it('refuses a bad file with the same problems, naming file, row and column', async () => {
    const header = 'sagsnummer;registreringsdato;branchekode;alder;koen';
    const rows = Array.from({ length: 4500 }, (_, i) => `W-${i};2024-02-0${(i % 9) + 1};47.11;30;K`);
    rows[10] = 'W-10;2024-02-31;47.11;30;K';
    rows[3000] = 'W-3000;2024-02-01;tlf 4711;30;K';
    rows[4400] = 'W-4401;2024-02-01;47.11;30;K';
    const file = files.write('fejl.csv', `${header}\n${rows.join('\n')}\n`);
    const before = await dumpDatabase(inWorker.db);
    const thread = await expectAppError(
      runImport(inThread, file, { kind: 'accidents', validateInWorker: false }, actor),
    );
    const worker = await expectAppError(
      runImport(inWorker, file, { kind: 'accidents', validateInWorker: true }, actor),
    );
    expect(worker.issues).toEqual(thread.issues);
    expect(worker.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [12, 'registreringsdato'],
      [3002, 'branchekode'],
      [4403, undefined],
    ]);
    expect(await dumpDatabase(inWorker.db)).toEqual(before);
  });

  it('refuses a file whose validation needs more heap than allowed as out of memory', async () => {
    const file = files.write('stor.csv', '');
    await writeAccidentsCsv(file, 2000);
    const chunks = validatedChunksInWorker(
      {
        filePath: file,
        file: 'stor.csv',
        kind: 'accidents',
        fields: [
          { name: 'caseId', index: 0 },
          { name: 'registrationDate', index: 1 },
        ],
        constants: {},
        decimalComma: false,
        lookupTables: { groups: [], subs: [], codes: [], indicators: [], targets: [] },
        keyLabel: 'sagsnummer',
        aggregate: false,
      },
      { report: () => {} },
      4,
    );
    const error = await expectAppError(
      (async () => {
        for (let next = await chunks.next(); next.done !== true; next = await chunks.next());
      })(),
    );
    expect(error.code).toBe('out_of_memory');
    expect(error.issues[0]?.messageDa).toContain('del filen op i mindre filer');
  });
});
