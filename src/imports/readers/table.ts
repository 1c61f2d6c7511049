// What every format reader produces: detected settings, the column names and a stream of raw rows.

export const FORMATS = ['csv', 'xlsx', 'json-stat', 'px', 'sdmx-csv'] as const;
export type Format = (typeof FORMATS)[number];

/** What the reader found out (or was told) about the file; shown in previews and kept with the batch. */
export interface DetectedSettings {
  format: Format;
  /** Text encoding: 'utf-8' or 'windows-1252' (Latin-1 files are read as Windows-1252, a superset). */
  encoding?: 'utf-8' | 'windows-1252';
  /** True when the file started with a UTF-8 byte-order mark. */
  bom?: boolean;
  /** CSV field delimiter. */
  delimiter?: ',' | ';' | '\t';
  /** True when numbers in the file use a decimal comma (12,5); readers only detect it, the importer parses. */
  decimalComma?: boolean;
  /** XLSX: the sheet read, and every sheet name in the workbook. */
  sheet?: string;
  sheets?: string[];
  /** 1-based row of the header (XLSX, CSV). */
  headerRow?: number;
  /** Cube formats (JSON-stat, PX): the dimension ids, in order. */
  dimensions?: string[];
  /** Anything else worth showing (e.g. PX TITLE, JSON-stat label, SDMX dataflow). */
  title?: string;
}

/** A cell as read: text, a number (XLSX numeric cells, cube values), or null (empty / missing marker). */
export type RawValue = string | number | null;

export interface RawRow {
  /** The row's number as the user sees it in the source: the line in a CSV (header = 1), the sheet row in XLSX,
   *  the 1-based observation number in a cube format. Used in every error message. */
  row: number;
  /** One value per column, in the order of `columns`. Never longer or shorter: ragged rows are errors. */
  values: RawValue[];
}

export interface OpenedTable {
  settings: DetectedSettings;
  /** Column names as in the file (trimmed). For cube formats: per dimension `<id>` (category code) and
   *  `<id>_label` (category label), then `value`, then `status` (the raw missing marker, e.g. "..", else null). */
  columns: string[];
  /** Streamed rows; memory must not grow with the file's size. */
  rows: AsyncIterable<RawRow>;
}

/**
 * Rows a reader produces in batches (a CSV chunk's records): iterable row by row like any table's rows, and batch by
 * batch where the caller can (one promise per batch instead of one per row). A table whose rows are reshaped gets
 * new rows, so a batched reading is never used past a reshaping.
 */
export class BatchedRows implements AsyncIterable<RawRow> {
  constructor(private readonly open: () => AsyncIterator<RawRow[]>) {}

  batches(): AsyncIterable<RawRow[]> {
    return { [Symbol.asyncIterator]: this.open };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RawRow> {
    for await (const batch of this.batches()) yield* batch;
  }
}

/** A table's rows in batches: the reader's own where it has them, else one row each. */
export async function* rowBatches(rows: AsyncIterable<RawRow>): AsyncGenerator<RawRow[]> {
  if (rows instanceof BatchedRows) {
    yield* rows.batches();
    return;
  }
  for await (const row of rows) yield [row];
}

export interface ReadOptions {
  /** Force a format instead of detecting it from the extension and content. */
  format?: Format;
  /** XLSX: the sheet to read by name (default: the first). */
  sheet?: string;
  /** XLSX/CSV: 1-based header row (default: 1). */
  headerRow?: number;
  /** Override detection. */
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: ',' | ';' | '\t';
  /** Refuse rows with more columns than this (protects against pathological files). Default 1000. */
  maxColumns?: number;
  /** The name used for the file in error messages (default: the path's base name). */
  displayName?: string;
}
