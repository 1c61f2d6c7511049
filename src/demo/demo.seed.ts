// Writes the demo data into a database, once: a second run with the same seed changes nothing.
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { refreshAccidentAggregates } from '../accidents/aggregates.repository.js';
import { ACCIDENT_INDICATOR_SOURCE } from '../accidents/indicator-source.js';
import { type StoredProtection, saveProtection } from '../accidents/protection.repository.js';
import { DEFAULT_ACCIDENT_SETTINGS } from '../accidents/settings.js';
import { type BulkTarget, bulkInsert, canBulkInsert } from '../db/bulk-insert.js';
import type { Tx } from '../db/connect.js';
import { bumpDataVersion, getMeta, META_DEMO_SEED, setMeta } from '../db/meta.js';
import type { AccidentTable } from '../db/schema.js';
import { insertEmployment } from '../employment/employment.repository.js';
import { conflict } from '../errors.js';
import { insertBatch } from '../imports/imports.repository.js';
import { accidentsKind } from '../imports/kinds/accidents.kind.js';
import type { ReferenceData } from '../reference/reference.data.js';
import { scopeKey, scopeProblemKey } from '../reference/scope.js';
import { insertIndicator } from '../targets/indicators.repository.js';
import { insertObservations } from '../targets/observations.repository.js';
import { holdsTargetsOrObservations, insertRevision, insertTarget } from '../targets/targets.repository.js';
import demoProtection from './data/disclosure-protection.json' with { type: 'json' };
import {
  DEFAULT_DEMO_SEED,
  DEMO_LABEL_DA,
  type DemoData,
  generateDemoData,
  SURVEY_BREAK_NOTES,
  SURVEY_SOURCE,
} from './demo.generator.js';
import { type DemoCodeTable, goalIdByCode, insertAccidents, readCodes } from './demo.repository.js';
import { ACCIDENT_COLUMN, type DemoAccidentRow, generateDemoAccidents } from './demo-accidents.js';
import { seedDemoWork } from './demo-work.seed.js';

export interface DemoSeedOutcome {
  seed: number;
  changed: boolean;
  counts: Record<string, number>;
}

export interface DemoSeedOptions {
  /** How many accident records relative to full size (1, about 680,000); fatal accidents are never scaled. */
  accidentScale?: number;
  /** Where the accident records are bulk inserted (the store: its dialect and, on SQLite, the driver's handle).
   *  Without it they go through the query builder in smaller chunks, which is slower but needs only `tx`. */
  bulk?: BulkTarget;
}

const DEMO_USER = 'demo';
/** The demo accident batch's import time: fixed, so the same seed gives the same database. */
const DEMO_IMPORTED_AT = '2026-01-15T00:00:00.000Z';
const BULK_CHUNK_ROWS = 5_000;
/** The query builder binds one parameter per value: 1,000 rows × 20 columns stays below SQLite's limit. */
const BUILDER_CHUNK_ROWS = 1_000;

async function idMap(tx: Tx, table: DemoCodeTable) {
  const rows = await readCodes(tx, table);
  const map = new Map(rows.map((row) => [row.code, row.id]));
  return (code: string) => {
    const id = map.get(code);
    if (id === undefined) throw new Error(`Demo data names an unknown ${table} "${code}"`);
    return id;
  };
}

export async function seedDemo(
  tx: Tx,
  reference: ReferenceData,
  seed: number,
  options: DemoSeedOptions = {},
): Promise<DemoSeedOutcome> {
  const existing = await getMeta(tx, META_DEMO_SEED);
  if (existing !== undefined) {
    if (Number(existing) === seed) return { seed, changed: false, counts: {} };
    throw conflict(`The database already holds demo data from seed ${existing}`, [
      { field: '--seed', message: `use a fresh database to load seed ${seed}` },
    ]);
  }
  if (await holdsTargetsOrObservations(tx, { realOnly: true })) {
    throw conflict('Demo data is only loaded into a database without real targets or observations', [
      { field: '--demo', message: 'this database holds real data' },
    ]);
  }
  const data = generateDemoData(reference, seed);
  const counts = await writeDemo(tx, data);
  const scale = options.accidentScale ?? 1;
  const accidents = generateDemoAccidents(reference, data.employment, seed, scale);
  counts.accident = await writeDemoAccidents(tx, accidents, { seed, scale, bulk: options.bulk });
  counts.target = (counts.target ?? 0) + (await writeAccidentTarget(tx, data, accidents));
  // The BFAs' work links to the targets and builds on the employment written above.
  Object.assign(counts, await seedDemoWork(tx, seed));
  // The full demo's disclosure protection is computed once (scripts/demo-disclosure-protection.ts) and shipped.
  if (seed === DEFAULT_DEMO_SEED && scale === 1) {
    for (const protection of demoProtection as StoredProtection[]) await saveProtection(tx, protection);
    counts.disclosureProtection = demoProtection.length;
  }
  await setMeta(tx, META_DEMO_SEED, String(seed));
  await bumpDataVersion(tx);
  return { seed, changed: true, counts };
}

