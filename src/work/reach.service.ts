// The BFAs' reach (METHODS §11): per BFA × branch group × year, the activities counted, the workplaces and
// participants they reached, and the shares of the branch group's workplaces and employed that year, each with its
// denominator's source and year. Activities report totals, so the reached count is the sum over activities: an upper
// bound of the distinct workplaces (overlap unknown; a workplace reached by several activities counts once per
// activity). An activity linked to exactly one branch group counts there; one linked to several cannot be split and
// counts in a per-BFA row "several branch groups (cannot be split)", in no branch group's share (never guessed).
// Public figures use published activities only; with `drafts` the drafts the principal may read are included.
import { canOn, type Principal } from '../auth/policy.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import {
  type Placement,
  type ReachActivity,
  reachCells,
  reachShare,
  type ShareMissing,
} from '../stats/reach.js';
import { type BfaRow, bfaRows } from './funding.repository.js';
import { shareMissingText } from './funding.texts.js';
import {
  activityBranchRows,
  type BranchGroupRow,
  branchGroupRows,
  employmentRows,
  reachActivityRows,
  workplaceCountRows,
} from './reach.repository.js';

export interface ReachFilter {
  /** A BFA's code. */
  bfa?: string | undefined;
  /** A branch group's code: its own rows, and the "several branch groups" rows of activities that include it. */
  branch?: string | undefined;
  year?: number | undefined;
  /** Include the unpublished activities the principal may read. */
  drafts?: boolean | undefined;
}

export interface Denominator {
  count: number;
  /** Where the figure comes from (the import's source column; several joined by "; "). */
  source: string;
  year: number;
}

export interface ShareProblem {
  code: ShareMissing;
  da: string;
  en: string;
}

export interface ReachRow {
  bfa: { code: string; short: string; nameDa: string; nameEn: string };
  /** Null for the rows of several (or no) branch groups. */
  branch: { code: string; nameDa: string; nameEn: string } | null;
  placement: Placement;
  year: number;
  activities: number;
  /** Of those, the activities that have reported no reached workplaces. */
  unreported: number;
  /** Sum over the activities: an upper bound of the distinct workplaces reached. */
  reachedWorkplaces: number;
  reachedParticipants: number;
  /** Workplaces in the branch group that year (null: none stored, or no single branch group). */
  workplaces: Denominator | null;
  /** Employed persons in the branch group that year (all ages, both sexes). */
  employed: Denominator | null;
  /** reachedWorkplaces ÷ workplaces, a fraction and an upper bound; null with `workplaceShareMissing` saying why. */
  workplaceShare: number | null;
  workplaceShareMissing: ShareProblem | null;
  /** reachedParticipants ÷ employed, a fraction and an upper bound. */
  participantShare: number | null;
  participantShareMissing: ShareProblem | null;
}

/** What every reach answer says about its figures, in both languages. */
export const REACH_NOTE = {
  da: 'Aktiviteterne indberetter totaler, så de nåede er summen over aktiviteterne og en øvre grænse for antallet af forskellige arbejdspladser: overlap ukendt; en arbejdsplads, som flere aktiviteter har nået, tæller én gang pr. aktivitet. Aktiviteter i flere branchegrupper kan ikke fordeles og tæller i en række for sig, i ingen branchegruppes andel. En aktivitet tæller i det år, dens periode slutter (startåret uden slutdato); aflyste aktiviteter når ingen.',
  en: 'The activities report totals, so the reached counts are sums over activities and an upper bound of the distinct workplaces: overlap unknown; a workplace reached by several activities counts once per activity. Activities of several branch groups cannot be split and count in a row of their own, in no branch group’s share. An activity counts in the year its period ends (the start year without an end); cancelled activities reach nothing.',
};

const unknownCode = (field: 'bfa' | 'branch', code: string) =>
  new AppError('invalid_input', 'Invalid query parameters', [
    field === 'bfa'
      ? { field, message: `"${code}" is not a BFA`, messageDa: `"${code}" er ikke et BFA` }
      : {
          field,
          message: `"${code}" is not a branch group`,
          messageDa: `"${code}" er ikke en branchegruppe`,
        },
  ]);

const key = (branchGroupId: number, year: number) => `${branchGroupId}:${year}`;

/** The denominators by branch group and year: workplaces, and employed summed over batches (sources joined). */
async function denominators(db: Db) {
  const workplaces = new Map<string, Denominator>();
  for (const row of await workplaceCountRows(db))
    workplaces.set(key(row.branchGroupId, row.year), {
      count: Number(row.workplaces),
      source: row.source,
      year: row.year,
    });
  const employed = new Map<string, Denominator>();
  for (const row of await employmentRows(db)) {
    const at = key(row.branchGroupId, row.year);
    const known = employed.get(at);
    const sources = new Set([
      ...(known?.source ? known.source.split('; ') : []),
      ...(row.source ? [row.source] : []),
    ]);
    employed.set(at, {
      count: (known?.count ?? 0) + Number(row.employed),
      source: [...sources].sort().join('; '),
      year: row.year,
    });
  }
  return { workplaces, employed };
}

