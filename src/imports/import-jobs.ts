// The editor area's data work as jobs: preview (a dry run and the file's first rows), import, rollback, a rebuild of
// the accident aggregates, and placing an industry code's records in a branch group. The same
// function runs them on the serving thread (embedded in-memory stores, tests) or in a worker thread (the server).

import { rebuildAggregates } from '../accidents/aggregates.service.js';
import { mapIndustryCode } from '../accidents/industry-codes.service.js';
import { type AuditContext, operatorAudit } from '../audit/audit.service.js';
import type { Store } from '../db/connect.js';
import { type AppError, toAppError } from '../errors.js';
import { type ImportOptions, type ImportReport, rollbackImport, runImport } from './imports.service.js';
import { shapeTable } from './mapping-shape.js';
import { openTable } from './readers/index.js';
import type { RawRow } from './readers/table.js';

export type ImportJobOptions = Omit<ImportOptions, 'onProgress' | 'dryRun'>;

/** Every job names who asked (`user`, as recorded on batches) and may carry the audit trail's context. */
type Asked = { user: string; audit?: AuditContext };

export type ImportJob = Asked &
  (
    | { job: 'preview'; filePath: string; options: ImportJobOptions; previewRows: number }
    | { job: 'import'; filePath: string; options: ImportJobOptions }
    | { job: 'rollback'; batchId: number; reason: string }
    | { job: 'rebuild' }
    | { job: 'map-code'; code: string; classification: string; branch: string }
  );

export interface FilePreview {
  columns: string[];
  rows: RawRow[];
}

/** An expected error as plain data, as it crosses from a worker thread. */
export type Problem = Pick<AppError, 'code' | 'message' | 'issues'>;

export interface PreviewResult {
  /** The dry run's report, or the problem that stopped it. */
  report: ImportReport | undefined;
  problem: Problem | undefined;
  preview: FilePreview | undefined;
}

export const asProblem = (error: AppError): Problem => ({
  code: error.code,
  message: error.message,
  issues: error.issues,
});

const now = () => new Date();

/** The first rows of the file as read, or as its mapping shapes them (undefined when it cannot be read: the
 *  validation report says why). */
async function firstRows(filePath: string, options: ImportJobOptions, count: number) {
  try {
    const sheet = options.sheet ?? options.mapping?.sheet;
    const opened = await openTable(filePath, {
      ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
      ...(sheet === undefined ? {} : { sheet }),
      ...(options.mapping?.headerRow === undefined ? {} : { headerRow: options.mapping.headerRow }),
    });
    const { table } = shapeTable(opened, options.mapping, options.displayName ?? filePath);
    const rows: RawRow[] = [];
    for await (const row of table.rows) {
      rows.push(row);
      if (rows.length >= count) break;
    }
    return { columns: table.columns, rows };
  } catch {
    return undefined;
  }
}

async function preview(store: Store, job: Extract<ImportJob, { job: 'preview' }>): Promise<PreviewResult> {
  let report: ImportReport | undefined;
  let problem: Problem | undefined;
  try {
    report = await runImport(store, job.filePath, { ...job.options, dryRun: true }, { user: job.user, now });
  } catch (error) {
    const known = toAppError(error);
    if (known === undefined) throw error;
    problem = asProblem(known);
  }
  return { report, problem, preview: await firstRows(job.filePath, job.options, job.previewRows) };
}

export async function runImportJob(store: Store, job: ImportJob): Promise<unknown> {
  const audit = job.audit ?? operatorAudit(job.user);
  const actor = { user: job.user, now, audit };
  switch (job.job) {
    case 'preview':
      return preview(store, job);
    case 'import':
      return runImport(store, job.filePath, job.options, actor);
    case 'rollback':
      return rollbackImport(store, job.batchId, actor, job.reason);
    case 'rebuild':
      return rebuildAggregates(store.db, undefined, audit);
    case 'map-code': {
      const { code, classification, branch, user } = job;
      return mapIndustryCode(store.db, { code, classification, branch, user, now, audit });
    }
  }
}
