// The one disclosure gate every accident answer passes on its way out (API, CLI, pages, downloads): a public row
// says that it is hidden, never why, shows no figure computed from hidden cells, and carries no field that only
// data stewards may see. Stewards (the unsuppressed view) get every field.
import type { AnswerOptions } from './rates.js';

/** Figures a hidden row may still show: its keys and the employment behind it (employment is public). */
const PUBLIC_WHEN_HIDDEN = new Set(['year', 'denominator', 'allAgesDenominator', 'strata']);

/**
 * Fields only data stewards see. The reason a cell is hidden tells a reader which hidden cells hold 1 to 4 cases;
 * labour-loss's days stated, records with days and imputed days tie hidden counts to published days through the
 * severity midpoints, so only the total days (and full-time years) are public.
 */
export const STEWARD_ONLY_FIELDS = [
  'suppressionReason',
  'daysStated',
  'recordsWithDays',
  'daysImputed',
] as const;

export interface GatedRow {
  suppressed: boolean;
}

/** A public row: steward-only fields gone, and, when hidden, every figure but its keys and employment null. */
function publicRow<Row extends GatedRow>(row: Row): Row {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if ((STEWARD_ONLY_FIELDS as readonly string[]).includes(field)) continue;
    out[field] = row.suppressed && typeof value === 'number' && !PUBLIC_WHEN_HIDDEN.has(field) ? null : value;
  }
  return out as Row;
}

/** Rows as they may leave: unchanged for data stewards, through the gate for everyone else. */
export function gateRows<Row extends GatedRow>(rows: Row[], options: AnswerOptions): Row[] {
  return options.unsuppressed === true ? rows : rows.map(publicRow);
}
