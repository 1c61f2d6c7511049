// Runs an import as one atomic batch: read (streamed), map columns, validate every row, check duplicates,
// insert in chunks inside one transaction; any problem and nothing lands. Also lists and rolls back batches.

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type AuditContext, operatorAudit, recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Store, type Tx } from '../db/connect.js';
import { isUniqueViolation, isWriteContention, takeImportTurn } from '../db/dialect.js';
import { bumpDataVersion } from '../db/meta.js';
import { AppError, conflict, type Issue, invalidInput, notFound } from '../errors.js';
import { ChunkWriter } from './chunk-writer.js';
import { type FieldSpec, isPersonalHeader, normaliseHeader, parseField } from './fields.js';
import { fileFacts } from './file-facts.js';
import { IMPORT_SETTINGS } from './import-settings.js';
import {
  deleteBatchRows,
  findCommittedBatch,
  finishBatch,
  getBatch,
  type ImportTable,
  insertBatch,
  markRolledBack,
  replacedRowBatches,
  restoreReplacedRows,
  snakeCase,
} from './imports.repository.js';
import { type ImportKind, KINDS, type KindDefinition } from './kinds/index.js';
import type { ParsedValue } from './kinds/kind.js';
import { lookupsFrom } from './lookups.js';
import { readLookupTables } from './lookups.repository.js';
import type { Mapping } from './mapping.js';
import { shapeTable } from './mapping-shape.js';
import { PlainRows, type RowChunk } from './packed-rows.js';
import { openTable } from './readers/index.js';
import type { DetectedSettings } from './readers/table.js';
import { type ValidatedRow, type ValidationSummary, validatedChunks } from './row-validation.js';
import { type Stage, StageClock } from './stage-clock.js';
import { bilingual, issue } from './texts.js';
import { validatedChunksInWorker, type WorkerSummary } from './validation-runner.js';

export interface ImportOptions {
  kind: ImportKind;
  sheet?: string | undefined;
  mapping?: Mapping | undefined;
  source?: string | undefined;
  dryRun?: boolean | undefined;
  replace?: boolean | undefined;
  /** The file's name as the user knows it (an upload's original name); default: the path's base name. */
  displayName?: string | undefined;
  /** How many problems are listed before the rest are only counted. */
  maxIssues?: number | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Look every key up before writing, also where a unique index would refuse duplicates (the second pass after
   *  the database refused one, which names every duplicate with its row). */
  findDuplicates?: boolean | undefined;
  /** Read and validate the file in a worker thread while this one writes (default: for files from
   *  `pipeline.validateInWorkerFromBytes` of import-settings.json). */
  validateInWorker?: boolean | undefined;
  /** Only rows of this BFA (its id) may be imported, every other row is refused (a BFA editor's upload); only for
   *  kinds whose rows belong to a BFA (`bfaScoped`). */
  onlyBfa?: number | undefined;
}

export interface ImportProgress {
  rows: number;
  /** Estimated total rows (text files), for an ETA; null when unknown. */
  estimatedRows: number | null;
}

export interface ImportReport {
  batchId: number | null;
  kind: ImportKind;
  file: string;
  sha256: string;
  sizeBytes: number;
  settings: DetectedSettings;
  columns: { field: string; column: string }[];
  ignoredColumns: string[];
  rows: number;
  replaced: number;
  /** Cube cells marked as not published (e.g. ".."), left out. */
  skipped: number;
  dryRun: boolean;
  /** Seconds spent in each stage (see stage-clock.ts); with validation in a worker, its stages ran beside writing. */
  timings?: Record<Stage, number>;
  /** Seconds the whole import took. */
  seconds?: number;
}

export interface ImportActor {
  user: string;
  now: () => Date;
  /** Who and from where, for the audit trail (default: the local operator named `user`). */
  audit?: AuditContext;
}

const auditOf = (actor: ImportActor) => actor.audit ?? operatorAudit(actor.user);

