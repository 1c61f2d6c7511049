// The BFAs' workplace-near activities: who may see them (published ones everyone; drafts whoever holds `drafts.read`
// on the activity's BFA), and every write (create, update, publish) in one transaction with the optimistic-locking
// check, the saved version kept, the data version bumped and one audit row last. A BFA editor reaches their own
// BFA's activities only: another BFA's draft answers as if it did not exist (404), its published ones 403.
import type { Updateable } from 'kysely';
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import { can, canOn, type Principal } from '../auth/policy.js';
import { type Db, inTransaction, type Tx } from '../db/connect.js';
import { bumpDataVersion } from '../db/meta.js';
import type { ActivityStatus, WorkActivityTable } from '../db/schema.js';
import { AppError, type Issue } from '../errors.js';
import {
  type Activity,
  type ActivityBranch,
  activityState,
  type Evidence,
  type LinkedTarget,
  type Named,
  toActivity,
} from './activities.model.js';
import {
  type ActivityRow,
  type ActivityRowFilter,
  activityRowById,
  allBfas,
  allSubBranches,
  bfaByCode,
  branchGroupsWithOwners,
  branchRowsOf,
  campaignChoices,
  campaignExists,
  type DraftScope,
  evidenceRowsOf,
  existingTargetIds,
  findActivityRows,
  insertActivity,
  poolChoices,
  poolExists,
  replaceBranches,
  replaceTargets,
  type TargetLinkRow,
  targetChoiceRows,
  targetRowsOf,
  updateActivityRow,
} from './activities.repository.js';
import type { ActivityFields, ActivityInput } from './activities.schemas.js';
import { expectVersion, keepVersion, type SavedVersion, staleSave } from './versioned.js';

export type { ActivityStatus };

/** What the lists filter on (the repository's filter without the id). */
export type ActivityFilter = Omit<ActivityRowFilter, 'id'>;

export const ENTITY = 'work_activity';

/** The drafts a principal may read besides everything published. */
function draftScope(principal: Principal): DraftScope {
  if (!can(principal, 'drafts.read')) return 'none';
  if ((principal.kind === 'user' || principal.kind === 'token') && principal.role === 'bfa_editor')
    return principal.bfaId ?? 'none';
  return 'all';
}

export const mayRead = (principal: Principal, activity: Pick<Activity, 'published' | 'bfa'>): boolean =>
  activity.published || canOn(principal, 'drafts.read', activity.bfa.id);

export const mayWrite = (principal: Principal, activity: Pick<Activity, 'bfa'>): boolean =>
  canOn(principal, 'work.write', activity.bfa.id);

const named = (code: string | null, nameDa: string | null, nameEn: string | null): Named | null =>
  code === null ? null : { code, nameDa: nameDa ?? code, nameEn: nameEn ?? code };

export function linkedTarget(row: Omit<TargetLinkRow, 'activityId'>): LinkedTarget {
  return {
    id: row.targetId,
    goal: { code: row.goalCode, nameDa: row.goalNameDa, nameEn: row.goalNameEn },
    subProblem: named(row.subProblemCode, row.subProblemNameDa, row.subProblemNameEn),
    branchGroup: named(row.groupCode, row.groupNameDa, row.groupNameEn),
    subBranch: named(row.subCode, row.subNameDa, row.subNameEn),
  };
}

/** Groups rows by activity id. */
function byActivity<R extends { activityId: number }, T>(rows: R[], map: (row: R) => T): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.activityId) ?? [];
    list.push(map(row));
    grouped.set(row.activityId, list);
  }
  return grouped;
}

/** The rows with their branch groups, targets and evidence attached. */
async function withLinks(db: Db | Tx, rows: ActivityRow[]): Promise<Activity[]> {
  const ids = rows.map((row) => row.id);
  const [branchRows, targetRows, evidenceRows] = await Promise.all([
    branchRowsOf(db, ids),
    targetRowsOf(db, ids),
    evidenceRowsOf(db, ids),
  ]);
  const branches = byActivity(
    branchRows,
    (row): ActivityBranch => ({
      group: { code: row.groupCode, nameDa: row.groupNameDa, nameEn: row.groupNameEn },
      subBranch: named(row.subCode, row.subNameDa, row.subNameEn),
    }),
  );
  const targets = byActivity(targetRows, linkedTarget);
  const evidence = byActivity(evidenceRows, ({ activityId: _, ...row }): Evidence => row);
  return rows.map((row) =>
    toActivity(row, branches.get(row.id) ?? [], targets.get(row.id) ?? [], evidence.get(row.id) ?? []),
  );
}

