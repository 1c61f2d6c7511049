// Disclosure audit (as τ-ARGUS and sdcTable do it): given everything a table publishes and the additive constraints
// that tie its cells together, compute with linear programming how narrowly an attacker can pin each hidden cell.
// A hidden cell is protected when its feasible interval is at least the protection width wide. The solver (HiGHS)
// is passed in, so this module stays free of I/O.
import type { Highs, Model } from 'highs';
import { StatsInputError } from './stats-input-error.js';

/** One additive constraint: the total cell equals the sum of its children. */
export interface AdditiveLine {
  total: number;
  children: readonly number[];
}

export interface AuditTable {
  /** The true value of every cell (published or not). */
  values: ArrayLike<number>;
  /** 1 where the cell is not published. */
  hidden: ArrayLike<number>;
  lines: Iterable<AdditiveLine>;
  /** Hidden cells that must be protected (default: every hidden cell). */
  sensitive?: (cell: number) => boolean;
}

export interface CellInterval {
  cell: number;
  value: number;
  /** The smallest and largest value the published figures allow. */
  lower: number;
  upper: number;
}

export interface AuditResult {
  hiddenCells: number;
  checkedCells: number;
  /** Cells whose feasible interval is narrower than the protection width. */
  unprotected: CellInterval[];
  /** Linear programs solved. */
  solves: number;
}

const TOLERANCE = 1e-6;
/** HiGHS's primal simplex (kSimplexStrategyPrimal): after an objective change the basis stays primal feasible. */
const PRIMAL_SIMPLEX = 4 as never;

interface LinearSystem {
  /** Model column → table cell. */
  cells: number[];
  rowStarts: number[];
  rowColumns: number[];
  rowCoefficients: number[];
  rowValues: number[];
}

/** Hidden cells become variables; each line holding one becomes a row whose right-hand side is what is published. */
function linearSystem(table: AuditTable): LinearSystem {
  const { values, hidden } = table;
  const column = new Map<number, number>();
  const cells: number[] = [];
  const system: LinearSystem = { cells, rowStarts: [0], rowColumns: [], rowCoefficients: [], rowValues: [] };
  const columnOf = (cell: number) => {
    let index = column.get(cell);
    if (index === undefined) {
      index = cells.length;
      column.set(cell, index);
      cells.push(cell);
    }
    return index;
  };
  for (const line of table.lines) {
    let known = 0;
    const before = system.rowColumns.length;
    const add = (cell: number, coefficient: number) => {
      if (cell < 0 || cell >= values.length) throw new StatsInputError('lines', `cell ${cell} out of range`);
      if (hidden[cell] === 1) {
        system.rowColumns.push(columnOf(cell));
        system.rowCoefficients.push(coefficient);
      } else known -= coefficient * (values[cell] as number);
    };
    add(line.total, 1);
    for (const child of line.children) add(child, -1);
    if (system.rowColumns.length === before) continue;
    system.rowValues.push(known);
    system.rowStarts.push(system.rowColumns.length);
  }
  for (let cell = 0; cell < values.length; cell++) if (hidden[cell] === 1) columnOf(cell);
  return system;
}

interface Subsystem {
  starts: number[];
  indices: number[];
  coefficients: number[];
  rhs: number[];
}

function buildModel(highs: Highs, columns: number, rows: Subsystem): Model {
  const model = highs.createModel({
    numCols: columns,
    numRows: rows.rhs.length,
    colCost: new Float64Array(columns),
    colLower: new Float64Array(columns),
    colUpper: new Float64Array(columns).fill(highs.infinity),
    rowLower: rows.rhs,
    rowUpper: rows.rhs,
    matrix: {
      format: 'csr',
      numRows: rows.rhs.length,
      numCols: columns,
      starts: rows.starts,
      indices: rows.indices,
      values: rows.coefficients,
    },
  });
  model.options.set({ output_flag: false });
  return model;
}

/** Tracks, per hidden cell, the lowest and highest value seen in any feasible solution (the truth included). */
class SeenRange {
  readonly low: Float64Array;
  readonly high: Float64Array;

  constructor(start: Float64Array) {
    this.low = Float64Array.from(start);
    this.high = Float64Array.from(start);
  }