async function writeDemo(tx: Tx, data: DemoData): Promise<Record<string, number>> {
  const goalId = await idMap(tx, 'goal');
  const subProblemId = await idMap(tx, 'subProblem');
  const branchId = await idMap(tx, 'branchGroup');
  const subBranchId = await idMap(tx, 'subBranch');
  const bfaId = await idMap(tx, 'bfa');

  for (const indicator of data.indicators) {
    await insertIndicator(tx, {
      code: indicator.code,
      nameDa: indicator.nameDa,
      nameEn: indicator.nameEn,
      unit: 'percent',
      polarity: 'lower_is_better',
      dataSource: SURVEY_SOURCE,
      methodBreakNotesDa: SURVEY_BREAK_NOTES.da,
      methodBreakNotesEn: SURVEY_BREAK_NOTES.en,
      goalId: goalId(indicator.goal),
      subProblemId: indicator.subProblem === null ? null : subProblemId(indicator.subProblem),
      isDemo: 1,
    });
  }
  const indicatorId = await idMap(tx, 'indicator');

  await insertEmployment(
    tx,
    data.employment.map((row) => ({
      branchGroupId: branchId(row.branchGroup),
      year: row.year,
      ageBand: row.ageBand,
      sex: row.sex,
      employed: row.employed,
      source: DEMO_LABEL_DA,
      isDemo: 1,
    })),
  );

  await insertObservations(
    tx,
    data.observations.map((row) => ({
      indicatorId: indicatorId(row.indicator),
      scopeKey: scopeKey(row),
      branchGroupId: branchId(row.branchGroup),
      subBranchId: row.subBranch === null ? null : subBranchId(row.subBranch),
      year: row.year,
      periodLabel: String(row.year),
      value: row.value,
      count: row.count,
      denominator: row.respondents,
      respondents: row.respondents,
      lowercl: row.lowercl,
      uppercl: row.uppercl,
      confidence: row.confidence,
      source: `${DEMO_LABEL_DA} (${row.seriesLabel})`,
      seriesLabel: row.seriesLabel,
      seriesBreak: row.seriesBreak ? 1 : 0,
      isDemo: 1,
    })),
  );

  let revisions = 0;
  for (const target of data.targets) {
    const first = target.revisions[0];
    if (first === undefined) continue;
    const id = await insertTarget(tx, {
      scopeKey: scopeProblemKey(target, target),
      branchGroupId: branchId(target.branchGroup),
      subBranchId: target.subBranch === null ? null : subBranchId(target.subBranch),
      goalId: goalId(target.goal),
      subProblemId: target.subProblem === null ? null : subProblemId(target.subProblem),
      createdAt: first.revisedAt,
      createdBy: DEMO_USER,
      isDemo: 1,
    });
    for (const [index, revision] of target.revisions.entries()) {
      await insertRevision(tx, {
        targetId: id,
        revision: index + 1,
        indicatorId: indicatorId(target.indicator),
        ownerBfaId: target.owner === null ? null : bfaId(target.owner),
        baselineYear: target.baselineYear,
        baselineValue: revision.baselineValue,
        targetYear: target.targetYear,
        targetValue: revision.targetValue,
        status: 'adopted',
        notes: DEMO_LABEL_DA,
        revisedAt: revision.revisedAt,
        revisedBy: DEMO_USER,
        reason: revision.reason,
        isDemo: 1,
      });
      revisions++;
    }
  }
  return {
    indicator: data.indicators.length,
    employment: data.employment.length,
    observation: data.observations.length,
    target: data.targets.length,
    targetRevision: revisions,
  };
}

/**
 * The accident records as one committed import batch (so they can be listed and rolled back like any import),
 * then that batch's aggregates, as an import of the accidents kind would leave them.
 */
