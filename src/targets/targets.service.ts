// Rules for the target tree: listing with the latest observation, adding, and revising with full history.

import { ACCIDENT_INDICATOR_SOURCE, accidentSeries, statisticsFor } from '../accidents/series.js';
import { type AuditContext, operatorAudit, recordAudit } from '../audit/audit.service.js';
import type { Db, Tx } from '../db/connect.js';
import { isUniqueViolation } from '../db/dialect.js';
import { conflict, type Issue, invalidInput, notFound } from '../errors.js';
import {
  findBfa,
  findBranchGroup,
  findGoal,
  findSubBranch,
  findSubProblem,
} from '../reference/reference.repository.js';
import { scopeKey, scopeProblemKey } from '../reference/scope.js';
import { assessTarget } from './assessment.service.js';
import { findIndicator } from './indicators.repository.js';
import { observationsFor } from './observations.repository.js';
import { type Publication, publicationOf, withheldWarning } from './publication.js';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from './survey-settings.js';
import {
  type Observation,
  type Target,
  type TargetHistory,
  toObservation,
  toTarget,
} from './targets.model.js';
import {
  findTargetByKey,
  insertRevision,
  insertTarget,
  listCurrentTargets,
  type TargetRow,
  targetRevisions,
} from './targets.repository.js';
import type { AddTargetInput, ListTargetsFilter, ReviseTargetInput } from './targets.schemas.js';

type Handle = Db | Tx;

/** Who acts and when: injected so that tests and demo data are reproducible. */
export interface Actor {
  user: string;
  now: () => Date;
  /** Who and from where, for the audit trail (default: the local operator named `user`). */
  audit?: AuditContext;
}

/** A target as the audit trail keeps it before and after a change. */
const audited = (target: Target) => ({
  revision: target.revision.number,
  indicator: target.indicator.code,
  owner: target.owner?.code ?? null,
  baseline: target.baseline,
  target: target.target,
  status: target.status,
  notes: target.notes,
  reason: target.revision.reason,
});

const observationScope = (row: TargetRow) =>
  scopeKey({ branchGroup: row.branchGroupCode, subBranch: row.subBranchCode });

/** Yearly observations of accident-register indicators, computed from the accident records. */
async function accidentObservations(db: Handle, rows: TargetRow[]): Promise<Map<number, Observation[]>> {
  const fromRegister = rows.filter((row) => row.indicatorDataSource === ACCIDENT_INDICATOR_SOURCE);
  if (fromRegister.length === 0) return new Map();
  const data = await statisticsFor(db as Db).current();
  return new Map(
    fromRegister.map((row) => [
      row.id,
      accidentSeries(data, row.branchGroupCode, row.indicatorUnit).map(
        (point): Observation => ({
          ...point,
          periodLabel: String(point.year),
          confidence: 0.95,
          respondents: null,
          source: ACCIDENT_SERIES_LABEL,
          seriesLabel: ACCIDENT_SERIES_LABEL,
          seriesBreak: false,
          isDemo: data.demo,
        }),
      ),
    ]),
  );
}

const ACCIDENT_SERIES_LABEL = 'Anmeldte arbejdsulykker (Arbejdstilsynet), opgjort efter registreringsår';

/** How targets are read: the survey settings (the shipped ones unless a test gives others). */
export interface ReadOptions {
  settings?: SurveySettings;
}

/** A data steward's reading of one target: the withheld observations too, each with its warning. */
export interface ShowOptions extends ReadOptions {
  includeWithheld?: boolean;
}

/** Every stored observation behind each target row, keyed by target id, oldest first. Never shown as is. */
async function storedByTarget(db: Handle, rows: TargetRow[]): Promise<Map<number, Observation[]>> {
  const fromRegister = await accidentObservations(db, rows);
  const observations = await observationsFor(
    db,
    rows.map((row) => ({ indicatorId: row.indicatorId, scopeKey: observationScope(row) })),
  );
  const byPair = new Map<string, Observation[]>();
  for (const observation of observations) {
    const key = `${observation.indicatorId}|${observation.scopeKey}`;
    const list = byPair.get(key) ?? [];
    list.push(toObservation(observation));
    byPair.set(key, list);
  }
  return new Map(
    rows.map((row) => [
      row.id,
      fromRegister.get(row.id) ?? byPair.get(`${row.indicatorId}|${observationScope(row)}`) ?? [],
    ]),
  );
}

/**
 * The one way observations leave the database for targets: split by the publication rule (METHODS §9), so
 * every page, API answer, download and CLI listing sees only what may be published.
 */
