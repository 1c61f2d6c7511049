// Turns filters into a walk over the protected cube: which cube values each grouped row sums, and what a row's
// figures are (count, days lost, employed, disclosure). Rows that sum several cube cells are published only when
// every cell is: a sum of published cells reveals nothing, and a sum holding a hidden cell could reveal it.
import { AppError, type Issue } from '../errors.js';
import { formatDecimal } from '../format.js';
import { CELL_PRIMARY, CELL_PUBLISHED } from '../stats/index.js';
import type { Convention } from './aggregates.repository.js';
import { type AccidentCube, ALL, type Axis, DIMENSIONS, type DimensionName } from './cube.js';
import type { AccidentFilters, GroupBy } from './query.js';
import type { AccidentData } from './statistics.js';

/** One row's value along one dimension: its key (null when not grouped) and the cube values it sums. */
export interface Choice {
  key: string | null;
  values: number[];
}

export interface Plan {
  data: AccidentData;
  cube: AccidentCube;
  convention: Convention;
  conventionDefaulted: boolean;
  from: number | null;
  to: number | null;
  /** Per dimension (cube order), the choices a row picks from. */
  choices: Choice[][];
  groupBy: GroupBy[];
  filters: AccidentFilters;
}

export type SuppressionReason = 'primary_small_count' | 'secondary';

export interface RowFigures {
  keys: Partial<Record<GroupBy, string>>;
  /** Per dimension, the choice this row took. */
  picked: Choice[];
  count: number;
  daysLost: number;
  daysKnown: number;
  daysImputed: number;
  published: boolean;
  reason: SuppressionReason | null;
  /** Every cell behind the row is exempt (fatal accidents): published by rule, flagged. */
  exempt: boolean;
}

/** Replace whole groups of leaves by their margin, so a selection is read from the cube's own protected cells. */
export function canonical(axis: Axis, leaves: readonly number[]): number[] {
  const chosen = new Set(leaves);
  const all = axis.leavesUnder.get(axis.all) ?? [];
  if (all.length > 0 && all.every((leaf) => chosen.has(leaf))) return [axis.all];
  const result: number[] = [];
  const covered = new Set<number>();
  for (const [margin, under] of axis.leavesUnder) {
    if (margin === axis.all || under.length === 0) continue;
    if (under.every((leaf) => chosen.has(leaf))) {
      result.push(margin);
      for (const leaf of under) covered.add(leaf);
    }
  }
  for (const leaf of leaves) if (!covered.has(leaf)) result.push(leaf);
  return result;
}

/** The rows an answer would have, counted before anything is computed; above the budget it is refused. */
function refuseAboveBudget(choices: Choice[][], maxRows: number): void {
  const rows = rowCount(choices);
  if (rows <= maxRows) return;
  throw new AppError(
    'too_large',
    `This query would give ${formatDecimal(rows, 'en')} rows, more than the ${formatDecimal(maxRows, 'en')} an answer may have`,
    [
      {
        field: 'groupBy',
        message: `${formatDecimal(rows, 'en')} rows: narrow the period, filter branches, age, sex or severity, or group by fewer dimensions`,
        messageDa: `${formatDecimal(rows, 'da')} rækker: afgræns perioden, vælg brancher, alder, køn eller alvorlighed, eller gruppér efter færre dimensioner`,
      },
    ],
  );
}

/** How many rows an answer with these choices has. */
const rowCount = (choices: Choice[][]) => choices.reduce((product, list) => product * list.length, 1);

export interface NarrowerView {
  groupBy: GroupBy[];
  from: number | null;
  to: number | null;
  rows: number;
}

/**
 * For a query above the row budget, the nearest queries within it: the same grouped by one dimension fewer, and the
 * same for the latest year alone. Each is planned (not computed) to count its rows.
 */
export function narrowerViews(data: AccidentData, filters: AccidentFilters): NarrowerView[] {
  const candidates: AccidentFilters[] = filters.groupBy.map((dropped) => ({
    ...filters,
    groupBy: filters.groupBy.filter((name) => name !== dropped),
  }));
  const latest = data.cubes[filters.convention ?? 'registration'].years.at(-1);
  if (latest !== undefined && !(filters.from === latest && filters.to === latest))
    candidates.push({ ...filters, from: latest, to: latest });
  return candidates.flatMap((candidate) => {
    try {
      const plan = planQuery(data, candidate);
      return [
        { groupBy: candidate.groupBy, from: candidate.from, to: candidate.to, rows: rowCount(plan.choices) },
      ];
    } catch (error) {
      if (error instanceof AppError) return [];
      throw error;
    }
  });
}

