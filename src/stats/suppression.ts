// Disclosure control (METHODS §9): primary suppression of small cells and secondary suppression in tables with totals.
import { type Overrides, withDefaults } from './inputs.js';
import { StatsInputError } from './stats-input-error.js';

export interface SuppressionSettings {
  /** Counts with 0 < x < minCount are suppressed (k, default 5). */
  minCount: number;
  /** Survey cells with fewer respondents than this are suppressed (m, default 50). */
  minRespondents: number;
  /** Sources whose counts are public by law or practice (e.g. fatal accidents); never suppressed, always flagged. */
  exemptSources: readonly string[];
}

export const DEFAULT_SUPPRESSION_SETTINGS: Readonly<SuppressionSettings> = Object.freeze({
  minCount: 5,
  minRespondents: 50,
  exemptSources: [],
});

export interface CellInput {
  row: string;
  column: string;
  /** The published number: a count, or for survey cells the estimate. null = not available. */
  value: number | null;
  /** Respondents behind a survey cell. When given, the cell is a survey cell and the respondent rule applies. */
  respondents?: number | null;
  /** Data source, matched against `exemptSources`. */
  source?: string | null;
}

export interface TableInput {
  cells: readonly CellInput[];
  /** Row key whose cells hold the column totals; omit if the table has none. */
  totalRow?: string | null;
  /** Column key whose cells hold the row totals; omit if the table has none. */
  totalColumn?: string | null;
}

export type SuppressionReason = 'primary_small_count' | 'primary_small_n' | 'secondary';

export interface ProtectedCell {
  row: string;
  column: string;
  /** What may be published: null when suppressed. */
  published: number | null;
  /** The unsuppressed value, for data stewards only; never put this on a public page, API or download. */
  original: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  /** The exempt source when the cell was exempted from suppression (shown to readers, e.g. as a footnote). */
  exemptSource: string | null;
  isTotal: boolean;
}

export interface SuppressionWarning {
  code: 'unprotectable_group';
  /** The row or column whose single suppressed cell has no partner that could be suppressed with it. */
  axis: 'row' | 'column';
  key: string;
}

export interface SuppressionResult {
  cells: ProtectedCell[];
  settings: SuppressionSettings;
  warnings: SuppressionWarning[];
}

function resolveSettings(overrides: Overrides<SuppressionSettings> | undefined): SuppressionSettings {
  const settings = withDefaults(DEFAULT_SUPPRESSION_SETTINGS, overrides);
  for (const key of ['minCount', 'minRespondents'] as const) {
    if (!(Number.isFinite(settings[key]) && settings[key] >= 0)) {
      throw new StatsInputError(`settings.${key}`, `must be a non-negative number, got ${settings[key]}`);
    }
  }
  return settings;
}

/**
 * The primary rule for one published figure; use it also for single values outside tables. A rate, share or
 * interval derived from a suppressed count must be suppressed with it.
 */
export function primarySuppression(
  cell: Pick<CellInput, 'value' | 'respondents' | 'source'>,
  overrides?: Overrides<SuppressionSettings>,
): SuppressionReason | null {
  const settings = resolveSettings(overrides);
  return primaryReason(cell, settings);
}

function primaryReason(
  cell: Pick<CellInput, 'value' | 'respondents' | 'source'>,
  settings: SuppressionSettings,
) {
  if (isExempt(cell, settings)) return null;
  const { value, respondents } = cell;
  if (respondents !== undefined && respondents !== null) {
    return respondents < settings.minRespondents ? 'primary_small_n' : null;
  }
  return value !== null && value > 0 && value < settings.minCount ? 'primary_small_count' : null;
}

function isExempt(cell: Pick<CellInput, 'source'>, settings: SuppressionSettings): boolean {
  return cell.source != null && settings.exemptSources.includes(cell.source);
}