async function publicationByTarget(
  db: Handle,
  rows: TargetRow[],
  settings: SurveySettings,
): Promise<Map<number, Publication>> {
  const stored = await storedByTarget(db, rows);
  return new Map([...stored].map(([id, observations]) => [id, publicationOf(observations, settings)]));
}

const NOTHING: Publication = { published: [], withheld: [], leftOut: [] };

/** The current state of a target, with its latest published observation and its public assessment. */
function assessed(row: TargetRow, shown: Publication): Target {
  const target = toTarget(row, shown.published.at(-1) ?? null);
  return { ...target, assessment: assessTarget(target, shown.published, shown.leftOut) };
}

/** A filter naming a goal or branch group that does not exist is an error naming it, not an empty list. */
async function checkFilter(db: Handle, filter: ListTargetsFilter): Promise<void> {
  const issues: Issue[] = [];
  if (filter.goal !== undefined && (await findGoal(db, filter.goal)) === undefined)
    issues.push({
      field: 'goal',
      message: `no goal has the code "${filter.goal}"`,
      messageDa: `intet mål har koden "${filter.goal}"`,
    });
  if (filter.branch !== undefined && (await findBranchGroup(db, filter.branch)) === undefined)
    issues.push({
      field: 'branch',
      message: `no branch group has the code "${filter.branch}"`,
      messageDa: `ingen branchegruppe har koden "${filter.branch}"`,
    });
  if (issues.length > 0) throw invalidInput('Invalid query parameters', issues);
}

export async function listTargets(
  db: Handle,
  filter: ListTargetsFilter = {},
  options: ReadOptions = {},
): Promise<Target[]> {
  await checkFilter(db, filter);
  const rows = await listCurrentTargets(db, filter);
  const shown = await publicationByTarget(db, rows, options.settings ?? DEFAULT_SURVEY_SETTINGS);
  return rows.map((row) => assessed(row, shown.get(row.id) ?? NOTHING));
}

export async function showTarget(db: Handle, id: number, options: ShowOptions = {}): Promise<TargetHistory> {
  const settings = options.settings ?? DEFAULT_SURVEY_SETTINGS;
  const rows = await targetRevisions(db, id);
  const newest = rows.at(-1);
  if (newest === undefined) throw notFound(`Target ${id} does not exist`);
  const shown = (await publicationByTarget(db, [newest], settings)).get(newest.id) ?? NOTHING;
  const latest = shown.published.at(-1) ?? null;
  return {
    current: assessed(newest, shown),
    revisions: rows.map((row) => toTarget(row, latest)),
    observations: shown.published,
    withheld: options.includeWithheld === true ? shown.withheld.map((o) => withheldWarning(o, settings)) : [],
  };
}

interface ResolvedValues {
  indicatorId: number;
  ownerBfaId: number | null;
}

/** Resolve codes to ids and check that values fit the indicator; collect every problem before failing. */
async function resolveValues(
  db: Handle,
  values: { indicator: string; owner: string | null; baselineValue: number; targetValue: number },
  issues: Issue[],
): Promise<ResolvedValues> {
  const indicator = await findIndicator(db, values.indicator);
  if (indicator === undefined)
    issues.push({ field: 'indicator', message: `unknown indicator "${values.indicator}"` });
  if (indicator?.unit === 'percent') {
    for (const field of ['baselineValue', 'targetValue'] as const) {
      if (values[field] > 100) issues.push({ field, message: 'is a percentage and must be at most 100' });
    }
  }
  let ownerBfaId: number | null = null;
  if (values.owner !== null) {
    const bfa = await findBfa(db, values.owner);
    if (bfa === undefined) issues.push({ field: 'owner', message: `unknown BFA "${values.owner}"` });
    else ownerBfaId = bfa.id;
  }
  return { indicatorId: indicator?.id ?? -1, ownerBfaId };
}