export function planQuery(data: AccidentData, filters: AccidentFilters): Plan {
  const issues: Issue[] = [];
  const conventionDefaulted = filters.convention === null;
  const convention: Convention =
    filters.convention ??
    (filters.fatal === true || filters.severity === 'fatal' ? 'accident' : 'registration');
  const cube = data.cubes[convention];
  const axisOf = (name: DimensionName) => cube.axes[DIMENSIONS.indexOf(name)] as Axis;
  const grouped = (name: GroupBy) => filters.groupBy.includes(name);

  // Years.
  const yearAxis = axisOf('year');
  const first = cube.years[0] ?? null;
  const last = cube.years[cube.years.length - 1] ?? null;
  const from = filters.from ?? first;
  const to = filters.to ?? last;
  if (first !== null && last !== null) {
    if (filters.from !== null && filters.from > last)
      issues.push({
        field: 'from',
        message: `the accident records end in ${last}`,
        messageDa: `ulykkestallene slutter i ${last}`,
      });
    if (filters.to !== null && filters.to < first)
      issues.push({
        field: 'to',
        message: `the accident records start in ${first}`,
        messageDa: `ulykkestallene begynder i ${first}`,
      });
  }
  const years = cube.years.filter((year) => from !== null && to !== null && year >= from && year <= to);
  const yearLeaves = years.map((year) => yearAxis.index.get(String(year)) as number);

  // Branches and main groups.
  const branchAxis = axisOf('branch');
  const mainGroupOf = new Map(data.branches.map((b) => [b.code, b.mainGroup]));
  for (const code of filters.branch) {
    if (!mainGroupOf.has(code))
      issues.push({
        field: 'branch',
        message: `"${code}" is not a branch group code`,
        messageDa: `"${code}" er ikke en kode for en branchegruppe`,
      });
  }
  if (filters.mainGroup !== null && !data.mainGroups.some((g) => g.code === filters.mainGroup)) {
    issues.push({
      field: 'mainGroup',
      message: `"${filters.mainGroup}" is not a main group code`,
      messageDa: `"${filters.mainGroup}" er ikke en kode for en hovedgruppe`,
    });
  }
  let branches = filters.branch.length > 0 ? filters.branch : data.branches.map((b) => b.code);
  if (filters.mainGroup !== null) {
    const outside = filters.branch.filter((code) => mainGroupOf.get(code) !== filters.mainGroup);
    for (const code of outside)
      issues.push({
        field: 'branch',
        message: `"${code}" is not in the main group ${filters.mainGroup}`,
        messageDa: `"${code}" hører ikke til hovedgruppen ${filters.mainGroup}`,
      });
    branches = branches.filter((code) => mainGroupOf.get(code) === filters.mainGroup);
  }
  if (issues.length > 0) throw new AppError('invalid_input', 'Invalid accident statistics query', issues);
  const branchLeaves = branches.map((code) => branchAxis.index.get(code) as number);

  const leavesOf = (name: DimensionName, selected: string[] | null) => {
    const axis = axisOf(name);
    return selected === null ? axis.leaves : selected.map((value) => axis.index.get(value) as number);
  };
  const severities =
    filters.severity !== null
      ? [filters.severity]
      : filters.fatal === true
        ? ['fatal']
        : filters.fatal === false
          ? ['serious', 'minor', 'unknown']
          : null;
  const chemical = filters.chemical === null ? null : [filters.chemical ? '1' : '0'];

  const choicesFor = (name: DimensionName, groupName: GroupBy, leaves: number[]): Choice[] => {
    const axis = axisOf(name);
    if (grouped(groupName))
      return leaves.map((leaf) => ({ key: axis.values[leaf] as string, values: [leaf] }));
    return [{ key: null, values: canonical(axis, leaves) }];
  };
  let branchChoices: Choice[];
  if (grouped('branch')) branchChoices = choicesFor('branch', 'branch', branchLeaves);
  else if (grouped('mainGroup')) {
    branchChoices = data.mainGroups.flatMap((group) => {
      const inGroup = branchLeaves.filter(
        (leaf) => mainGroupOf.get(branchAxis.values[leaf] as string) === group.code,
      );
      return inGroup.length === 0 ? [] : [{ key: group.code, values: canonical(branchAxis, inGroup) }];
    });
  } else branchChoices = [{ key: null, values: canonical(branchAxis, branchLeaves) }];

  const choices = [
    choicesFor('year', 'year', yearLeaves),
    branchChoices,
    choicesFor(
      'ageBand',
      'ageBand',
      leavesOf('ageBand', filters.ageBand === null ? null : [filters.ageBand]),
    ),
    choicesFor('sex', 'sex', leavesOf('sex', filters.sex === null ? null : [filters.sex])),
    choicesFor('severity', 'severity', leavesOf('severity', severities)),
    choicesFor('chemical', 'chemical', leavesOf('chemical', chemical)),
  ];
  refuseAboveBudget(choices, data.settings.queryBudget.maxRows);
  return {
    data,
    cube,
    convention,
    conventionDefaulted,
    from: years[0] ?? from,
    to: years[years.length - 1] ?? to,
    choices,
    groupBy: filters.groupBy,
    filters,
  };
}

