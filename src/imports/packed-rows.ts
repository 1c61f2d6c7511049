// A chunk of validated rows packed by column to cross from the validation worker to the writer: the file's row
// numbers in an Int32Array, and each column either as codes (Int32Array) into the chunk's few distinct values (sex,
// age band, dates, codes: most columns repeat) or, where values rarely repeat (a case number), as a plain array.
// The typed arrays are transferred, not copied; the writer reads cells straight from them without building a row
// object per record.
import type { RowTable } from '../db/bulk-insert.js';
import type { ValidatedRow } from './row-validation.js';

type PackedColumn = { codes: Int32Array; values: unknown[] } | { codes: null; values: unknown[] };

/** What crosses between threads (plain data: structured clone keeps no class). */
export interface PackedData {
  rowNumbers: Int32Array;
  columns: PackedColumn[];
}

/** A column's distinct values beyond this share of its rows are sent as they are, not as codes. */
const DISTINCT_SHARE = 0.25;

function packColumn(rows: readonly ValidatedRow[], column: number): PackedColumn {
  const codes = new Int32Array(rows.length);
  const values: unknown[] = [];
  const seen = new Map<unknown, number>();
  const limit = Math.max(16, rows.length * DISTINCT_SHARE);
  for (let row = 0; row < rows.length; row++) {
    const value = (rows[row] as ValidatedRow).values[column];
    let code = seen.get(value);
    if (code === undefined) {
      if (values.length >= limit) return { codes: null, values: rows.map((entry) => entry.values[column]) };
      code = values.length;
      values.push(value);
      seen.set(value, code);
    }
    codes[row] = code;
  }
  return { codes, values };
}

/** Pack rows that all have `width` values. */
export function packRows(rows: readonly ValidatedRow[], width: number): PackedData {
  return {
    rowNumbers: Int32Array.from(rows, (entry) => entry.row),
    columns: Array.from({ length: width }, (_, column) => packColumn(rows, column)),
  };
}

/** True for packed rows (a kind's summed data may travel packed too). */
export function isPackedData(value: unknown): value is PackedData {
  return (
    typeof value === 'object' && value !== null && (value as PackedData).rowNumbers instanceof Int32Array
  );
}

/** The buffers to transfer with a packed chunk (then unusable on the sending side). */
export function transferables(data: PackedData): ArrayBuffer[] {
  const buffers = [data.rowNumbers.buffer, ...data.columns.flatMap((column) => column.codes?.buffer ?? [])];
  return buffers as ArrayBuffer[];
}

/** A chunk of rows to write: cell by cell for bulk inserts, or as row objects where a row is needed whole. */
export interface RowChunk extends RowTable {
  rowNumber(index: number): number;
  entries(): ValidatedRow[];
}

/** The packed rows, read in place. */
export class PackedRows implements RowChunk {
  readonly length: number;

  constructor(private readonly data: PackedData) {
    this.length = data.rowNumbers.length;
  }

  cell(row: number, column: number): unknown {
    const packed = this.data.columns[column] as PackedColumn;
    return packed.codes === null ? packed.values[row] : packed.values[packed.codes[row] as number];
  }

  rowNumber(index: number): number {
    return this.data.rowNumbers[index] as number;
  }

  entries(): ValidatedRow[] {
    const width = this.data.columns.length;
    return Array.from({ length: this.length }, (_, row) => ({
      row: this.rowNumber(row),
      values: Array.from({ length: width }, (_, column) => this.cell(row, column)),
    }));
  }
}

/** Rows validated on the writer's own thread, as a chunk. */
export class PlainRows implements RowChunk {
  readonly length: number;

  constructor(private readonly rows: readonly ValidatedRow[]) {
    this.length = rows.length;
  }

  cell(row: number, column: number): unknown {
    return (this.rows[row] as ValidatedRow).values[column];
  }

  rowNumber(index: number): number {
    return (this.rows[index] as ValidatedRow).row;
  }

  entries(): ValidatedRow[] {
    return [...this.rows];
  }
}