const DEFAULT_MAX_ISSUES = 50;

/** Raised inside the transaction of a dry run so that it rolls back; never escapes this module. */
class DryRunComplete extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/** Two columns whose headers mean the same field (`År` and `aar`): which one to read would be a guess. */
function ambiguousHeaders(kind: KindDefinition, columns: string[], file: string): Issue[] {
  const aliases = new Set(kind.fields.flatMap((spec) => spec.aliases.map(normaliseHeader)));
  const first = new Map<string, string>();
  const issues: Issue[] = [];
  for (const column of columns) {
    const key = normaliseHeader(column);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, column);
    else if (aliases.has(key))
      issues.push(
        issue(
          'columns',
          bilingual(
            `the columns "${earlier}" and "${column}" both mean the same field; keep one`,
            `kolonnerne "${earlier}" og "${column}" betyder det samme felt; behold den ene`,
          ),
          { file, row: 1, column },
        ),
      );
  }
  return issues;
}

/** Which column of the file feeds each field: the mapping file first, then Danish/English header names. */
function mapColumns(
  kind: KindDefinition,
  columns: string[],
  mapping: Mapping | undefined,
  file: string,
): { fields: { spec: FieldSpec; index: number }[]; ignored: string[] } {
  const issues: Issue[] = [];
  const personal = columns.filter(isPersonalHeader);
  if (personal.length > 0) {
    throw invalidInput('The file has columns with personal data; Måltal does not take names or CPR numbers', [
      ...personal.map((column) =>
        issue('columns', bilingual('personal data is not accepted', 'personoplysninger accepteres ikke'), {
          file,
          row: 1,
          column,
        }),
      ),
    ]);
  }
  const byHeader = new Map(columns.map((column, index) => [normaliseHeader(column), index]));
  issues.push(...ambiguousHeaders(kind, columns, file));
  const fields: { spec: FieldSpec; index: number }[] = [];
  const known = kind.fields.map((spec) => spec.name);
  for (const name of Object.keys(mapping?.constants ?? {})) {
    if (known.includes(name)) continue;
    issues.push(
      issue(
        `constants.${name}`,
        bilingual(
          `"${name}" is not a field of ${kind.kind} (its fields: ${known.join(', ')})`,
          `"${name}" er ikke et felt i ${kind.kind} (felterne er: ${known.join(', ')})`,
        ),
      ),
    );
  }
  for (const [name, header] of Object.entries(mapping?.columns ?? {})) {
    if (!kind.fields.some((spec) => spec.name === name)) {
      issues.push(
        issue(
          'mapping',
          bilingual(`"${name}" is not a field of ${kind.kind}`, `"${name}" er ikke et felt i ${kind.kind}`),
          {
            file,
          },
        ),
      );
    } else if (!byHeader.has(normaliseHeader(header))) {
      issues.push(
        issue(
          name,
          bilingual(
            `the mapping names column "${header}", which the file does not have`,
            `mappingfilen nævner kolonnen "${header}", som datafilen ikke har`,
          ),
          { file },
        ),
      );
    }
  }
  // Columns the mapping names are taken first; a header alias only claims a column nobody has yet.
  const taken = new Set(
    Object.values(mapping?.columns ?? {})
      .map((header) => byHeader.get(normaliseHeader(header)))
      .filter((index) => index !== undefined),
  );
  for (const spec of kind.fields) {
    const mapped = mapping?.columns[spec.name];
    let index: number | undefined;
    if (mapped !== undefined) index = byHeader.get(normaliseHeader(mapped));
    else {
      index = spec.aliases
        .map((alias) => byHeader.get(normaliseHeader(alias)))
        .find((i) => i !== undefined && !taken.has(i));
      if (index !== undefined) taken.add(index);
    }
    if (index !== undefined) fields.push({ spec, index });
    else if (spec.required && mapping?.constants[spec.name] === undefined && mapped === undefined) {
      const aliases = spec.aliases.join(', ');
      const found = columns.join(', ');
      issues.push(
        issue(
          spec.name,
          bilingual(
            `no column for the required field (looked for: ${aliases}; the file has: ${found})`,
            `der er ingen kolonne til det påkrævede felt (søgte efter: ${aliases}; filen har: ${found})`,
          ),
          { file, row: 1 },
        ),
      );
    }
  }
  if (issues.length > 0) throw invalidInput('The file’s columns do not fit the import', issues);
  const used = new Set(fields.map((field) => field.index));
  return { fields, ignored: columns.filter((_, index) => !used.has(index)) };
}