const KEY_OF_DIMENSION: Record<DimensionName, GroupBy> = {
  year: 'year',
  branch: 'branch',
  ageBand: 'ageBand',
  sex: 'sex',
  severity: 'severity',
  chemical: 'chemical',
};

/** The figures of one combination of choices (one per dimension). */
export function figuresOf(plan: Plan, picked: Choice[]): RowFigures {
  const { cube } = plan;
  let count = 0;
  let daysLost = 0;
  let daysKnown = 0;
  let daysImputed = 0;
  let hidden = false;
  let primary = false;
  let exempt = true;
  let cells = 0;
  const visit = (d: number, offset: number) => {
    if (d === picked.length) {
      cells++;
      count += cube.counts[offset] as number;
      daysLost += cube.daysLost[offset] as number;
      daysKnown += cube.daysKnown[offset] as number;
      daysImputed += cube.daysImputed[offset] as number;
      const status = cube.status[offset];
      if (status !== CELL_PUBLISHED) hidden = true;
      if (status === CELL_PRIMARY) primary = true;
      if (cube.exempt[offset] === 0) exempt = false;
      return;
    }
    for (const value of (picked[d] as Choice).values)
      visit(d + 1, offset + value * (cube.strides[d] as number));
  };
  visit(0, 0);
  if (cells === 0) exempt = false;
  const minCount = plan.data.settings.suppression.minCount;
  const small = count > 0 && count < minCount && !exempt;
  const published = !hidden && !small;
  const reason: SuppressionReason | null = published
    ? null
    : (cells === 1 && primary) || small
      ? 'primary_small_count'
      : 'secondary';
  const keys: Partial<Record<GroupBy, string>> = {};
  picked.forEach((choice, d) => {
    if (choice.key === null) return;
    const name = DIMENSIONS[d] as DimensionName;
    if (name === 'branch' && plan.groupBy.includes('mainGroup') && !plan.groupBy.includes('branch'))
      keys.mainGroup = choice.key;
    else keys[KEY_OF_DIMENSION[name]] = choice.key;
  });
  if (keys.branch !== undefined) {
    const branch = plan.data.branchByCode.get(keys.branch);
    if (branch !== undefined) keys.mainGroup = branch.mainGroup;
  }
  return { keys, picked, count, daysLost, daysKnown, daysImputed, published, reason, exempt };
}

/** Every row of the plan: the cartesian product of the grouped dimensions' choices. */
export function planRows(plan: Plan): RowFigures[] {
  const rows: RowFigures[] = [];
  const walk = (d: number, picked: Choice[]) => {
    if (d === plan.choices.length) {
      rows.push(figuresOf(plan, picked));
      return;
    }
    for (const choice of plan.choices[d] as Choice[]) walk(d + 1, [...picked, choice]);
  };
  if (plan.choices.every((list) => list.length > 0)) walk(0, []);
  return rows;
}

/** Employed persons behind a row (person-years over several years); null when not known for this breakdown. */
export function employedFor(plan: Plan, picked: Choice[]): number | null {
  const { cube, data } = plan;
  const expand = (d: number) => {
    const axis = cube.axes[d] as Axis;
    return (picked[d] as Choice).values.flatMap((value) => axis.leavesUnder.get(value) ?? [value]);
  };
  const valuesOf = (d: number) => {
    const axis = cube.axes[d] as Axis;
    const values = (picked[d] as Choice).values;
    if (values.length === 1 && values[0] === axis.all) return [ALL];
    return expand(d).map((leaf) => axis.values[leaf] as string);
  };
  const yearAxis = cube.axes[0] as Axis;
  const years = expand(0).map((leaf) => Number(yearAxis.values[leaf]));
  const branchAxis = cube.axes[1] as Axis;
  // Accidents without a branch group have no employment of their own: the branch groups' employment is the
  // denominator of every figure that counts them.
  const branchIds = expand(1).flatMap((leaf) => {
    const branch = data.branchByCode.get(branchAxis.values[leaf] as string);
    return branch === undefined || branch.unmapped === true ? [] : [branch.id];
  });
  const bands = valuesOf(2);
  const sexes = valuesOf(3);
  if (bands.includes('unknown') || sexes.includes('U')) return null;
  let total = 0;
  for (const year of years)
    for (const branch of branchIds)
      for (const band of bands)
        for (const sex of sexes) {
          const employed = data.employment.get(year, branch, band, sex);
          if (employed === null) return null;
          total += employed;
        }
  return years.length === 0 || branchIds.length === 0 ? null : total;
}