async function loadActivity(db: Db | Tx, id: number): Promise<Activity | undefined> {
  const row = Number.isSafeInteger(id) ? await activityRowById(db, id) : undefined;
  return row === undefined ? undefined : (await withLinks(db, [row]))[0];
}

export const noActivity = (id: number) =>
  new AppError('not_found', `No activity ${id}`, [
    { field: 'id', message: 'no such activity', messageDa: 'ingen sådan aktivitet' },
  ]);

const otherBfa = (field: string, what: string) =>
  new AppError('forbidden', `${what} belongs to another BFA`, [
    {
      field,
      message: 'belongs to another BFA than yours',
      messageDa: 'hører til et andet BFA end dit',
    },
  ]);

/** The activities matching the filter that the principal may see, newest first. */
export async function listActivities(
  db: Db | Tx,
  principal: Principal,
  filter: ActivityFilter = {},
): Promise<Activity[]> {
  const rows = await findActivityRows(db, filter satisfies ActivityRowFilter, draftScope(principal));
  return withLinks(db, rows);
}

/** One activity the principal may see; a missing one and a draft they may not read are both 404. */
export async function getActivity(db: Db | Tx, principal: Principal, id: number): Promise<Activity> {
  const activity = await loadActivity(db, id);
  if (activity === undefined || !mayRead(principal, activity)) throw noActivity(id);
  return activity;
}

/** Before a write's input is read: 404 when the principal may not see the activity, 403 when they may not change it. */
export async function assertActivityWritable(db: Db, principal: Principal, id: number): Promise<void> {
  const activity = await getActivity(db, principal, id);
  if (!mayWrite(principal, activity)) throw otherBfa('id', `Activity ${id}`);
}

/** The activity for a write: 404 when the principal may not even see it, 403 when they may not change it. */
export async function activityForWrite(tx: Tx, audit: AuditContext, id: number): Promise<Activity> {
  const activity = await getActivity(tx, audit.principal, id);
  if (!mayWrite(audit.principal, activity)) throw otherBfa('id', `Activity ${id}`);
  return activity;
}

export const actorLabel = (principal: Principal): string =>
  principal.kind === 'anonymous' ? 'anonymous' : principal.label;

export const savedVersionOf = (activity: Activity): SavedVersion => ({
  version: activity.version,
  state: activityState(activity),
  savedAt: activity.updatedAt,
  savedBy: activity.updatedBy,
});

/**
 * The end of every write: the activity read back, its new version kept, the data version bumped and the audit row
 * (before and after states) written last.
 */
export async function finishWrite(
  tx: Tx,
  audit: AuditContext,
  change: { action: string; id: number; before: Activity | undefined },
  now: Date,
): Promise<Activity> {
  const after = await loadActivity(tx, change.id);
  if (after === undefined) throw noActivity(change.id);
  const state = activityState(after);
  await keepVersion(tx, ENTITY, after.id, {
    version: after.version,
    state,
    at: after.updatedAt,
    by: after.updatedBy,
  });
  await bumpDataVersion(tx);
  const before = change.before === undefined ? undefined : activityState(change.before);
  await recordAudit(
    tx,
    audit,
    { action: change.action, entity: ENTITY, entityId: after.id, before, after: state },
    now,
  );
  return after;
}

/** Saves the row if nobody saved since `stored` was read; else the conflict naming what changed since `opened`. */
export async function saveRow(
  tx: Tx,
  stored: Activity,
  openedVersion: number,
  changes: Updateable<WorkActivityTable>,
): Promise<void> {
  if (await updateActivityRow(tx, stored.id, stored.version, changes)) return;
  const now = await loadActivity(tx, stored.id);
  if (now === undefined) throw noActivity(stored.id);
  throw await staleSave(tx, ENTITY, stored.id, openedVersion, savedVersionOf(now));
}

/** The stored activity for a save from `openedVersion`: 404 or 403 as `activityForWrite`, 409 when saved since. */
async function openedActivity(
  tx: Tx,
  audit: AuditContext,
  id: number,
  openedVersion: number,
): Promise<Activity> {
  const stored = await activityForWrite(tx, audit, id);
  await expectVersion(tx, ENTITY, id, openedVersion, savedVersionOf(stored));
  return stored;
}

