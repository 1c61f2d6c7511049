// SQL for the accident aggregates: per batch and leaf cell, refreshed for the batches an import or a rollback
// touched, and rebuilt from all records on demand. Both counting conventions are kept side by side.
import { type RawBuilder, sql } from 'kysely';
import { type BulkTarget, bulkInsert, type RowTable } from '../db/bulk-insert.js';
import type { Db, Tx } from '../db/connect.js';
import { bumpDataVersion, getMeta, setMeta } from '../db/meta.js';
import { BASE_COLUMNS, baseCellsOf } from './base-cube.js';
import { type AccumulatedLeaf, leavesOf } from './leaf-accumulator.js';
import type { AccidentSettings } from './settings.js';

type Handle = Db | Tx;

/** The chemical classification the stored aggregates were built with. */
export const META_ACCIDENTS_CHEMICAL = 'accidents.chemical';

/** What of the settings the aggregates depend on: the codes read as chemical exposure. */
export function chemicalFingerprint(settings: AccidentSettings): string {
  const { injuryTypes, contactModes, materialAgents } = settings.chemical;
  return JSON.stringify({ injuryTypes, contactModes, materialAgents });
}

/** The classification the stored aggregates use; undefined before any were built. */
export async function storedChemicalFingerprint(db: Handle): Promise<string | undefined> {
  return getMeta(db, META_ACCIDENTS_CHEMICAL);
}

export const CONVENTIONS = ['registration', 'accident'] as const;
export type Convention = (typeof CONVENTIONS)[number];

/** A field matches a configured code when it is the code, or the code followed by a space and a label. */
function matchesAny(column: string, codes: readonly string[]): RawBuilder<unknown> {
  if (codes.length === 0) return sql`0 = 1`;
  const ref = sql.ref(column);
  return sql.join(
    codes.map((code) => sql`(${ref} = ${code} or ${ref} like ${`${code} %`})`),
    sql` or `,
  );
}

function chemicalExpression(settings: AccidentSettings): RawBuilder<unknown> {
  const { injuryTypes, contactModes, materialAgents } = settings.chemical;
  return sql`case when ${matchesAny('injury_type', injuryTypes)} or ${matchesAny('contact_mode', contactModes)}
    or ${matchesAny('material_agent', materialAgents)} then 1 else 0 end`;
}

/** Records with a branch group are aggregated by it; records without one (an industry code no branch group covers
 *  yet) by their main group, into a table of their own. */
type Placement = 'branch' | 'unmapped';
const PLACEMENT = {
  branch: { table: 'accident_aggregate', column: 'branch_group_id', filter: 'branch_group_id is not null' },
  unmapped: {
    table: 'accident_unmapped_aggregate',
    column: 'main_group_id',
    filter: 'branch_group_id is null',
  },
} as const;

/** What leaves are summed from: the records themselves, or the base cube's cells (fatal already folded in). */
type Source = 'records' | 'base';
const SOURCE = {
  records: {
    table: sql`accident`,
    severity: sql`case when fatal = 1 then 'fatal' else severity end`,
    counts: sql`count(*) as accidents, coalesce(sum(days_lost), 0) as days_lost, count(days_lost) as days_known`,
  },
  base: {
    table: sql`accident_base`,
    severity: sql`severity`,
    counts: sql`sum(accidents) as accidents, sum(days_lost) as days_lost, sum(days_known) as days_known`,
  },
};

/**
 * The leaf cells of the given batches (all batches when `batchIds` is null) under both conventions, as one
 * statement that reads the source once: grouped by registration and accident year together first (few rows),
 * then split into the two conventions. Undated records are left out under the accident-year convention.
 */
function leafSelect(
  settings: AccidentSettings,
  batchIds: number[] | null,
  placement: Placement,
  source: Source = 'records',
) {
  const { column, filter } = PLACEMENT[placement];
  const from = SOURCE[source];
  const where = sql.raw(`where ${filter}`);
  const batches = batchIds === null ? sql`` : sql`and batch_id in (${sql.join(batchIds)})`;
  const place = sql.ref(column);
  const dimensions = sql`batch_id, ${place}, age_band, sex, severity, chemical`;
  return sql`with both_years as materialized (
      select batch_id, registration_year, accident_year, ${place}, age_band, sex, ${from.severity} as severity,
        ${chemicalExpression(settings)} as chemical, ${from.counts}
      from ${from.table} ${where} ${batches}
      group by 1, 2, 3, 4, 5, 6, 7, 8)
    select batch_id, 'registration' as convention, registration_year as year, ${place}, age_band, sex,
      severity, chemical, sum(accidents) as accidents, sum(days_lost) as days_lost, sum(days_known) as days_known
    from both_years group by ${dimensions}, registration_year
    union all
    select batch_id, 'accident' as convention, accident_year as year, ${place}, age_band, sex,
      severity, chemical, sum(accidents), sum(days_lost), sum(days_known)
    from both_years where accident_year is not null group by ${dimensions}, accident_year`;
}

