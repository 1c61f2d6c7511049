// Domain types for targets and observations, and the one mapping from database rows to each.
import type { Selectable } from 'kysely';
import type { ObservationTable } from '../db/schema.js';
import type { Polarity, ProgressExplanation, ProgressResult } from '../stats/index.js';
import type { TargetRow } from './targets.repository.js';
import type { TargetStatus } from './targets.schemas.js';

export interface Named {
  code: string;
  nameDa: string;
  nameEn: string;
}

export interface Observation {
  year: number;
  periodLabel: string;
  value: number;
  lowercl: number | null;
  uppercl: number | null;
  confidence: number | null;
  count: number | null;
  denominator: number | null;
  respondents: number | null;
  source: string;
  seriesLabel: string;
  /** True for the first observation of a new series after a method or series break. */
  seriesBreak: boolean;
  isDemo: boolean;
}

/** An observation kept from the public (METHODS §9), as data stewards see it: the stored point and why. */
export interface WithheldObservation extends Observation {
  warning: { da: string; en: string };
}

/** A point left out of a target's public observations and assessment: the year and the rule, never the value. */
export interface LeftOut {
  year: number;
  code: 'below_min_respondents';
  params: { year: number; minRespondents: number };
  da: string;
  en: string;
}

/** The progress assessment of a target, its explanation naming the points left out of it. */
export type TargetAssessment = ProgressResult & {
  explanation: ProgressExplanation & { leftOut: LeftOut[] };
};

export interface Target {
  id: number;
  key: string;
  scope: 'national' | 'branch';
  goal: Named & { no: number };
  subProblem: Named | null;
  mainGroup: Named | null;
  branchGroup: Named | null;
  subBranch: Named | null;
  indicator: Named & {
    unit: string;
    polarity: Polarity;
    dataSource: string;
    methodBreakNotesDa: string;
    methodBreakNotesEn: string;
  };
  owner: (Named & { short: string }) | null;
  baseline: { year: number; value: number };
  target: { year: number; value: number };
  status: TargetStatus;
  notes: string;
  revision: { number: number; revisedAt: string; revisedBy: string; reason: string };
  isDemo: boolean;
  latest: Observation | null;
  /** Progress toward the target (METHODS §7) from the published observations; null on historical revisions. */
  assessment: TargetAssessment | null;
}

const named = (code: string | null, nameDa: string | null, nameEn: string | null): Named | null =>
  code === null ? null : { code, nameDa: nameDa ?? code, nameEn: nameEn ?? code };

export function toObservation(row: Selectable<ObservationTable>): Observation {
  return {
    year: row.year,
    periodLabel: row.periodLabel,
    value: row.value,
    lowercl: row.lowercl,
    uppercl: row.uppercl,
    confidence: row.confidence,
    count: row.count,
    denominator: row.denominator,
    respondents: row.respondents,
    source: row.source,
    seriesLabel: row.seriesLabel,
    seriesBreak: row.seriesBreak === 1,
    isDemo: row.isDemo === 1,
  };
}

function toPolarity(value: string, indicator: string): Polarity {
  if (value === 'lower_is_better' || value === 'higher_is_better') return value;
  throw new Error(`Indicator ${indicator} has an unknown polarity "${value}"`);
}

export function toTarget(row: TargetRow, latest: Observation | null): Target {
  return {
    id: row.id,
    key: row.scopeKey,
    scope: row.branchGroupCode === null ? 'national' : 'branch',
    goal: { no: row.goalNo, code: row.goalCode, nameDa: row.goalNameDa, nameEn: row.goalNameEn },
    subProblem: named(row.subProblemCode, row.subProblemNameDa, row.subProblemNameEn),
    mainGroup: named(row.mainGroupCode, row.mainGroupNameDa, row.mainGroupNameEn),
    branchGroup: named(row.branchGroupCode, row.branchGroupNameDa, row.branchGroupNameEn),
    subBranch: named(row.subBranchCode, row.subBranchNameDa, row.subBranchNameEn),
    indicator: {
      code: row.indicatorCode,
      nameDa: row.indicatorNameDa,
      nameEn: row.indicatorNameEn,
      unit: row.indicatorUnit,
      polarity: toPolarity(row.indicatorPolarity, row.indicatorCode),
      dataSource: row.indicatorDataSource,
      methodBreakNotesDa: row.indicatorBreakNotesDa,
      methodBreakNotesEn: row.indicatorBreakNotesEn,
    },
    owner:
      row.ownerCode === null
        ? null
        : {
            code: row.ownerCode,
            short: row.ownerShort ?? row.ownerCode,
            nameDa: row.ownerNameDa ?? row.ownerCode,
            nameEn: row.ownerNameEn ?? row.ownerCode,
          },
    baseline: { year: row.baselineYear, value: row.baselineValue },
    target: { year: row.targetYear, value: row.targetValue },
    status: row.status as TargetStatus,
    notes: row.notes,
    revision: {
      number: row.revision,
      revisedAt: row.revisedAt,
      revisedBy: row.revisedBy,
      reason: row.reason,
    },
    isDemo: row.targetIsDemo === 1 || row.revisionIsDemo === 1,
    latest,
    assessment: null,
  };
}

/** A target's current state, every revision (oldest first) and the published observations behind it. */
export interface TargetHistory {
  current: Target;
  revisions: Target[];
  observations: Observation[];
  /** The observations kept from the public: empty unless a data steward's view was asked for. */
  withheld: WithheldObservation[];
}