/** The publication columns: published now (`at`) or a draft. */
const publicationOf = (published: boolean, at: string) => ({
  published: published ? (1 as const) : (0 as const),
  publishedAt: published ? at : null,
});

interface Resolved {
  bfaId: number;
  branches: { branchGroupId: number; subBranchId: number | null }[];
  targets: number[];
}

const issue = (field: string, en: string, da: string): Issue => ({ field, message: en, messageDa: da });

/** The input's codes and ids checked against the database: every problem collected, then one error. */
async function resolveReferences(tx: Tx, audit: AuditContext, input: ActivityFields): Promise<Resolved> {
  const bfa = await bfaByCode(tx, input.bfa);
  if (bfa !== undefined && !canOn(audit.principal, 'work.write', bfa.id))
    throw otherBfa('bfa', `BFA ${input.bfa}`);
  const problems: Issue[] = [];
  if (bfa === undefined) problems.push(issue('bfa', `no BFA "${input.bfa}"`, `intet BFA "${input.bfa}"`));
  const branches = await resolveBranches(tx, input, bfa?.id, problems);
  const targets = [...new Set(input.targets)].sort((a, b) => a - b);
  const existing = await existingTargetIds(tx, targets);
  for (const id of targets.filter((target) => !existing.has(target)))
    problems.push(issue('targets', `no target ${id}`, `intet måltal ${id}`));
  if (input.fundingPool !== null && !(await poolExists(tx, input.fundingPool)))
    problems.push(
      issue('fundingPool', `no funding pool ${input.fundingPool}`, `ingen pulje ${input.fundingPool}`),
    );
  if (input.campaign !== null && !(await campaignExists(tx, input.campaign)))
    problems.push(issue('campaign', `no campaign ${input.campaign}`, `ingen kampagne ${input.campaign}`));
  if (problems.length > 0 || bfa === undefined)
    throw new AppError('invalid_input', 'The activity has problems; nothing was saved', problems);
  return { bfaId: bfa.id, branches, targets };
}

/** Branch groups the BFA covers, and sub-branches of those groups; one row per group or per sub-branch. */
async function resolveBranches(
  tx: Tx,
  input: ActivityFields,
  bfaId: number | undefined,
  problems: Issue[],
): Promise<Resolved['branches']> {
  const [groups, subBranches] = await Promise.all([branchGroupsWithOwners(tx), allSubBranches(tx)]);
  const chosen = new Map<string, number>();
  for (const code of new Set(input.branchGroups)) {
    const group = groups.find((candidate) => candidate.code === code);
    if (group === undefined)
      problems.push(issue('branchGroups', `no branch group "${code}"`, `ingen branchegruppe "${code}"`));
    else if (bfaId !== undefined && !group.ownerIds.includes(bfaId))
      problems.push(
        issue(
          'branchGroups',
          `"${code}" is not a branch group the BFA ${input.bfa} covers`,
          `"${code}" er ikke en branchegruppe, BFA ${input.bfa} dækker`,
        ),
      );
    else chosen.set(code, group.id);
  }
  const subsByGroup = new Map<number, number[]>();
  for (const code of new Set(input.subBranches)) {
    const sub = subBranches.find((candidate) => candidate.code === code);
    if (sub === undefined)
      problems.push(issue('subBranches', `no sub-branch "${code}"`, `ingen underbranche "${code}"`));
    else if (!chosen.has(sub.groupCode))
      problems.push(
        issue(
          'subBranches',
          `"${code}" belongs to the branch group "${sub.groupCode}", which is not chosen`,
          `"${code}" hører til branchegruppen "${sub.groupCode}", som ikke er valgt`,
        ),
      );
    else subsByGroup.set(sub.branchGroupId, [...(subsByGroup.get(sub.branchGroupId) ?? []), sub.id]);
  }
  return [...chosen.values()].flatMap((branchGroupId): Resolved['branches'] => {
    const subs = subsByGroup.get(branchGroupId);
    return subs === undefined
      ? [{ branchGroupId, subBranchId: null }]
      : subs.map((subBranchId) => ({ branchGroupId, subBranchId }));
  });
}