/** Replace the base cells of these batches with their records' counts (cost follows the batches' size). */
async function refreshBase(db: Handle, ids: readonly number[]): Promise<void> {
  await sql`delete from accident_base where batch_id in (${sql.join(ids)})`.execute(db);
  await sql`insert into accident_base (batch_id, registration_year, accident_year, branch_group_id, main_group_id,
      age_band, sex, severity, injury_type, contact_mode, material_agent, accidents, days_lost, days_known)
    select batch_id, registration_year, accident_year, branch_group_id,
      case when branch_group_id is null then main_group_id end, age_band, sex,
      case when fatal = 1 then 'fatal' else severity end, injury_type, contact_mode, material_agent,
      count(*), coalesce(sum(days_lost), 0), count(days_lost)
    from accident where batch_id in (${sql.join(ids)}) group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`.execute(
    db,
  );
}

/** Replace the stored leaves of these batches (all when null) with the sums of their base cells. */
async function writeLeaves(db: Handle, settings: AccidentSettings, ids: number[] | null): Promise<void> {
  for (const placement of ['branch', 'unmapped'] as const) {
    const { table, column } = PLACEMENT[placement];
    const batches = ids === null ? sql`` : sql`where batch_id in (${sql.join(ids)})`;
    await sql`delete from ${sql.table(table)} ${batches}`.execute(db);
    await sql`insert into ${sql.table(table)} (batch_id, convention, year, ${sql.ref(column)}, age_band, sex,
        severity, chemical, accidents, days_lost, days_known) ${leafSelect(settings, ids, placement, 'base')}`.execute(
      db,
    );
  }
}

/** Record the classification the aggregates now use, and tell the caches that the data changed. */
async function bumpVersion(db: Handle, settings: AccidentSettings): Promise<void> {
  await setMeta(db, META_ACCIDENTS_CHEMICAL, chemicalFingerprint(settings));
  await bumpDataVersion(db);
}

/**
 * Recompute the aggregates of these batches from their records as they stand now (a rolled-back batch has
 * none left, so its aggregates disappear). Cost follows the batches' size, never the whole table.
 */
export async function refreshAccidentAggregates(
  db: Handle,
  settings: AccidentSettings,
  batchIds: readonly number[],
): Promise<void> {
  const ids = [...new Set(batchIds)];
  if (ids.length === 0) return;
  await refreshBase(db, ids);
  // Aggregates built with other chemical codes cannot be mixed with new ones: rebuild them all instead.
  const stored = await storedChemicalFingerprint(db);
  if (stored !== undefined && stored !== chemicalFingerprint(settings)) {
    await rebuildAccidentAggregates(db, settings);
    return;
  }
  await writeLeaves(db, settings, ids);
  await bumpVersion(db, settings);
}

/** Leaves per INSERT statement when a batch's summed leaves are stored (11 columns each). */
const LEAVES_PER_STATEMENT = 500;

/** Rows in groups of LEAVES_PER_STATEMENT, one INSERT each. */
function statements<Row>(rows: readonly Row[]): Row[][] {
  return Array.from({ length: Math.ceil(rows.length / LEAVES_PER_STATEMENT) }, (_, i) =>
    rows.slice(i * LEAVES_PER_STATEMENT, (i + 1) * LEAVES_PER_STATEMENT),
  );
}

/**
 * Store one batch's base cells as summed while its records streamed (`BaseAccumulator`; a table in BASE_COLUMNS
 * order), and its leaves summed from
 * them, instead of grouping its records again; with aggregates built under other chemical codes, every batch's
 * leaves are summed again from the base cells instead.
 */
export async function storeBatchAggregates(
  db: Handle,
  settings: AccidentSettings,
  batchId: number,
  cells: RowTable,
  target: BulkTarget,
): Promise<void> {
  await sql`delete from accident_base where batch_id = ${batchId}`.execute(db);
  const columns = BASE_COLUMNS.map(([column]) => column);
  await bulkInsert(db, target, 'accident_base', [...columns, 'batch_id'], cells, { trailing: [batchId] });
  const stored = await storedChemicalFingerprint(db);
  if (stored !== undefined && stored !== chemicalFingerprint(settings)) {
    await rebuildAccidentAggregates(db, settings);
    return;
  }
  await replaceLeaves(db, batchId, leavesOf(baseCellsOf(cells), settings));
  await bumpVersion(db, settings);
}

