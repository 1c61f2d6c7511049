// The import's validation stage: raw rows in, stored rows out, in chunks. Each row's cells are parsed by their
// fields, the kind builds the stored row (codes resolved through the look-ups), checks that span rows run, and keys
// repeated within a chunk are caught (later chunks meet earlier ones in the database). The batch's derived data is
// summed as rows pass. Problems go to `report` with file, row and column; a row with one is not passed on. Runs
// on the importing thread or in a worker (validation.worker.ts); either way the same code decides.
import type { Issue } from '../errors.js';
import { cellText, compileField, type FieldSpec, isMissingMarker } from './fields.js';
import type { KindDefinition, ParsedValue, StreamingAggregate } from './kinds/kind.js';
import type { Lookups } from './lookups.js';
import { type OpenedTable, type RawRow, rowBatches } from './readers/table.js';
import type { StageClock } from './stage-clock.js';
import { bilingual, issue, type Text } from './texts.js';

/** Rows validated and written together; bounds memory whatever the file's size. */
export const CHUNK_ROWS = 2000;
const PROGRESS_EVERY = 5000;

export interface ValidationSetup {
  kind: KindDefinition;
  /** The table as the mapping shaped it. */
  table: OpenedTable;
  fields: { spec: FieldSpec; index: number }[];
  constants: Record<string, ParsedValue>;
  decimalComma: boolean;
  lookups: Lookups;
  file: string;
  /** The file's own headers of the key's fields (Branchegruppe+År), naming a duplicate. */
  keyLabel: string;
  /** Sum the kind's derived data as rows pass (not for a dry run). */
  aggregate: boolean;
}

export interface ValidatedRow {
  row: number;
  values: unknown[];
}

export interface ValidationSummary {
  /** Data rows read (not counting skipped ones). */
  rows: number;
  /** Cells marked as not published (e.g. ".."), left out. */
  skipped: number;
  /** The derived data summed over the rows passed on (`StreamingAggregate.result`), if the kind has any. */
  aggregate: unknown;
}

export interface ValidationHooks {
  report: (problem: Issue) => void;
  clock: StageClock;
  onProgress?: (rows: number) => void;
}

/** Chunks of valid stored rows (at most CHUNK_ROWS each), then the summary. */
export async function* validatedChunks(
  setup: ValidationSetup,
  hooks: ValidationHooks,
): AsyncGenerator<ValidatedRow[], ValidationSummary> {
  const { table, kind } = setup;
  const { clock } = hooks;
  const check = new RowCheck(setup, hooks.report);
  const streaming: StreamingAggregate | undefined = setup.aggregate ? kind.streamingAggregate?.() : undefined;
  let chunk: ValidatedRow[] = [];
  let rows = 0;
  let skipped = 0;
  clock.mark('validate');
  for await (const batch of rowBatches(table.rows)) {
    clock.mark('read');
    for (const raw of batch) {
      if (check.unpublished(raw)) {
        skipped++;
        continue;
      }
      rows++;
      if (rows % PROGRESS_EVERY === 0) hooks.onProgress?.(rows);
      const built = check.build(raw);
      if (built === undefined) continue;
      chunk.push({ row: raw.row, values: built });
      clock.mark('validate');
      streaming?.add(built);
      clock.mark('aggregate');
      if (chunk.length >= CHUNK_ROWS) {
        yield chunk;
        chunk = [];
        check.newChunk();
      }
    }
    clock.mark('validate');
  }
  if (chunk.length > 0) yield chunk;
  return { rows, skipped, aggregate: streaming?.result() };
}

/** One row's checks, with the state they keep between rows (keys seen in the chunk, checks across rows). */
class RowCheck {
  private readonly keyIndexes: number[];
  private readonly seen = new Map<string, number>();
  private readonly crossRow:
    | ((values: unknown[], report: (field: string, message: Text) => void) => void)
    | undefined;
  private readonly headerOf: Map<string, string>;
  private readonly indexOf: Map<string, number>;
  private readonly unmapped: string[];
  private readonly valueIndex: number;
  private readonly requiredNumbers: number[];
  /** Each mapped field's column and its parser, compiled once for the file. */
  private readonly parsers: {
    name: string;
    index: number;
    column: string;
    parse: ReturnType<typeof compileField>;
  }[];
  /** One row's parsed values, reused for every row (constants and unmapped fields set once; `kind.build` reads them
   *  and keeps nothing): no object per row. */
  private readonly values: Record<string, ParsedValue>;
  private currentRow = 0;
  private currentValues: RawRow['values'] = [];
  private problems = 0;

