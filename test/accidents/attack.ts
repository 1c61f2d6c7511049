// An attacker on the public accident API: take an answer and the same answer grouped one dimension finer, and
// work out hidden cells from what is published, by subtraction on every numeric field and by the labour-loss
// fields' relation to counts (days imputed = midpoint × records without days). Used by the disclosure tests.

export type Row = Record<string, unknown>;

export const KEYS = [
  'year',
  'branch',
  'mainGroup',
  'ageBand',
  'sex',
  'severity',
  'chemical',
  'band',
] as const;

/** Fields that add up over the cells of a row. */
const ADDITIVE = ['count', 'daysStated', 'recordsWithDays', 'daysImputed', 'daysTotal', 'fullTimeYears'];

export interface Recovery {
  /** The finer row's keys. */
  row: Row;
  /** What the attacker worked out for its count. */
  count: number;
}

const num = (value: unknown) => (typeof value === 'number' ? value : null);

function sumOf(rows: Row[], field: string): number | null {
  let total = 0;
  for (const row of rows) {
    const value = num(row[field]);
    if (value === null) return null;
    total += value;
  }
  return total;
}

/** What is left of a published total's field once the published children are taken away, or null. */
function residual(total: Row, visible: Row[], field: string): number | null {
  const whole = num(total[field]);
  const seen = sumOf(visible, field);
  return whole === null || seen === null ? null : whole - seen;
}

/** One hidden child: every additive field's residual is its value; a count follows from any count-like one. */
function singleHidden(total: Row, visible: Row[], hidden: Row): Recovery[] {
  const count = residual(total, visible, 'count');
  return count === null ? [] : [{ row: hidden, count }];
}

/**
 * Hidden severities where only one has a non-zero midpoint and the others state no days (as 'unknown' does):
 * records without days = imputed days ÷ midpoint, records with days = the residual of recordsWithDays.
 */
function midpointTrick(
  total: Row,
  visible: Row[],
  hidden: Row[],
  midpoints: Record<string, number>,
): Recovery[] {
  const imputed = residual(total, visible, 'daysImputed');
  const withDays = residual(total, visible, 'recordsWithDays');
  const counted = residual(total, visible, 'count');
  if (imputed === null || withDays === null || counted === null) return [];
  const weighted = hidden.filter((row) => (midpoints[row.severity as string] ?? 0) > 0);
  if (weighted.length !== 1 || hidden.length !== 2) return [];
  const target = weighted[0] as Row;
  const other = hidden.find((row) => row !== target) as Row;
  const count = imputed / (midpoints[target.severity as string] as number) + withDays;
  return [
    { row: target, count },
    { row: other, count: counted - count },
  ];
}

/** Everything the attacker recovers from one coarse answer and one answer grouped by `finer` too. */
export function attackPair(
  coarse: Row[],
  fine: Row[],
  coarseKeys: readonly string[],
  midpoints: Record<string, number> | null,
): Recovery[] {
  const recovered: Recovery[] = [];
  for (const total of coarse) {
    if (total.suppressed === true) continue;
    const under = fine.filter((row) => coarseKeys.every((key) => row[key] === total[key]));
    const hidden = under.filter((row) => row.suppressed === true);
    const visible = under.filter((row) => row.suppressed !== true);
    if (hidden.length === 0) continue;
    if (hidden.length === 1) recovered.push(...singleHidden(total, visible, hidden[0] as Row));
    else if (midpoints !== null && hidden.every((row) => typeof row.severity === 'string'))
      recovered.push(...midpointTrick(total, visible, hidden, midpoints));
  }
  return recovered.filter((r) => Number.isFinite(r.count));
}

export const additiveFields = ADDITIVE;