/**
 * The mapping's constants, checked like any cell: each must name a field of the kind, and its value must parse as
 * that field (a year within the plausible years, a number as a number, a known code, …).
 */
function parseConstants(
  kind: KindDefinition,
  mapping: Mapping | undefined,
  decimalComma: boolean,
): Record<string, ParsedValue> {
  const parsed: Record<string, ParsedValue> = {};
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(mapping?.constants ?? {})) {
    const spec = kind.fields.find((candidate) => candidate.name === name);
    if (spec === undefined) continue; // named in mapColumns' report
    const result = parseField(spec, typeof value === 'boolean' ? String(value) : value, decimalComma);
    if (result.ok) parsed[name] = result.value;
    else issues.push(issue(`constants.${name}`, result.message));
  }
  if (issues.length > 0) throw invalidInput('The mapping file’s constants are not valid', issues);
  return parsed;
}

/**
 * The batch records the hash of the bytes read: a file written to while it was read (hashed before, parsed after)
 * would be recorded under the hash of bytes it no longer holds, so it is hashed again once read and refused if the
 * two differ.
 */
async function refuseIfChanged(filePath: string, file: string, sha256: string): Promise<void> {
  if ((await fileFacts(filePath, file)).sha256 === sha256) return;
  throw conflict('The file changed while it was imported; nothing was imported', [
    issue(
      'file',
      bilingual(
        'changed while it was read: import it again once nothing writes to it',
        'blev ændret, mens den blev læst: importér den igen, når intet skriver til den',
      ),
      { file },
    ),
  ]);
}

const anotherImportRunning = (file: string) =>
  conflict(
    'Another import (or another change) is running; nothing was imported: try again when it has finished',
    [
      issue(
        'file',
        bilingual(
          'another import is running: try again when it has finished',
          'en anden import er i gang: prøv igen, når den er færdig',
        ),
        { file },
      ),
    ],
  );

/** `--replace` where the kind keeps stored rows, and a limit to one BFA where rows have no BFA, are refused. */
function refuseOptionsOfOtherKinds(kind: KindDefinition, options: ImportOptions, file: string): void {
  if (options.onlyBfa !== undefined && kind.bfaScoped !== true)
    throw new Error(`${kind.kind} rows belong to no BFA: they cannot be imported limited to one`);
  if (options.replace === true && kind.keepStored !== undefined)
    throw invalidInput(`--replace does not apply to ${kind.kind}; nothing was imported`, [
      issue('replace', kind.keepStored.replaceRefused, { file }),
    ]);
}

/** The look-up tables with the BFA an import is limited to. */
const withOnlyBfa = (tables: Awaited<ReturnType<typeof readLookupTables>>, onlyBfa: number | undefined) =>
  onlyBfa === undefined ? tables : { ...tables, work: { ...tables.work, onlyBfa } };