function checkCells(cells: readonly CellInput[]): void {
  const keys = new Set<string>();
  cells.forEach((cell, i) => {
    const key = JSON.stringify([cell.row, cell.column]);
    if (keys.has(key))
      throw new StatsInputError(`cells[${i}]`, `duplicate cell (${cell.row}, ${cell.column})`);
    keys.add(key);
    if (cell.value !== null && !(Number.isFinite(cell.value) && cell.value >= 0)) {
      throw new StatsInputError(
        `cells[${i}].value`,
        `must be a non-negative number or null, got ${cell.value}`,
      );
    }
    const { respondents } = cell;
    if (respondents != null && !(Number.isFinite(respondents) && respondents >= 0)) {
      throw new StatsInputError(
        `cells[${i}].respondents`,
        `must be a non-negative number, got ${respondents}`,
      );
    }
  });
}

interface Group {
  axis: 'row' | 'column';
  key: string;
  cells: ProtectedCell[];
}

/**
 * A row adds up to its total only when the table has a total column and that row has a total cell (likewise for
 * columns); only such groups let a reader recover a cell by subtraction.
 */
function additiveGroups(cells: readonly ProtectedCell[], table: TableInput): Group[] {
  const groups: Group[] = [];
  const collect = (axis: 'row' | 'column', totalKey: string | null | undefined) => {
    if (totalKey == null) return;
    const byKey = new Map<string, ProtectedCell[]>();
    for (const cell of cells) {
      const key = cell[axis];
      byKey.set(key, [...(byKey.get(key) ?? []), cell]);
    }
    const other = axis === 'row' ? 'column' : 'row';
    for (const [key, members] of byKey) {
      if (members.length > 1 && members.some((cell) => cell[other] === totalKey)) {
        groups.push({ axis, key, cells: members });
      }
    }
  };
  collect('row', table.totalColumn);
  collect('column', table.totalRow);
  return groups;
}

/**
 * The cell to suppress alongside a lone suppressed one: the smallest published, non-exempt cell, preferring
 * interior cells to the total (hiding the total protects less and costs more). Ties go to the earlier cell.
 * Exempt cells are public anyway, so hiding them would protect nothing.
 */
function partnerFor(group: Group): ProtectedCell | undefined {
  const candidates = group.cells.filter(
    (c) => !c.suppressed && c.exemptSource === null && c.original !== null,
  );
  const byPreference = (a: ProtectedCell, b: ProtectedCell) =>
    Number(a.isTotal) - Number(b.isTotal) || (a.original ?? 0) - (b.original ?? 0);
  return candidates.sort(byPreference)[0];
}

/**
 * Applies primary suppression to every cell, then secondary suppression until stable: whenever a row or column
 * with a total has exactly one suppressed cell, the next-smallest cell of that group is suppressed too.
 * Exempt cells are published and flagged. A group that cannot be protected (its other cells are exempt or
 * missing) is reported in `warnings` rather than silently left open.
 */
export function suppressTable(
  table: TableInput,
  overrides?: Overrides<SuppressionSettings>,
): SuppressionResult {
  const settings = resolveSettings(overrides);
  checkCells(table.cells);
  const cells: ProtectedCell[] = table.cells.map((cell) => {
    const reason = primaryReason(cell, settings);
    return {
      row: cell.row,
      column: cell.column,
      published: reason === null ? cell.value : null,
      original: cell.value,
      suppressed: reason !== null,
      reason,
      exemptSource: isExempt(cell, settings) ? (cell.source ?? null) : null,
      isTotal: cell.row === table.totalRow || cell.column === table.totalColumn,
    };
  });
  const groups = additiveGroups(cells, table);
  const loneSuppressed = (group: Group) => group.cells.filter((c) => c.suppressed).length === 1;
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      // Checked cell by cell: a partner chosen for one group may already have protected the next.
      const partner = loneSuppressed(group) ? partnerFor(group) : undefined;
      if (partner === undefined) continue;
      partner.suppressed = true;
      partner.reason = 'secondary';
      partner.published = null;
      changed = true;
    }
  }
  const warnings = groups
    .filter(loneSuppressed)
    .map((group): SuppressionWarning => ({ code: 'unprotectable_group', axis: group.axis, key: group.key }));
  return { cells, settings, warnings };
}
