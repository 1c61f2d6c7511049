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
  /** What the published figures confine the cell to: exact from the solver, or what subtraction alone gives. */
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

/**
 * Bounds every hidden cell by propagating intervals through the equations (x ≥ 0 to start): what an attacker gets
 * by repeated subtraction. The bounds are never narrower than the true feasible interval, so a cell they pin
 * narrower than the protection width is unprotected without a linear program.
 */
function propagateBounds(system: LinearSystem, passes = 30): { lower: Float64Array; upper: Float64Array } {
  const columns = system.cells.length;
  const lower = new Float64Array(columns);
  const upper = new Float64Array(columns).fill(Number.POSITIVE_INFINITY);
  const low = (j: number, a: number) => (a > 0 ? a * (lower[j] as number) : a * (upper[j] as number));
  const high = (j: number, a: number) => (a > 0 ? a * (upper[j] as number) : a * (lower[j] as number));
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (let row = 0; row + 1 < system.rowStarts.length; row++) {
      const from = system.rowStarts[row] as number;
      const to = system.rowStarts[row + 1] as number;
      const rhs = system.rowValues[row] as number;
      let minSum = 0;
      let maxSum = 0;
      let infinite = 0;
      for (let k = from; k < to; k++) {
        const j = system.rowColumns[k] as number;
        const a = system.rowCoefficients[k] as number;
        minSum += low(j, a);
        const h = high(j, a);
        if (Number.isFinite(h)) maxSum += h;
        else infinite++;
      }
      for (let k = from; k < to; k++) {
        const j = system.rowColumns[k] as number;
        const a = system.rowCoefficients[k] as number;
        const h = high(j, a);
        // a·x_j = rhs − Σ others: between rhs − max(others) and rhs − min(others).
        const othersMin = minSum - low(j, a);
        const othersMaxFinite = Number.isFinite(h) ? infinite === 0 : infinite === 1;
        const othersMax = othersMaxFinite ? maxSum - (Number.isFinite(h) ? h : 0) : Number.POSITIVE_INFINITY;
        const [termLow, termHigh] = [rhs - othersMax, rhs - othersMin];
        const [newLow, newHigh] = a > 0 ? [termLow / a, termHigh / a] : [termHigh / a, termLow / a];
        if (newLow > (lower[j] as number) + TOLERANCE) {
          lower[j] = newLow;
          changed = true;
        }
        if (newHigh < (upper[j] as number) - TOLERANCE) {
          upper[j] = newHigh;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { lower, upper };
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

/**
 * One column's feasible interval in the whole model: maximise it, then (unless the solutions seen so far already
 * prove it wide) minimise it, warm-started each time. Null when the column is proven wide.
 */
function intervalOf(state: AuditState, model: Model, column: number, width: number): [number, number] | null {
  const { highs, seen, result } = state;
  const { maximize, minimize } = highs.constants.objectiveSense;
  const bounds = { lower: 0, upper: Number.POSITIVE_INFINITY };
  model.changeColCost(column, 1);
  try {
    for (const sense of [maximize, minimize]) {
      model.changeObjectiveSense(sense);
      model.run();
      result.solves++;
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) continue;
      seen.record(model.getSolution().colValue);
      if (seen.wide(column, width)) return null;
      if (sense === maximize) bounds.upper = model.getObjectiveValue();
      else bounds.lower = model.getObjectiveValue();
    }
  } finally {
    model.changeColCost(column, 0);
  }
  return [bounds.lower, bounds.upper];
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
    const bounds = propagateBounds(system);
    sensitive.forEach((needed, j) => {
      if (!needed || (bounds.upper[j] as number) - (bounds.lower[j] as number) >= width - TOLERANCE) return;
      sensitive[j] = false;
      result.unprotected.push({
        cell: system.cells[j] as number,
        value: truth[j] as number,
        lower: bounds.lower[j] as number,
        upper: bounds.upper[j] as number,
      });
    });
    proveTogether(state, model, open);
    for (const j of open()) {
      if (state.seen.wide(j, width)) continue;
      const found = intervalOf(state, model, j, width);
      if (found !== null && found[1] - found[0] < width - TOLERANCE)
        result.unprotected.push({
          cell: system.cells[j] as number,
          value: truth[j] as number,
          lower: found[0],
          upper: found[1],
        });
    }
  } finally {
    model.dispose();
  }
  return result;
}