/** The batch row; a second import of the same file racing this one fails here on the unique index. */
async function insertBatchOnce(
  tx: Tx,
  file: string,
  row: Parameters<typeof insertBatch>[1],
): Promise<number> {
  try {
    return await insertBatch(tx, row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflict('This file is being imported or was just imported', [
      issue('file', bilingual('is already imported', 'er allerede importeret'), { file }),
    ]);
  }
}

/** Chunks validated on this thread, as the writer takes them. */
async function* plainChunks<Summary>(
  chunks: AsyncGenerator<ValidatedRow[], Summary>,
): AsyncGenerator<RowChunk, Summary> {
  let next = await chunks.next();
  try {
    for (; next.done !== true; next = await chunks.next()) yield new PlainRows(next.value);
    return next.value;
  } finally {
    if (next.done !== true) await chunks.return(undefined as Summary);
  }
}

/**
 * Writes each chunk as the validation stage hands it over, and returns the stage's summary. A write that fails ends
 * the stage too (a worker thread would otherwise wait for credit for ever and keep the process alive).
 */
async function writeEveryChunk<Summary>(
  chunks: AsyncGenerator<RowChunk, Summary>,
  write: (chunk: RowChunk) => Promise<void>,
  clock: StageClock,
): Promise<Summary> {
  try {
    let next = await chunks.next();
    // On this thread the stage marks its own time; waiting for a worker is booked here and replaced by its times.
    clock.mark('validate');
    while (next.done !== true) {
      await write(next.value);
      clock.mark('write');
      next = await chunks.next();
      clock.mark('validate');
    }
    return next.value;
  } catch (error) {
    await chunks.return(undefined as Summary).catch(() => {});
    throw error;
  }
}

export async function runImport(
  store: Store,
  filePath: string,
  options: ImportOptions,
  actor: ImportActor,
): Promise<ImportReport> {
  const kind = KINDS[options.kind];
  const file = options.displayName ?? path.basename(filePath);
  refuseOptionsOfOtherKinds(kind, options, file);
  const clock = new StageClock();
  const started = performance.now();
  const facts = await fileFacts(filePath, file);
  clock.mark('hash');
  const earlier = await findCommittedBatch(store.db, facts.sha256, kind.kind);
  if (earlier !== undefined) {
    throw conflict(`This file was already imported as batch ${earlier.id}`, [
      issue(
        'file',
        bilingual(
          `identical to batch ${earlier.id} (${earlier.fileName}, ${earlier.importedAt.slice(0, 10)} by ${earlier.importedBy}); roll that batch back first to import it again`,
          `er identisk med import nr. ${earlier.id} (${earlier.fileName}, ${earlier.importedAt.slice(0, 10)} af ${earlier.importedBy}); rul den import tilbage først, hvis filen skal importeres igen`,
        ),
        { file },
      ),
    ]);
  }
  const sheet = options.sheet ?? options.mapping?.sheet;
  const opened = await openTable(filePath, {
    displayName: file,
    ...(sheet === undefined ? {} : { sheet }),
    ...(options.mapping?.headerRow === undefined ? {} : { headerRow: options.mapping.headerRow }),
  });
  const { table, mapping } = shapeTable(opened, options.mapping, file);
  const { fields, ignored } = mapColumns(kind, table.columns, mapping, file);
  const decimalComma = mapping?.decimalComma ?? table.settings.decimalComma ?? false;
  const constants = parseConstants(kind, mapping, decimalComma);
  const maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
  const sqlTable = snakeCase(kind.table) as ImportTable;
  const _columns = [...kind.columns, 'batch_id'];
  const _keyIndexes = kind.keyColumns.map((column) => kind.columns.indexOf(column));
  // A duplicate is named by the file's own headers of the fields that make the key (Branchegruppe+År).
  const keyLabel =
    fields
      .filter(({ spec }) => kind.keyFields.includes(spec.name))
      .map(({ index }) => table.columns[index])
      .join('+') || kind.keyColumns.join('+');
  const estimatedRows =
    table.settings.format === 'csv' || table.settings.format === 'sdmx-csv' ? facts.lines : null;

  // Settings are read again at the end: a CSV that looked like ASCII can turn out to be Windows-1252 midway.
  const batchSettings = () =>
    JSON.stringify({
      ...table.settings,
      decimalComma,
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
      replace: options.replace === true,
    });

  const work = async (tx: Tx): Promise<ImportReport> => {
    await takeImportTurn(tx);
    const lookupTables = withOnlyBfa(await readLookupTables(tx), options.onlyBfa);
    const lookups = lookupsFrom(lookupTables);
    const at = actor.now().toISOString();
    const batchId = await insertBatchOnce(tx, file, {
      kind: kind.kind,
      fileName: file,
      sha256: facts.sha256,
      sizeBytes: facts.sizeBytes,
      format: table.settings.format,
      sourceLabel: options.source ?? '',
      settings: batchSettings(),
      rowCount: 0,
      status: 'committed',
      importedAt: at,
      importedBy: actor.user,
      rolledBackAt: null,
      rolledBackBy: null,
      rollbackReason: null,
    });

    const issues: Issue[] = [];
    let issueCount = 0;
    const sheetName = table.settings.sheet;
    const addIssue = (issue: Issue) => {
      issueCount++;
      if (issues.length < maxIssues) {
        issues.push(
          sheetName === undefined || issue.row === undefined ? issue : { ...issue, sheet: sheetName },
        );
      }
    };
    // The batch's own derived data is summed as its rows stream; batches whose rows it replaced are refreshed after.
    const streaming = options.dryRun !== true && kind.storeAggregate !== undefined;
    const writer = new ChunkWriter({
      tx,
      target: store,
      kind,
      table: sqlTable,
      batchId,
      file,
      keyLabel,
      replace: options.replace === true,
      findDuplicates: options.findDuplicates === true,
      actor,
      report: addIssue,
      failed: () => issueCount > 0,
    });
    const flush = (chunk: RowChunk) => writer.write(chunk);

    const hooks = {
      report: addIssue,
      onProgress: (rows: number) => options.onProgress?.({ rows, estimatedRows }),
    };
    const setup = {
      kind,
      table,
      fields,
      constants,
      decimalComma,
      lookups,
      file,
      keyLabel,
      aggregate: streaming,
    };
    const inWorker =
      options.validateInWorker ?? facts.sizeBytes >= IMPORT_SETTINGS.pipeline.validateInWorkerFromBytes;
    const chunks: AsyncGenerator<RowChunk, ValidationSummary | WorkerSummary> = inWorker
      ? validatedChunksInWorker(
          {
            file,
            kind: kind.kind,
            constants,
            decimalComma,
            keyLabel,
            aggregate: streaming,
            filePath,
            ...(sheet === undefined ? {} : { sheet }),
            ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
            fields: fields.map(({ spec, index }) => ({ name: spec.name, index })),
            lookupTables,
          },
          hooks,
        )
      : plainChunks(validatedChunks(setup, { ...hooks, clock }));
    let summary: ValidationSummary | WorkerSummary;
    try {
      summary = await writeEveryChunk(chunks, flush, clock);
    } catch (error) {
      await writer.abandon();
      throw error;
    }
    await writer.finish();
    clock.mark('write');
    const { rows, skipped, aggregate } = summary;
    if ('settings' in summary) {
      Object.assign(table.settings, summary.settings);
      clock.replace(summary.timings, ['read', 'validate', 'aggregate']);
    }
    options.onProgress?.({ rows, estimatedRows: rows });

    if (rows === 0) {
      addIssue(
        issue(
          'file',
          bilingual(
            'the file has a header but no data rows',
            'filen har en overskriftsrække, men ingen datarækker',
          ),
          { file },
        ),
      );
    }
    if (issueCount > 0) {
      const more = issueCount - issues.length;
      throw invalidInput(
        `${file}: ${issueCount} problem(s); nothing was imported`,
        more > 0
          ? [
              ...issues,
              issue('file', bilingual(`… and ${more} more problem(s)`, `… og ${more} problem(er) mere`), {
                file,
              }),
            ]
          : issues,
      );
    }
    clock.mark('validate');
    await refuseIfChanged(filePath, file, facts.sha256);
    clock.mark('hash');
    await finishBatch(tx, batchId, {
      rowCount: rows,
      replacedCount: writer.replaced,
      settings: batchSettings(),
    });
    if (options.dryRun !== true) {
      clock.mark('finish');
      if (streaming) await kind.storeAggregate?.(tx, batchId, aggregate, store);
      clock.mark('aggregate');
      const touched = [...(streaming ? [] : [batchId]), ...writer.replacedBatches];
      if (touched.length > 0) await kind.afterWrite?.(tx, touched);
      await bumpDataVersion(tx);
    }
    const report: ImportReport = {
      batchId: options.dryRun === true ? null : batchId,
      kind: kind.kind,
      file,
      sha256: facts.sha256,
      sizeBytes: facts.sizeBytes,
      settings: { ...table.settings, decimalComma },
      columns: fields.map(({ spec, index }) => ({ field: spec.name, column: table.columns[index] ?? '' })),
      ignoredColumns: ignored,
      rows,
      replaced: writer.replaced,
      skipped,
      dryRun: options.dryRun === true,
    };
    if (options.dryRun === true) throw new DryRunComplete(report);
    const after = {
      kind: kind.kind,
      file,
      sha256: facts.sha256,
      rows,
      replaced: writer.replaced,
      source: options.source ?? '',
    };
    await recordAudit(
      tx,
      auditOf(actor),
      { action: 'import', entity: 'import_batch', entityId: batchId, after },
      actor.now(),
    );
    return report;
  };

  try {
    const report = await inTransaction(store.db, work);
    clock.mark('finish');
    return { ...report, timings: clock.totals(), seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    if (error instanceof DryRunComplete) return error.report;
    // The unique index refused a duplicate key: run again, looking each key up, to name every duplicate's row.
    if (isUniqueViolation(error) && kind.keyUnique === true && options.findDuplicates !== true)
      return runImport(store, filePath, { ...options, findDuplicates: true }, actor);
    if (isWriteContention(error)) throw anotherImportRunning(file);
    throw error;
  }
}

/** The tables a batch of each kind writes to. */
const TABLES_OF_KIND: Record<ImportKind, ImportTable[]> = {
  observations: ['observation'],
  employment: ['employment'],
  accidents: ['accident'],
  diseases: ['disease_case'],
  targets: ['target_revision'],
  workplaces: ['workplace_count'],
  activities: ['work_activity'],
};

export interface RollbackReport {
  batchId: number;
  removed: number;
  restored: number;
}

/** Remove exactly one batch's rows (and put back rows it replaced); the batch stays listed as rolled back. */
export async function rollbackImport(
  store: Store,
  batchId: number,
  actor: ImportActor,
  reason: string,
): Promise<RollbackReport> {
  return inTransaction(store.db, async (tx) => {
    const batch = await getBatch(tx, batchId);
    if (batch === undefined) throw notFound(`Import batch ${batchId} does not exist`);
    if (batch.status !== 'committed') {
      throw new AppError(
        'conflict',
        `Import batch ${batchId} was already rolled back (${batch.rolledBackAt ?? ''})`,
      );
    }
    const kind = KINDS[batch.kind as ImportKind];
    await kind?.beforeRollback?.(tx, batchId);
    let removed = 0;
    for (const table of TABLES_OF_KIND[batch.kind as ImportKind] ?? [])
      removed += await deleteBatchRows(tx, table, batchId);
    const restoredBatches = await replacedRowBatches(tx, batchId);
    const restored = await restoreReplacedRows(tx, store, batchId);
    await kind?.afterWrite?.(tx, [batchId, ...restoredBatches]);
    await bumpDataVersion(tx);
    await markRolledBack(tx, batchId, actor.user, actor.now().toISOString(), reason);
    const change = {
      action: 'rollback',
      entity: 'import_batch',
      entityId: batchId,
      before: { status: batch.status, rows: batch.rowCount },
      after: { status: 'rolled_back', removed, restored, reason },
    };
    await recordAudit(tx, auditOf(actor), change, actor.now());
    return { batchId, removed, restored };
  });
}