export async function addTarget(db: Tx, input: AddTargetInput, actor: Actor): Promise<Target> {
  const issues: Issue[] = [];
  const goal = await findGoal(db, input.goal);
  if (goal === undefined) issues.push({ field: 'goal', message: `unknown national goal "${input.goal}"` });
  let subProblemId: number | null = null;
  if (input.subProblem !== null) {
    const subProblem = await findSubProblem(db, input.subProblem);
    if (subProblem === undefined) {
      issues.push({ field: 'subProblem', message: `unknown sub-problem "${input.subProblem}"` });
    } else if (goal !== undefined && subProblem.goalId !== goal.id) {
      issues.push({
        field: 'subProblem',
        message: `"${input.subProblem}" is not a sub-problem of "${input.goal}"`,
      });
    } else subProblemId = subProblem.id;
  }
  let branchGroupId: number | null = null;
  if (input.branchGroup !== null) {
    const group = await findBranchGroup(db, input.branchGroup);
    if (group === undefined)
      issues.push({ field: 'branchGroup', message: `unknown branch group "${input.branchGroup}"` });
    else branchGroupId = group.id;
  }
  let subBranchId: number | null = null;
  if (input.subBranch !== null) {
    const sub = await findSubBranch(db, input.subBranch);
    if (input.branchGroup === null) {
      issues.push({ field: 'subBranch', message: 'needs a branch group' });
    } else if (sub === undefined) {
      issues.push({ field: 'subBranch', message: `unknown sub-branch "${input.subBranch}"` });
    } else if (branchGroupId !== null && sub.branchGroupId !== branchGroupId) {
      issues.push({
        field: 'subBranch',
        message: `"${input.subBranch}" is not part of "${input.branchGroup}"`,
      });
    } else subBranchId = sub.id;
  }
  const resolved = await resolveValues(db, input, issues);
  if (issues.length > 0 || goal === undefined) throw invalidInput('The target cannot be added', issues);

  const key = scopeProblemKey(input, input);
  if ((await findTargetByKey(db, key)) !== undefined) {
    throw conflict(`A target for ${key} already exists: revise it instead`, [
      { field: 'goal', message: 'a target for this branch and problem exists' },
    ]);
  }
  const at = actor.now().toISOString();
  const id = await insertTarget(db, {
    scopeKey: key,
    branchGroupId,
    subBranchId,
    goalId: goal.id,
    subProblemId,
    createdAt: at,
    createdBy: actor.user,
    isDemo: 0,
  });
  await insertRevision(db, {
    targetId: id,
    revision: 1,
    indicatorId: resolved.indicatorId,
    ownerBfaId: resolved.ownerBfaId,
    baselineYear: input.baselineYear,
    baselineValue: input.baselineValue,
    targetYear: input.targetYear,
    targetValue: input.targetValue,
    status: input.status,
    notes: input.notes,
    revisedAt: at,
    revisedBy: actor.user,
    reason: input.reason,
    isDemo: 0,
  });
  const added = (await showTarget(db, id)).current;
  const change = { action: 'target.create', entity: 'target', entityId: id, after: audited(added) };
  await recordAudit(db, actor.audit ?? operatorAudit(actor.user), change, actor.now());
  return added;
}

/** Two stewards revising the same target at once: the second one must re-read and try again. */
async function insertRevisionOrConflict(db: Tx, id: number, row: Parameters<typeof insertRevision>[1]) {
  try {
    await insertRevision(db, row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`Target ${id} was revised by someone else meanwhile: try again`);
    throw error;
  }
}

/** Add a new revision: the given fields over the current ones. Earlier revisions stay as they were. */
export async function reviseTarget(
  db: Tx,
  id: number,
  changes: ReviseTargetInput,
  actor: Actor,
): Promise<Target> {
  const { current } = await showTarget(db, id);
  const merged = {
    indicator: changes.indicator ?? current.indicator.code,
    owner: changes.owner === undefined ? (current.owner?.code ?? null) : changes.owner,
    baselineYear: changes.baselineYear ?? current.baseline.year,
    baselineValue: changes.baselineValue ?? current.baseline.value,
    targetYear: changes.targetYear ?? current.target.year,
    targetValue: changes.targetValue ?? current.target.value,
    status: changes.status ?? current.status,
    notes: changes.notes ?? current.notes,
  };
  const issues: Issue[] = [];
  if (merged.targetYear <= merged.baselineYear) {
    issues.push({
      field: changes.targetYear === undefined ? 'baselineYear' : 'targetYear',
      message: `the target year (${merged.targetYear}) must be after the baseline year (${merged.baselineYear})`,
    });
  }
  const resolved = await resolveValues(db, merged, issues);
  if (issues.length > 0) throw invalidInput(`Target ${id} cannot be revised`, issues);
  await insertRevisionOrConflict(db, id, {
    targetId: id,
    revision: current.revision.number + 1,
    indicatorId: resolved.indicatorId,
    ownerBfaId: resolved.ownerBfaId,
    baselineYear: merged.baselineYear,
    baselineValue: merged.baselineValue,
    targetYear: merged.targetYear,
    targetValue: merged.targetValue,
    status: merged.status,
    notes: merged.notes,
    revisedAt: actor.now().toISOString(),
    revisedBy: actor.user,
    reason: changes.reason,
    isDemo: 0,
  });
  const revised = (await showTarget(db, id)).current;
  const change = {
    action: 'target.revise',
    entity: 'target',
    entityId: id,
    before: audited(current),
    after: audited(revised),
  };
  await recordAudit(db, actor.audit ?? operatorAudit(actor.user), change, actor.now());
  return revised;
}
