// Activities as the domain sees them: one function maps the repository's rows (the activity, its branch groups,
// targets and evidence) to an `Activity`, and one gives the editable state that each saved version keeps.
import type { ActivityStatus, ActivityType } from '../db/schema.js';
import type { RecordState } from './versioned.js';

export interface Named {
  code: string;
  nameDa: string;
  nameEn: string;
}

export interface ActivityBranch {
  group: Named;
  /** Null: the whole branch group. */
  subBranch: Named | null;
}

/** A target the activity works toward, named as the target pages name it. */
export interface LinkedTarget {
  id: number;
  goal: Named;
  subProblem: Named | null;
  branchGroup: Named | null;
  subBranch: Named | null;
}

export interface Evidence {
  id: number;
  kind: 'link' | 'file';
  title: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  addedAt: string;
  addedBy: string;
}

/** The planned and reached counts, in the order every form of an activity lists them. */
export const COUNT_FIELDS = [
  'plannedWorkplaces',
  'plannedParticipants',
  'reachedWorkplaces',
  'reachedParticipants',
] as const;

export type ActivityCounts = Record<(typeof COUNT_FIELDS)[number], number | null>;

/** The counts of an activity (or its row), in COUNT_FIELDS order. */
export const countsOf = (from: ActivityCounts): ActivityCounts => ({
  plannedWorkplaces: from.plannedWorkplaces,
  plannedParticipants: from.plannedParticipants,
  reachedWorkplaces: from.reachedWorkplaces,
  reachedParticipants: from.reachedParticipants,
});

/** When the record was published, its version, and who created and last saved it when. */
interface SaveStamps {
  publishedAt: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface Activity extends ActivityCounts, SaveStamps {
  id: number;
  bfa: { id: number; code: string; short: string; nameDa: string; nameEn: string };
  title: string;
  type: ActivityType;
  periodStart: string;
  periodEnd: string | null;
  costDkk: number | null;
  fundingPool: { id: number; name: string } | null;
  campaign: { id: number; title: string } | null;
  status: ActivityStatus;
  notes: string;
  published: boolean;
  isDemo: boolean;
  branches: ActivityBranch[];
  targets: LinkedTarget[];
  evidence: Evidence[];
}

/** The activity's own row with its BFA, pool and campaign joined (the repository's `ActivityRow`). */
export interface ActivityRowShape extends ActivityCounts, SaveStamps {
  id: number;
  bfaId: number;
  bfaCode: string;
  bfaShort: string;
  bfaNameDa: string;
  bfaNameEn: string;
  title: string;
  activityType: ActivityType;
  periodStart: string;
  periodEnd: string | null;
  costDkk: number | string | null;
  fundingPoolId: number | null;
  fundingPoolName: string | null;
  campaignId: number | null;
  campaignTitle: string | null;
  status: ActivityStatus;
  notes: string;
  published: number;
  isDemo: number;
}

/** Amounts are bigint on PostgreSQL; whole kroner well within a safe integer. */
const amount = (value: number | string | null) => (value === null ? null : Number(value));

export function toActivity(
  row: ActivityRowShape,
  branches: ActivityBranch[],
  targets: LinkedTarget[],
  evidence: Evidence[],
): Activity {
  return {
    id: row.id,
    bfa: {
      id: row.bfaId,
      code: row.bfaCode,
      short: row.bfaShort,
      nameDa: row.bfaNameDa,
      nameEn: row.bfaNameEn,
    },
    title: row.title,
    type: row.activityType,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    ...countsOf(row),
    costDkk: amount(row.costDkk),
    fundingPool:
      row.fundingPoolId === null ? null : { id: row.fundingPoolId, name: row.fundingPoolName ?? '' },
    campaign: row.campaignId === null ? null : { id: row.campaignId, title: row.campaignTitle ?? '' },
    status: row.status,
    notes: row.notes,
    published: row.published === 1,
    publishedAt: row.publishedAt,
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    isDemo: row.isDemo === 1,
    branches,
    targets,
    evidence,
  };
}

const sorted = <T extends string | number>(values: T[]) =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The branch group codes (each once) and the sub-branch codes of an activity. */
export function branchCodes(activity: Pick<Activity, 'branches'>): {
  branchGroups: string[];
  subBranches: string[];
} {
  return {
    branchGroups: sorted(activity.branches.map((branch) => branch.group.code)),
    subBranches: sorted(
      activity.branches.flatMap((branch) => (branch.subBranch === null ? [] : [branch.subBranch.code])),
    ),
  };
}

/** What one saved version keeps: every field an editor sets, by its input name, linked records by code or id. */
export function activityState(activity: Activity): RecordState {
  return {
    bfa: activity.bfa.code,
    title: activity.title,
    type: activity.type,
    ...branchCodes(activity),
    targets: sorted(activity.targets.map((target) => target.id)),
    periodStart: activity.periodStart,
    periodEnd: activity.periodEnd,
    ...countsOf(activity),
    costDkk: activity.costDkk,
    fundingPool: activity.fundingPool?.id ?? null,
    campaign: activity.campaign?.id ?? null,
    status: activity.status,
    notes: activity.notes,
    published: activity.published,
    evidence: activity.evidence.map((item) => `${item.id}: ${item.title}`),
  };
}