/** Replace one batch's stored leaves. */
async function replaceLeaves(db: Handle, batchId: number, leaves: readonly AccumulatedLeaf[]): Promise<void> {
  await sql`delete from accident_aggregate where batch_id = ${batchId}`.execute(db);
  await sql`delete from accident_unmapped_aggregate where batch_id = ${batchId}`.execute(db);
  const cells = (leaf: AccumulatedLeaf) => ({
    batchId,
    convention: leaf.convention,
    year: leaf.year,
    ageBand: leaf.ageBand,
    sex: leaf.sex,
    severity: leaf.severity,
    chemical: leaf.chemical,
    accidents: leaf.accidents,
    daysLost: leaf.daysLost,
    daysKnown: leaf.daysKnown,
  });
  const placed = leaves.filter((leaf) => leaf.branchGroupId !== null);
  const unplaced = leaves.filter((leaf) => leaf.branchGroupId === null);
  for (const chunk of statements(
    placed.map((leaf) => ({ ...cells(leaf), branchGroupId: leaf.branchGroupId as number })),
  ))
    await db.insertInto('accidentAggregate').values(chunk).execute();
  for (const chunk of statements(unplaced.map((leaf) => ({ ...cells(leaf), mainGroupId: leaf.mainGroupId }))))
    await db.insertInto('accidentUnmappedAggregate').values(chunk).execute();
}

/** Throw the aggregates away and sum them again from every batch's base cells (after a change of settings, say):
 *  the records themselves are not read. */
export async function rebuildAccidentAggregates(db: Handle, settings: AccidentSettings): Promise<void> {
  await writeLeaves(db, settings, null);
  await bumpVersion(db, settings);
}

export interface LeafRow {
  convention: string;
  year: number;
  /** Null for accidents whose industry code no branch group covers yet. */
  branchGroupId: number | null;
  /** For those: their main group's code, when it is known. */
  mainGroup: string | null;
  ageBand: string;
  sex: string;
  severity: string;
  chemical: number;
  accidents: number;
  daysLost: number;
  daysKnown: number;
}

/** Leaves with a branch group and leaves without one, in one shape (the main group by code). */
function bothPlacements(branchLeaves: RawBuilder<unknown>, unmappedLeaves: RawBuilder<unknown>) {
  return sql<LeafRow>`select convention, year, branch_group_id, null as main_group, age_band, sex, severity, chemical,
      sum(accidents) as accidents, sum(days_lost) as days_lost, sum(days_known) as days_known
    from ${branchLeaves} leaves
    group by convention, year, branch_group_id, age_band, sex, severity, chemical
    union all
    select convention, year, null, main_group.code, age_band, sex, severity, chemical,
      sum(accidents), sum(days_lost), sum(days_known)
    from ${unmappedLeaves} leaves left join main_group on main_group.id = leaves.main_group_id
    group by convention, year, main_group.code, age_band, sex, severity, chemical
    order by 1, 2, 3, 4, 5, 6, 7, 8`;
}

/** The stored aggregates summed over batches: the leaf cells the statistics are built from. */
export async function readLeaves(db: Handle): Promise<LeafRow[]> {
  const result = await bothPlacements(sql`accident_aggregate`, sql`accident_unmapped_aggregate`).execute(db);
  return result.rows.map(numericLeaf);
}

/** The same leaves computed from the records themselves, without touching the aggregates (for checks). */
export async function recomputeLeaves(db: Handle, settings: AccidentSettings): Promise<LeafRow[]> {
  const result = await bothPlacements(
    sql`(${leafSelect(settings, null, 'branch')})`,
    sql`(${leafSelect(settings, null, 'unmapped')})`,
  ).execute(db);
  return result.rows.map(numericLeaf);
}

function numericLeaf(row: LeafRow): LeafRow {
  return {
    ...row,
    year: Number(row.year),
    branchGroupId: row.branchGroupId === null ? null : Number(row.branchGroupId),
    chemical: Number(row.chemical),
    accidents: Number(row.accidents),
    daysLost: Number(row.daysLost),
    daysKnown: Number(row.daysKnown),
  };
}