  constructor(
    private readonly setup: ValidationSetup,
    private readonly report: (problem: Issue) => void,
  ) {
    const { kind, table, fields } = setup;
    this.keyIndexes = kind.keyColumns.map((column) => kind.columns.indexOf(column));
    this.crossRow = kind.crossRowCheck?.();
    this.headerOf = new Map(fields.map(({ spec, index }) => [spec.name, table.columns[index] ?? spec.name]));
    this.indexOf = new Map(fields.map(({ spec, index }) => [spec.name, index]));
    this.parsers = fields.map(({ spec, index }) => ({
      name: spec.name,
      index,
      column: table.columns[index] ?? spec.name,
      parse: compileField(spec, setup.decimalComma),
    }));
    this.unmapped = kind.fields
      .filter((spec) => !fields.some((f) => f.spec === spec))
      .map((spec) => spec.name);
    this.values = { ...Object.fromEntries(this.unmapped.map((name) => [name, null])), ...setup.constants };
    // A cube's unpublished cells carry no number (JSON-stat's null, PX's ".." markers, with or without a status):
    // they are skipped and counted instead of failing the required value.
    const isCube = table.settings.format === 'json-stat' || table.settings.format === 'px';
    this.valueIndex = isCube ? table.columns.indexOf('value') : -1;
    // A required number written as a statistics office's missing-value marker ("..", ":"): the row has no figure
    // to import, so it is skipped and counted like an unpublished cube cell, never read as zero.
    this.requiredNumbers = fields
      .filter(({ spec }) => spec.required && (spec.type === 'number' || spec.type === 'integer'))
      .map(({ index }) => index);
  }

  unpublished(raw: RawRow): boolean {
    return (
      (this.valueIndex >= 0 && raw.values[this.valueIndex] === null) ||
      this.requiredNumbers.some((index) => isMissingMarker(raw.values[index] ?? null))
    );
  }

  newChunk(): void {
    this.seen.clear();
  }

  private add(problem: Issue): void {
    this.problems++;
    this.report(problem);
  }

  /** One reporter for every row (the row it reports on is `currentRow`), not a new closure per row. */
  private readonly reportField = (field: string, message: Text) => {
    const column = this.headerOf.get(field);
    this.add(
      issue(field, message, {
        file: this.setup.file,
        row: this.currentRow,
        ...(column === undefined ? {} : { column }),
      }),
    );
  };

  /** The current row's values as written, for Danish messages (only looked up when a row has a problem). */
  private readonly typed = (field: string): string => {
    const index = this.indexOf.get(field);
    const written = index === undefined ? null : cellText(this.currentValues[index] ?? null);
    return written ?? String(this.setup.constants[field] ?? '');
  };

  /** The stored row, or undefined when the row has a problem (reported). */
  build(raw: RawRow): unknown[] | undefined {
    const { kind, file, lookups } = this.setup;
    const { values } = this;
    let rowOk = true;
    for (const { name, index, column, parse } of this.parsers) {
      const parsed = parse(raw.values[index] ?? null);
      if (parsed.ok) values[name] = parsed.value;
      else {
        rowOk = false;
        this.add(issue(name, parsed.message, { file, row: raw.row, column }));
      }
    }
    if (!rowOk) return undefined;
    this.currentRow = raw.row;
    this.currentValues = raw.values;
    const built = kind.build(values, lookups, this.reportField, this.typed);
    if (built === undefined) return undefined;
    const before = this.problems;
    this.crossRow?.(built, this.reportField);
    if (this.problems > before) return undefined;
    return this.repeatedInChunk(built, raw.row) ? undefined : built;
  }

  private repeatedInChunk(built: unknown[], row: number): boolean {
    const { keyIndexes } = this;
    if (keyIndexes.length === 0 || !keyIndexes.every((i) => built[i] !== null)) return false;
    // One key column of text (a case number) is its own key; otherwise the values as JSON.
    const single = keyIndexes.length === 1 ? built[keyIndexes[0] as number] : undefined;
    const key = typeof single === 'string' ? single : JSON.stringify(keyIndexes.map((i) => built[i]));
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, row);
      return false;
    }
    this.add(
      issue(this.setup.keyLabel, bilingual(`duplicates row ${first}`, `er en gentagelse af række ${first}`), {
        file: this.setup.file,
        row,
      }),
    );
    return true;
  }
}
