// The import's write stage: each chunk of validated rows is checked against the stored rows where the database does
// not refuse a repeated key itself (or the rows are to replace stored ones), then written in bulk with the batch id;
// a kind with rules of its own (target revisions) writes through its service. Nothing more is written once a problem
// was found anywhere in the file: the transaction will roll back.
import { type BulkStream, type BulkTarget, bulkInsert, openBulkStream } from '../db/bulk-insert.js';
import type { Tx } from '../db/connect.js';
import type { Issue } from '../errors.js';
import { type ImportTable, rowsWithKeys, saveReplacedRows } from './imports.repository.js';
import type { KindDefinition } from './kinds/kind.js';
import type { RowChunk } from './packed-rows.js';
import { bilingual, issue } from './texts.js';

export interface ChunkWriterSetup {
  tx: Tx;
  target: BulkTarget;
  kind: KindDefinition;
  table: ImportTable;
  batchId: number;
  file: string;
  keyLabel: string;
  replace: boolean;
  /** Look every key up, also where a unique index would refuse a repeated one (naming each duplicate's row). */
  findDuplicates: boolean;
  actor: { user: string; now: () => Date };
  report: (problem: Issue) => void;
  /** True once any stage found a problem. */
  failed: () => boolean;
}

const DUPLICATE_IN_FILE = bilingual(
  'duplicates an earlier row of this file',
  'er en gentagelse af en tidligere række i filen',
);
const ALREADY_STORED = bilingual(
  'this row is already in the database (use --replace to replace the stored row)',
  'rækken findes allerede i databasen (brug --replace for at erstatte den gemte række)',
);

export class ChunkWriter {
  /** Stored rows this batch replaced. */
  replaced = 0;
  /** Other batches whose rows it replaced (their derived data must be refreshed). */
  readonly replacedBatches = new Set<number>();
  private readonly keyIndexes: number[];
  private readonly probe: boolean;
  private stream: BulkStream | undefined;

  constructor(private readonly setup: ChunkWriterSetup) {
    const { kind } = setup;
    this.keyIndexes = kind.keyColumns.map((column) => kind.columns.indexOf(column));
    this.probe =
      this.keyIndexes.length > 0 && (kind.keyUnique !== true || setup.replace || setup.findDuplicates);
  }

  async write(chunk: RowChunk): Promise<void> {
    if (chunk.length === 0) return;
    if (this.probe) await this.checkStoredKeys(chunk);
    if (this.setup.failed()) return;
    const { tx, target, kind, table, batchId, file, actor } = this.setup;
    if (kind.write !== undefined) {
      const problems = await kind.write(tx, chunk.entries(), { batchId, user: actor.user, now: actor.now });
      for (const problem of problems)
        this.setup.report(issue(problem.field, problem.message, { file, row: problem.row }));
      return;
    }
    const columns = [...kind.columns, 'batch_id'];
    // Without look-ups between chunks, the chunks go into one insert (on PostgreSQL one COPY for the whole file).
    if (this.probe) await bulkInsert(tx, target, table, columns, chunk, { trailing: [batchId] });
    else {
      this.stream ??= openBulkStream(tx, target, table, columns, { trailing: [batchId] });
      await this.stream.write(chunk);
    }
  }

  /** Ends the insert the chunks went into; rejects with its error (a refused duplicate, say). */
  async finish(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    await stream?.end();
  }

  /** Ends the insert after a failure elsewhere, so the transaction can roll back (its own error is not the news). */
  async abandon(): Promise<void> {
    await this.finish().catch(() => {});
  }

  /** Rows whose key is stored: of this batch (an earlier chunk) a duplicate in the file, of another batch a
   *  duplicate of stored data, unless the import replaces it. */
  private async checkStoredKeys(chunk: RowChunk): Promise<void> {
    const { tx, kind, table, batchId, file, keyLabel, replace } = this.setup;
    const { keyIndexes } = this;
    const keyed = chunk.entries().filter((entry) => keyIndexes.every((i) => entry.values[i] !== null));
    const stored = await rowsWithKeys(
      tx,
      table,
      kind.keyColumns,
      keyed.map((entry) => keyIndexes.map((i) => entry.values[i])),
    );
    const camel = (column: string) => column.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());
    const keyOf = (row: Record<string, unknown>) => JSON.stringify(kind.keyColumns.map((c) => row[camel(c)]));
    const ours = new Set(stored.filter((row) => row.batchId === batchId).map(keyOf));
    const others = stored.filter((row) => row.batchId !== batchId);
    const otherKeys = new Set(others.map(keyOf));
    if (replace && others.length > 0) {
      await saveReplacedRows(tx, batchId, table, others);
      this.replaced += others.length;
      for (const row of others) this.replacedBatches.add(Number(row.batchId));
    }
    for (const entry of keyed) {
      const key = JSON.stringify(keyIndexes.map((i) => entry.values[i]));
      const problem = ours.has(key)
        ? DUPLICATE_IN_FILE
        : !replace && otherKeys.has(key)
          ? (kind.keepStored?.alreadyStored ?? ALREADY_STORED)
          : null;
      if (problem !== null) this.setup.report(issue(keyLabel, problem, { file, row: entry.row }));
    }
  }
}