/** The activities the principal may count here, with their branch groups' codes. */
async function visibleActivities(
  db: Db,
  principal: Principal,
  bfas: Map<number, BfaRow>,
  filter: ReachFilter,
  bfaId: number | undefined,
): Promise<ReachActivity[]> {
  const groups = new Map<number, string[]>();
  for (const link of await activityBranchRows(db))
    groups.set(link.activityId, [...(groups.get(link.activityId) ?? []), link.code]);
  return (await reachActivityRows(db, bfaId))
    .filter(
      (row) => row.published === 1 || (filter.drafts === true && canOn(principal, 'drafts.read', row.bfaId)),
    )
    .map((row) => ({
      bfa: bfas.get(row.bfaId)?.code ?? String(row.bfaId),
      status: row.status,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      reachedWorkplaces: row.reachedWorkplaces === null ? null : Number(row.reachedWorkplaces),
      reachedParticipants: row.reachedParticipants === null ? null : Number(row.reachedParticipants),
      branchGroups: groups.get(row.id) ?? [],
    }));
}

function shareOf(
  reached: number,
  denominator: Denominator | null,
  placed: boolean,
  what: 'workplaces' | 'employed',
  branch: BranchGroupRow | undefined,
  year: number,
): { share: number | null; missing: ShareProblem | null } {
  const { share, missing } = reachShare(reached, denominator?.count ?? null, placed);
  if (missing === null) return { share, missing: null };
  const text = shareMissingText(missing, what, branch?.nameDa ?? '', year);
  const textEn = shareMissingText(missing, what, branch?.nameEn ?? '', year);
  return { share, missing: { code: missing, da: text.da, en: textEn.en } };
}

/** Reach per BFA × branch group × year (and the rows of several branch groups), filtered. */
export async function reachOf(db: Db, principal: Principal, filter: ReachFilter = {}): Promise<ReachRow[]> {
  const bfaList = await bfaRows(db);
  const bfas = new Map(bfaList.map((bfa) => [bfa.id, bfa]));
  const bfa = filter.bfa === undefined ? undefined : bfaList.find((row) => row.code === filter.bfa);
  if (filter.bfa !== undefined && bfa === undefined) throw unknownCode('bfa', filter.bfa);
  const branchList = await branchGroupRows(db);
  const branches = new Map(branchList.map((row) => [row.code, row]));
  if (filter.branch !== undefined && !branches.has(filter.branch)) throw unknownCode('branch', filter.branch);
  const activities = (await visibleActivities(db, principal, bfas, filter, bfa?.id)).filter(
    (activity) => filter.branch === undefined || activity.branchGroups.includes(filter.branch),
  );
  const { workplaces, employed } = await denominators(db);
  const bfaByCode = new Map(bfaList.map((row) => [row.code, row]));
  return reachCells(activities)
    .filter((cell) => filter.year === undefined || cell.year === filter.year)
    .map((cell) => {
      const branch = cell.branch === null ? undefined : branches.get(cell.branch);
      const placed = cell.placement === 'branch' && branch !== undefined;
      const workplaceCount = placed ? (workplaces.get(key(branch.id, cell.year)) ?? null) : null;
      const employedCount = placed ? (employed.get(key(branch.id, cell.year)) ?? null) : null;
      const w = shareOf(cell.reachedWorkplaces, workplaceCount, placed, 'workplaces', branch, cell.year);
      const p = shareOf(cell.reachedParticipants, employedCount, placed, 'employed', branch, cell.year);
      const owner = bfaByCode.get(cell.bfa);
      return {
        bfa: {
          code: cell.bfa,
          short: owner?.short ?? cell.bfa,
          nameDa: owner?.nameDa ?? '',
          nameEn: owner?.nameEn ?? '',
        },
        branch:
          branch === undefined ? null : { code: branch.code, nameDa: branch.nameDa, nameEn: branch.nameEn },
        placement: cell.placement,
        year: cell.year,
        activities: cell.activities,
        unreported: cell.unreported,
        reachedWorkplaces: cell.reachedWorkplaces,
        reachedParticipants: cell.reachedParticipants,
        workplaces: workplaceCount,
        employed: employedCount,
        workplaceShare: w.share,
        workplaceShareMissing: w.missing,
        participantShare: p.share,
        participantShareMissing: p.missing,
      };
    });
}
