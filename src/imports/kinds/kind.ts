// What an import kind declares: its fields, how a parsed row becomes a stored row, and its duplicate key.
import type { BulkTarget } from '../../db/bulk-insert.js';
import type { Tx } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import type { FieldSpec } from '../fields.js';
import type { Lookups } from '../lookups.js';
import type { Text } from '../texts.js';

export const IMPORT_KINDS = [
  'observations',
  'employment',
  'accidents',
  'diseases',
  'targets',
  'activities',
  'workplaces',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ParsedValue = string | number | boolean | null;

/** Reports a problem with one field of the current row, in English and Danish (the importer adds file, row and
 *  column). */
export type Report = (field: string, message: Text) => void;

/** A field's value of the current row as the user wrote it (the cell's text, or the mapping's constant): what
 *  Danish messages show, so that "30,5" is not echoed back as "30.5". */
export type Typed = (field: string) => string;

export interface KindDefinition {
  kind: ImportKind;
  /** The table the rows land in. */
  table: keyof Database &
    (
      | 'observation'
      | 'employment'
      | 'accident'
      | 'diseaseCase'
      | 'targetRevision'
      | 'workActivity'
      | 'workplaceCount'
    );
  fields: FieldSpec[];
  /** Database columns (snake_case) in the order `build` returns their values; `batch_id` is added last. */
  columns: string[];
  /** Columns (snake_case) that identify a row: a second row with the same values is a duplicate. Empty: none. */
  keyColumns: string[];
  /** The fields whose values make that key, as the user knows them (a duplicate is named by their headers). */
  keyFields: string[];
  /** The stored row's values (in `columns` order), or undefined when the row has problems (reported). `values` is
   *  the same object for every row of a file: read it, never keep it. */
  build(
    values: Record<string, ParsedValue>,
    lookups: Lookups,
    report: Report,
    typed: Typed,
  ): unknown[] | undefined;
  /** The database refuses a second row with the same key itself (a unique index): an import looks stored keys up
   *  only to replace them, and after the database refused one it runs again, looking every key up, to name each
   *  duplicate with its row. */
  keyUnique?: boolean;
  /** Fields that, when empty, exempt a row from duplicate detection (e.g. accidents without a case id). */
  keyOptional?: boolean;
  /** Stored rows are never replaced by an import (activities: edited records with links and history): `--replace`
   *  is refused with `replaceRefused`, and a row whose key is stored with `alreadyStored`. */
  keepStored?: { replaceRefused: Text; alreadyStored: Text };
  /** Rows belong to a BFA, and `build` refuses rows of any BFA but `lookups.work.onlyBfa()`: only such kinds may be
   *  imported limited to one BFA (a BFA editor's upload). */
  bfaScoped?: boolean;
  /** Checks that need more than one row (e.g. where a series break falls): a new checker per import, called
   *  with each built row; returns problems with that row. */
  crossRowCheck?(): (values: unknown[], report: Report) => void;
  /** Kinds whose rows go through a service instead of a bulk insert (target revisions keep their history rules).
   *  Returns problems by source row; the batch fails if there are any. */
  write?(
    tx: Tx,
    rows: { row: number; values: unknown[] }[],
    context: WriteContext,
  ): Promise<{ row: number; field: string; message: Text }[]>;
  /** Checked before a rollback removes this kind's rows; throws when the rollback would break history. */
  beforeRollback?(tx: Tx, batchId: number): Promise<void>;
  /** Called in the same transaction after an import or a rollback changed the rows of these batches (the batch
   *  itself and the batches whose rows it replaced or restored): derived data is brought up to date here. */
  afterWrite?(tx: Tx, batchIds: number[]): Promise<void>;
  /** Derived data summed while the batch's rows stream past, a new one per import: `add` sees each stored row (in
   *  `columns` order), `result` gives the sums as plain data (they may cross from a worker thread), and
   *  `storeAggregate` writes them for the batch. The other batches an import touched (rows it replaced) still go
   *  through `afterWrite`. */
  streamingAggregate?(): StreamingAggregate;
  storeAggregate?(tx: Tx, batchId: number, result: unknown, target: BulkTarget): Promise<void>;
}

export interface StreamingAggregate {
  add(values: readonly unknown[]): void;
  result(): unknown;
}

export interface WriteContext {
  batchId: number;
  user: string;
  now: () => Date;
}