/** The activity's branch groups and targets as resolved, replacing those stored. */
async function replaceLinks(tx: Tx, id: number, resolved: Resolved): Promise<void> {
  await replaceBranches(tx, id, resolved.branches);
  await replaceTargets(tx, id, resolved.targets);
}

/** The activity's own columns from the input. */
const columnsOf = (input: ActivityFields, bfaId: number) => ({
  bfaId,
  title: input.title,
  activityType: input.type,
  periodStart: input.periodStart,
  periodEnd: input.periodEnd,
  plannedWorkplaces: input.plannedWorkplaces,
  plannedParticipants: input.plannedParticipants,
  reachedWorkplaces: input.reachedWorkplaces,
  reachedParticipants: input.reachedParticipants,
  costDkk: input.costDkk,
  fundingPoolId: input.fundingPool,
  campaignId: input.campaign,
  status: input.status,
  notes: input.notes,
});

const needsWrite = (audit: AuditContext) => {
  if (!can(audit.principal, 'work.write'))
    throw new AppError('forbidden', 'Your role does not allow this', [
      {
        field: 'role',
        message: 'your role does not allow this',
        messageDa: 'din rolle giver ikke adgang til dette',
      },
    ]);
};

export async function createActivity(
  db: Db,
  audit: AuditContext,
  input: ActivityInput,
  now: Date,
): Promise<Activity> {
  needsWrite(audit);
  return inTransaction(db, async (tx) => {
    const resolved = await resolveReferences(tx, audit, input);
    const at = now.toISOString();
    const by = actorLabel(audit.principal);
    const id = await insertActivity(tx, {
      ...columnsOf(input, resolved.bfaId),
      ...publicationOf(input.published, at),
      version: 1,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    });
    await replaceLinks(tx, id, resolved);
    return finishWrite(tx, audit, { action: 'activity.create', id, before: undefined }, now);
  });
}

/** Saves every field of the activity, if nobody saved it since `openedVersion` (else a 409 naming their fields). */
export async function updateActivity(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number,
  input: ActivityFields,
  now: Date,
): Promise<Activity> {
  needsWrite(audit);
  return inTransaction(db, async (tx) => {
    const stored = await openedActivity(tx, audit, id, openedVersion);
    const resolved = await resolveReferences(tx, audit, input);
    await saveRow(tx, stored, openedVersion, {
      ...columnsOf(input, resolved.bfaId),
      updatedAt: now.toISOString(),
      updatedBy: actorLabel(audit.principal),
    });
    await replaceLinks(tx, id, resolved);
    return finishWrite(tx, audit, { action: 'activity.update', id, before: stored }, now);
  });
}

/** Publishes the activity (everyone sees it) or makes it a draft again, from the version the editor opened. */
export async function setPublished(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number,
  published: boolean,
  now: Date,
): Promise<Activity> {
  needsWrite(audit);
  return inTransaction(db, async (tx) => {
    const stored = await openedActivity(tx, audit, id, openedVersion);
    const at = now.toISOString();
    await saveRow(tx, stored, openedVersion, {
      ...publicationOf(published, at),
      updatedAt: at,
      updatedBy: actorLabel(audit.principal),
    });
    const action = published ? 'activity.publish' : 'activity.unpublish';
    return finishWrite(tx, audit, { action, id, before: stored }, now);
  });
}

/** What the public list's filter offers: the BFAs and the branch groups. */
export async function filterChoices(db: Db) {
  const [bfas, groups] = await Promise.all([allBfas(db), branchGroupsWithOwners(db)]);
  return { bfas, groups };
}

/** A target an editor can link, with the BFA owning its current revision. */
export interface TargetChoice extends LinkedTarget {
  ownerBfaId: number | null;
}

/** What the editor's form offers: BFAs, branch groups with their BFAs, sub-branches, targets, pools, campaigns. */
export async function activityChoices(db: Db) {
  const [bfas, groups, subBranches, targets, pools, campaigns] = await Promise.all([
    allBfas(db),
    branchGroupsWithOwners(db),
    allSubBranches(db),
    targetChoiceRows(db),
    poolChoices(db),
    campaignChoices(db),
  ]);
  return {
    bfas,
    groups,
    subBranches,
    targets: targets.map((row): TargetChoice => ({ ...linkedTarget(row), ownerBfaId: row.ownerBfaId })),
    pools,
    campaigns,
  };
}
export type ActivityChoices = Awaited<ReturnType<typeof activityChoices>>;
