// The accident aggregates as a job: a full rebuild from the base cube, waiting for any import running now (the
// import turn), in one transaction. Run off the serving thread by the job runner (imports/import-runner.ts).
import { type AuditContext, operatorAudit, recordAudit } from '../audit/audit.service.js';
import { type Db, inTransaction } from '../db/connect.js';
import { takeImportTurn } from '../db/dialect.js';
import { rebuildAccidentAggregates } from './aggregates.repository.js';
import { type AccidentSettings, DEFAULT_ACCIDENT_SETTINGS } from './settings.js';

export interface RebuildReport {
  milliseconds: number;
}

export async function rebuildAggregates(
  db: Db,
  settings: AccidentSettings = DEFAULT_ACCIDENT_SETTINGS,
  audit: AuditContext = operatorAudit('maaltal'),
): Promise<RebuildReport> {
  const started = performance.now();
  await inTransaction(db, async (tx) => {
    await takeImportTurn(tx);
    await rebuildAccidentAggregates(tx, settings);
    await recordAudit(
      tx,
      audit,
      { action: 'rebuild', entity: 'accident_aggregate', entityId: null },
      new Date(),
    );
  });
  return { milliseconds: Math.round(performance.now() - started) };
}