async function writeDemoAccidents(
  tx: Tx,
  records: DemoAccidentRow[],
  options: { seed: number; scale: number; bulk: BulkTarget | undefined },
): Promise<number> {
  const branchId = await idMap(tx, 'branchGroup');
  const batchId = await insertBatch(tx, {
    kind: accidentsKind.kind,
    fileName: 'demodata',
    sha256: createHash('sha256').update(`demo-accidents:${options.seed}:${options.scale}`).digest('hex'),
    sizeBytes: 0,
    format: 'demo',
    sourceLabel: DEMO_LABEL_DA,
    settings: JSON.stringify({ seed: options.seed, scale: options.scale }),
    rowCount: records.length,
    status: 'committed',
    importedAt: DEMO_IMPORTED_AT,
    importedBy: DEMO_USER,
    rolledBackAt: null,
    rolledBackBy: null,
    rollbackReason: null,
  });
  const stored = (record: DemoAccidentRow): unknown[] => {
    // main_group_id is null: every demo record has a branch group.
    const row: unknown[] = [...record, null, batchId];
    row[ACCIDENT_COLUMN.branchGroup] = branchId(record[ACCIDENT_COLUMN.branchGroup]);
    return row;
  };
  const { bulk } = options;
  if (canBulkInsert(bulk)) {
    const columns = [...accidentsKind.columns, 'batch_id'];
    for (let i = 0; i < records.length; i += BULK_CHUNK_ROWS)
      await bulkInsert(tx, bulk, 'accident', columns, records.slice(i, i + BULK_CHUNK_ROWS).map(stored));
  } else {
    const keys = [...accidentsKind.columns, 'batch_id'].map((column) =>
      column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
    );
    for (let i = 0; i < records.length; i += BUILDER_CHUNK_ROWS) {
      const values = records
        .slice(i, i + BUILDER_CHUNK_ROWS)
        .map((record) => Object.fromEntries(stored(record).map((value, index) => [keys[index], value])));
      await insertAccidents(tx, values as Insertable<AccidentTable>[]);
    }
  }
  await refreshAccidentAggregates(tx, DEFAULT_ACCIDENT_SETTINGS, [batchId]);
  return records.length;
}

/** Before COVID-19 reports raised the counts: the demo register target's baseline. */
const ACCIDENT_BASELINE_YEAR = 2019;

/**
 * A national target on an accident-register indicator (reported accidents per 10,000 employed, 20 % lower by
 * 2030 than in 2019), assessed from the accident records themselves rather than from survey observations.
 */
async function writeAccidentTarget(tx: Tx, data: DemoData, accidents: DemoAccidentRow[]): Promise<number> {
  const goalId = await goalIdByCode(tx, 'accidents');
  const indicatorId = await insertIndicator(tx, {
    code: 'anmeldte-ulykker',
    nameDa: 'Anmeldte arbejdsulykker pr. 10.000 beskæftigede',
    nameEn: 'Reported work accidents per 10,000 employed',
    unit: 'per_10000',
    polarity: 'lower_is_better',
    dataSource: ACCIDENT_INDICATOR_SOURCE,
    methodBreakNotesDa:
      'Opgjort efter registreringsår. 2020-2022 omfatter anmeldte COVID-19-smitter på arbejdet.',
    methodBreakNotesEn:
      'Counted by registration year. 2020-2022 include reported COVID-19 infections at work.',
    goalId,
    subProblemId: null,
    isDemo: 1,
  });
  const reported = accidents.filter(
    (row) => row[ACCIDENT_COLUMN.registrationYear] === ACCIDENT_BASELINE_YEAR,
  ).length;
  const employed = data.employment
    .filter((row) => row.year === ACCIDENT_BASELINE_YEAR && row.ageBand === 'all' && row.sex === 'all')
    .reduce((sum, row) => sum + row.employed, 0);
  if (employed === 0) return 0;
  const baselineValue = Math.round((reported / employed) * 100_000) / 10;
  const targetId = await insertTarget(tx, {
    scopeKey: scopeProblemKey(
      { branchGroup: null, subBranch: null },
      { goal: 'accidents', subProblem: null },
    ),
    branchGroupId: null,
    subBranchId: null,
    goalId,
    subProblemId: null,
    createdAt: '2022-06-01T00:00:00.000Z',
    createdBy: DEMO_USER,
    isDemo: 1,
  });
  await insertRevision(tx, {
    targetId,
    revision: 1,
    indicatorId,
    ownerBfaId: null,
    baselineYear: ACCIDENT_BASELINE_YEAR,
    baselineValue,
    targetYear: 2030,
    targetValue: Math.round(baselineValue * 0.8 * 10) / 10,
    status: 'adopted',
    notes: DEMO_LABEL_DA,
    revisedAt: '2022-06-01T00:00:00.000Z',
    revisedBy: DEMO_USER,
    reason: 'Demo: måltal vedtaget',
    isDemo: 1,
  });
  return 1;
}

/** Whether the database shows demo data anywhere (pages and outputs say so). */
export async function holdsDemoData(tx: Parameters<typeof getMeta>[0]): Promise<boolean> {
  return (await getMeta(tx, META_DEMO_SEED)) !== undefined;
}
