// The write stage on both databases: rows land with their batch id; a key already stored is named with its row when
// keys are looked up, and nothing more is written; replacing saves the stored row and names its batch.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { Tx } from '../db/connect.js';
import type { Issue } from '../errors.js';
import { ChunkWriter } from './chunk-writer.js';
import { insertBatch } from './imports.repository.js';
import { accidentsKind } from './kinds/accidents.kind.js';
import { PackedRows, packRows } from './packed-rows.js';
import type { ValidatedRow } from './row-validation.js';

/** Rows as the validation worker sends them. */
const packed = (rows: ValidatedRow[]) => new PackedRows(packRows(rows, accidentsKind.columns.length));

function record(caseId: string): unknown[] {
  const row: unknown[] = accidentsKind.columns.map(() => null);
  const set = (column: string, value: unknown) => {
    row[accidentsKind.columns.indexOf(column)] = value;
  };
  set('case_id', caseId);
  set('registration_date', '2024-04-02');
  set('registration_year', 2024);
  set('branch_group_id', 1);
  set('age_band', 'unknown');
  set('sex', 'U');
  set('severity', 'unknown');
  set('fatal', 0);
  return row;
}

describeEachDialect('the import write stage', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
  });
  afterAll(async () => {
    await store.destroy();
  });

  const batch = (tx: Tx, name: string) =>
    insertBatch(tx, {
      kind: 'accidents',
      fileName: name,
      sha256: name,
      sizeBytes: 1,
      format: 'csv',
      sourceLabel: '',
      settings: '{}',
      rowCount: 0,
      status: 'committed',
      importedAt: '2026-12-01T00:00:00Z',
      importedBy: 'test',
      rolledBackAt: null,
      rolledBackBy: null,
      rollbackReason: null,
    });

  const writer = (tx: Tx, batchId: number, options: { replace?: boolean }, problems: Issue[]) =>
    new ChunkWriter({
      tx,
      target: store,
      kind: accidentsKind,
      table: 'accident',
      batchId,
      file: 'f.csv',
      keyLabel: 'sagsnummer',
      replace: options.replace === true,
      findDuplicates: true,
      actor: { user: 'test', now: () => new Date() },
      report: (problem) => problems.push(problem),
      failed: () => problems.length > 0,
    });

  it('writes rows with the batch id, names a stored key with its row, and replaces on request', async () => {
    const first = await store.db.transaction().execute(async (tx) => {
      const id = await batch(tx, 'a.csv');
      await writer(tx, id, {}, []).write(
        packed([
          { row: 2, values: record('K-1') },
          { row: 3, values: record('K-2') },
        ]),
      );
      return id;
    });
    const stored = await store.db
      .selectFrom('accident')
      .select(['caseId', 'batchId'])
      .orderBy('caseId')
      .execute();
    expect(stored.map((row) => [row.caseId, Number(row.batchId)])).toEqual([
      ['K-1', first],
      ['K-2', first],
    ]);

    const problems: Issue[] = [];
    await expect(
      store.db.transaction().execute(async (tx) => {
        const id = await batch(tx, 'b.csv');
        await writer(tx, id, {}, problems).write(
          packed([
            { row: 2, values: record('K-9') },
            { row: 3, values: record('K-2') },
          ]),
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(problems.map((problem) => [problem.row, problem.message])).toEqual([
      [3, 'this row is already in the database (use --replace to replace the stored row)'],
    ]);

    const replaced = await store.db.transaction().execute(async (tx) => {
      const id = await batch(tx, 'c.csv');
      const replacing = writer(tx, id, { replace: true }, []);
      await replacing.write(packed([{ row: 2, values: record('K-2') }]));
      return { replaced: replacing.replaced, batches: [...replacing.replacedBatches] };
    });
    expect(replaced).toEqual({ replaced: 1, batches: [first] });
  });
});