  record(solution: Float64Array): void {
    for (let j = 0; j < solution.length; j++) {
      const x = solution[j] as number;
      if (x < (this.low[j] as number)) this.low[j] = x;
      if (x > (this.high[j] as number)) this.high[j] = x;
    }
  }

  wide(j: number, width: number): boolean {
    return (this.high[j] as number) - (this.low[j] as number) >= width - TOLERANCE;
  }
}

/** The extremes of one column in a model: maximise, then minimise it (warm-started), or null if unsolved. */
function extremes(highs: Highs, model: Model, column: number, seen?: SeenRange): [number, number] | null {
  const { maximize, minimize, optimal } = {
    ...highs.constants.objectiveSense,
    optimal: highs.constants.modelStatus.optimal,
  };
  const bounds: number[] = [];
  model.changeColCost(column, 1);
  for (const sense of [maximize, minimize]) {
    model.changeObjectiveSense(sense);
    model.run();
    if (model.getModelStatus() !== optimal) break;
    bounds.push(model.getObjectiveValue());
    seen?.record(model.getSolution().colValue);
  }
  model.changeColCost(column, 0);
  return bounds.length === 2 ? [bounds[1] as number, bounds[0] as number] : null;
}

interface AuditState {
  highs: Highs;
  system: LinearSystem;
  seen: SeenRange;
  result: AuditResult;
}

/** Push every unproven cell up, then down, together: each solution proves many cells wide at once. */
function proveTogether(state: AuditState, model: Model, open: () => number[]): void {
  const { highs, system } = state;
  const columns = system.cells.length;
  const costs = new Float64Array(columns);
  for (let round = 0; round < 60; round++) {
    const before = open();
    if (before.length === 0) break;
    costs.fill(0);
    for (const j of before) costs[j] = 1;
    model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, costs);
    const { maximize, minimize } = highs.constants.objectiveSense;
    model.changeObjectiveSense(round % 2 === 0 ? maximize : minimize);
    model.run();
    state.result.solves++;
    if (model.getModelStatus() === highs.constants.modelStatus.optimal)
      state.seen.record(model.getSolution().colValue);
    if (round % 2 === 1 && open().length > before.length * 0.98) break;
  }
  costs.fill(0);
  model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, costs);
}

/**
 * Every sensitive hidden cell's feasible interval, or the proof that it is at least `width` wide. Solutions of the
 * whole table that push all unproven cells up, then down, prove most cells at once (two feasible solutions far
 * enough apart are a proof); only the rest get their exact interval, each from two warm-started solves.
 */
export function auditTable(highs: Highs, table: AuditTable, width: number): AuditResult {
  const system = linearSystem(table);
  const columns = system.cells.length;
  const sensitive = system.cells.map((cell) => table.sensitive?.(cell) ?? true);
  const result: AuditResult = {
    hiddenCells: columns,
    checkedCells: sensitive.filter(Boolean).length,
    unprotected: [],
    solves: 0,
  };
  if (columns === 0) return result;
  const truth = Float64Array.from(system.cells, (cell) => table.values[cell] as number);
  const state: AuditState = { highs, system, seen: new SeenRange(truth), result };
  const open = () => sensitive.flatMap((needed, j) => (needed && !state.seen.wide(j, width) ? [j] : []));
  const model = buildModel(highs, columns, {
    starts: system.rowStarts,
    indices: system.rowColumns,
    coefficients: system.rowCoefficients,
    rhs: system.rowValues,
  });
  try {
    model.run();
    result.solves++;
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
      throw new StatsInputError('table', 'the published figures are inconsistent with the table');
    model.options.set({ simplex_strategy: PRIMAL_SIMPLEX, presolve: 'off' });
    proveTogether(state, model, open);
    for (const j of open()) {
      if (state.seen.wide(j, width)) continue;
      const found = extremes(highs, model, j, state.seen);
      result.solves += 2;
      const [lower, upper] = found ?? [0, Number.POSITIVE_INFINITY];
      if (upper - lower < width - TOLERANCE)
        result.unprotected.push({ cell: system.cells[j] as number, value: truth[j] as number, lower, upper });
    }
  } finally {
    model.dispose();
  }
  return result;
}
