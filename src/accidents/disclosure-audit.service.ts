// The disclosure audit of the published accident figures: every measure reads its cells off the same protected
// cubes, so each convention's cube is audited one year at a time (years have no all-years margin, so each year is
// a table of its own) and the findings are reported per measure.
import highsModule, { type Highs } from 'highs';
import { type Db, inTransaction } from '../db/connect.js';
import { bumpDataVersion } from '../db/meta.js';
import { auditCubeSlice } from '../stats/cube-audit.js';
import { MEASURES, type MeasureName } from './accidents.service.js';
import { CONVENTIONS, type Convention } from './aggregates.repository.js';
import { type AccidentCube, DIMENSIONS } from './cube.js';
import { protectYear } from './protection.js';
import { saveProtection } from './protection.repository.js';
import type { AccidentData } from './statistics.js';

export interface AuditFinding {
  convention: Convention;
  year: number;
  /** The hidden cell's coordinates (dimension → value code). */
  cell: Record<string, string>;
  /** The attacker's narrowest interval for its count. */
  lower: number;
  upper: number;
}

export interface MeasureAudit {
  measure: MeasureName;
  tablesAudited: number;
  hiddenCells: number;
  checkedCells: number;
  unprotected: AuditFinding[];
  linearPrograms: number;
}

export interface AuditOptions {
  measures?: readonly MeasureName[];
  conventions?: readonly Convention[];
  years?: readonly number[];
  /** A hidden count is protected when the published figures leave it an interval at least this wide. */
  protectionWidth?: number;
}

type Loader = (typeof highsModule)['default'];
/** highs types its ES module as CommonJS: at run time the default import is the loader itself. */
const loadHighs = ((highsModule as { default?: Loader }).default ?? highsModule) as unknown as Loader;

let solver: Promise<Highs> | undefined;
/** HiGHS compiled to WebAssembly, loaded once per process. */
export const highsSolver = () => {
  solver ??= loadHighs();
  return solver;
};

function coordinates(cube: AccidentCube, cell: number): Record<string, string> {
  const out: Record<string, string> = {};
  cube.axes.forEach((axis, d) => {
    const value = Math.floor(cell / (cube.strides[d] as number)) % axis.size;
    out[DIMENSIONS[d] as string] = axis.values[value] as string;
  });
  return out;
}

/** The count cubes' audit, shared by every measure that reads them. */
async function auditCubes(data: AccidentData, options: AuditOptions) {
  const highs = await highsSolver();
  const width = options.protectionWidth ?? data.settings.suppression.protectionWidth;
  const totals = { tables: 0, hidden: 0, checked: 0, solves: 0, unprotected: [] as AuditFinding[] };
  for (const convention of options.conventions ?? CONVENTIONS) {
    const cube = data.cubes[convention];
    cube.years.forEach((year, slice) => {
      if (options.years !== undefined && !options.years.includes(year)) return;
      const result = auditCubeSlice(highs, { dimensions: cube.axes, ...cube }, slice, width);
      totals.tables++;
      totals.hidden += result.hiddenCells;
      totals.checked += result.checkedCells;
      totals.solves += result.solves;
      for (const found of result.unprotected)
        totals.unprotected.push({
          convention,
          year,
          cell: coordinates(cube, found.cell),
          lower: found.lower,
          upper: found.upper,
        });
    });
  }
  return totals;
}

/** Audits the published accident figures of every (or the chosen) measure. */
export async function auditAccidentDisclosure(
  data: AccidentData,
  options: AuditOptions = {},
): Promise<MeasureAudit[]> {
  const totals = await auditCubes(data, options);
  return (options.measures ?? MEASURES).map((measure) => ({
    measure,
    tablesAudited: totals.tables,
    hiddenCells: totals.hidden,
    checkedCells: totals.checked,
    unprotected: totals.unprotected,
    linearPrograms: totals.solves,
  }));
}

export interface ProtectedYear {
  convention: Convention;
  year: number;
  addedCells: number;
  rounds: number;
  /** Counts still unprotected when nothing more could be hidden (normally none). */
  unprotected: number;
  seconds: number;
}

/**
 * Protects every year (or the chosen ones) whose published pattern has not passed the audit for its current
 * figures: hides cells until the audit passes, stores the pattern and bumps the data version so answers use it.
 */
export async function protectAccidentDisclosure(
  db: Db,
  data: AccidentData,
  options: Pick<AuditOptions, 'conventions' | 'years'> & {
    now?: () => Date;
    onYear?: (done: ProtectedYear) => void;
  } = {},
): Promise<ProtectedYear[]> {
  const highs = await highsSolver();
  const done: ProtectedYear[] = [];
  for (const convention of options.conventions ?? CONVENTIONS) {
    const cube = data.cubes[convention];
    for (const year of cube.years) {
      if (options.years !== undefined && !options.years.includes(year)) continue;
      if (data.auditedYears[convention].includes(year)) continue;
      const started = performance.now();
      const result = protectYear(highs, cube, year, data.settings, (options.now ?? (() => new Date()))());
      // A pattern is stored (and published) only once it passes the audit.
      if (result.unprotected.length === 0) await inTransaction(db, (tx) => saveProtection(tx, result.row));
      const entry = {
        convention,
        year,
        addedCells: result.row.addedCells,
        rounds: result.row.rounds,
        unprotected: result.unprotected.length,
        seconds: (performance.now() - started) / 1000,
      };
      done.push(entry);
      options.onYear?.(entry);
    }
  }
  if (done.some((entry) => entry.unprotected === 0)) await inTransaction(db, (tx) => bumpDataVersion(tx));
  return done;
}
