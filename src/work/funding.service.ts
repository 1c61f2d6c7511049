// Funding pools (METHODS §11): the secretariat's grants with each BFA's share, what the activities drawing on a pool
// have spent and committed, the burn-down by month, days left, the cost per workplace reached per BFA (a lower bound:
// the reached count is a sum over activities, an upper bound of distinct workplaces), and the flag for a pool that
// ends within 12 months with money or activities left. Public figures use published pools and activities only; with
// `drafts` the unpublished ones the principal may read are included (and the answer says so). Only the secretariat
// (`secretariat.write`) writes pools; every save names the version it opened (work/versioned.ts), keeps the new
// version, bumps the data version and leaves one audit row, last in its transaction.
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import { can, canOn, type Principal } from '../auth/policy.js';
import { type Db, inTransaction, type Tx } from '../db/connect.js';
import { bumpDataVersion } from '../db/meta.js';
import { AppError } from '../errors.js';
import {
  burnDown,
  costPerWorkplace,
  poolFlag,
  reachedTotals,
  type SpendActivity,
  spendOf,
} from '../stats/reach.js';
import {
  type BfaRow,
  bfaRows,
  insertPool,
  type PoolActivityRow,
  type PoolRow,
  poolActivityRows,
  poolRow,
  poolRows,
  replaceShares,
  type ShareRow,
  shareRows,
  updatePoolRow,
} from './funding.repository.js';
import type { PoolInput } from './funding.schemas.js';
import { flagReason } from './funding.texts.js';
import {
  expectVersion,
  historyOf,
  keepVersion,
  type RecordState,
  type SavedVersion,
  staleSave,
} from './versioned.js';

export interface BfaRef {
  code: string;
  short: string;
  nameDa: string;
  nameEn: string;
}

export interface PoolShare {
  bfa: BfaRef;
  amountDkk: number;
}

export interface FundingPool {
  id: number;
  name: string;
  /** E.g. "Akt 65 2020". */
  legalBasis: string;
  amountDkk: number;
  periodStart: string;
  periodEnd: string;
  purpose: string;
  shares: PoolShare[];
  published: boolean;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  /** Who saved it is not public: the history (poolHistory) names them for the editor area. */
  updatedAt: string;
  isDemo: boolean;
}

export interface BurnDownPoint {
  /** YYYY-MM. */
  month: string;
  spentDkk: number;
  cumulativeDkk: number;
  remainingDkk: number;
}

export interface PoolBfaFigures {
  bfa: BfaRef;
  /** The BFA's share of the pool; null: none given. */
  shareDkk: number | null;
  spentDkk: number;
  committedDkk: number;
  /** Activities of the BFA drawing on the pool (every status). */
  activities: number;
  /** Sum over the non-cancelled activities: an upper bound of the distinct workplaces reached. */
  reachedWorkplaces: number;
  /** spentDkk ÷ reachedWorkplaces: a lower bound; null when none reached. */
  costPerWorkplaceDkk: number | null;
}

export interface PoolSummary {
  pool: FundingPool;
  shares: PoolShare[];
  spentDkk: number;
  committedDkk: number;
  remainingDkk: number;
  remainingAfterCommitmentsDkk: number;
  /** Days from today (Copenhagen) to the pool's last day; 0 on it and after. */
  daysLeft: number;
  ended: boolean;
  burnDown: BurnDownPoint[];
  perBfa: PoolBfaFigures[];
  /** The whole pool: workplaces reached (an upper bound) and the cost per workplace reached (a lower bound). */
  reachedWorkplaces: number;
  costPerWorkplaceDkk: number | null;
  /** Activities drawing on the pool that are planned or running. */
  activitiesLeft: number;
  /** Ends within 12 months (365 days) and has money or activities left. */
  flagged: boolean;
  flagReason: { da: string; en: string } | null;
  /** The figures include unpublished pools or activities. */
  includesDrafts: boolean;
  /** The date (Copenhagen) the figures were computed for. */
  today: string;
}

export interface PoolReadOptions {
  /** Include the unpublished pools and activities the principal may read. */
  drafts?: boolean | undefined;
}

/** A date as the calendar day in Copenhagen (YYYY-MM-DD). */
export const copenhagenDate = (date: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(date);

/** Every BFA by its id. */
const bfasById = async (db: Db | Tx): Promise<Map<number, BfaRow>> =>
  new Map((await bfaRows(db)).map((bfa) => [bfa.id, bfa]));

/** A pool's own fields, the amount as a number (stored, it may come back as a string), in the order every form
 *  of a pool lists them. */
const poolFields = (
  from: Pick<PoolRow, 'name' | 'legalBasis' | 'periodStart' | 'periodEnd' | 'purpose'> & {
    amountDkk: number | string;
  },
) => ({
  name: from.name,
  legalBasis: from.legalBasis,
  amountDkk: Number(from.amountDkk),
  periodStart: from.periodStart,
  periodEnd: from.periodEnd,
  purpose: from.purpose,
});

const refOf = (bfa: BfaRow): BfaRef => ({
  code: bfa.code,
  short: bfa.short,
  nameDa: bfa.nameDa,
  nameEn: bfa.nameEn,
});

function toPool(row: PoolRow, shares: readonly ShareRow[], bfas: Map<number, BfaRow>): FundingPool {
  return {
    id: row.id,
    ...poolFields(row),
    shares: shares
      .filter((share) => share.poolId === row.id)
      .flatMap((share) => {
        const bfa = bfas.get(share.bfaId);
        return bfa === undefined ? [] : [{ bfa: refOf(bfa), amountDkk: Number(share.amountDkk) }];
      })
      .sort((a, b) => a.bfa.code.localeCompare(b.bfa.code)),
    published: row.published === 1,
    publishedAt: row.publishedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    isDemo: row.isDemo === 1,
  };
}

/** Pools carry no BFA: their drafts are read by whoever may read drafts of no BFA (not a BFA editor). */
const mayReadPool = (principal: Principal, published: number, drafts: boolean) =>
  published === 1 || (drafts && canOn(principal, 'drafts.read', null));

const mayCountActivity = (principal: Principal, row: PoolActivityRow, drafts: boolean) =>
  row.published === 1 || (drafts && canOn(principal, 'drafts.read', row.bfaId));

export function noPool(id: number): AppError {
  return new AppError('not_found', `No funding pool ${id}`, [
    { field: 'id', message: 'no such funding pool', messageDa: 'ingen sådan pulje' },
  ]);
}

/** The pools the principal may read: published ones, and with `drafts` the unpublished ones they may read. */
export async function listPools(
  db: Db,
  principal: Principal,
  options: PoolReadOptions = {},
): Promise<FundingPool[]> {
  const bfas = await bfasById(db);
  const rows = (await poolRows(db)).filter((row) =>
    mayReadPool(principal, row.published, options.drafts === true),
  );
  const shares = await shareRows(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toPool(row, shares, bfas));
}

const spendActivity = (row: PoolActivityRow): SpendActivity => ({
  status: row.status,
  cost: row.costDkk === null ? null : Number(row.costDkk),
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
});

const reachActivity = (row: PoolActivityRow) => ({
  status: row.status,
  reachedWorkplaces: row.reachedWorkplaces === null ? null : Number(row.reachedWorkplaces),
  reachedParticipants: row.reachedParticipants === null ? null : Number(row.reachedParticipants),
});

/** Share, spend and reach per BFA: every BFA with a share or with activities drawing on the pool. */
function perBfaOf(
  pool: FundingPool,
  activities: readonly PoolActivityRow[],
  bfas: Map<number, BfaRow>,
): PoolBfaFigures[] {
  const ids = new Set([
    ...[...bfas.values()]
      .filter((bfa) => pool.shares.some((share) => share.bfa.code === bfa.code))
      .map((bfa) => bfa.id),
    ...activities.map((activity) => activity.bfaId),
  ]);
  return [...ids]
    .flatMap((id) => {
      const bfa = bfas.get(id);
      if (bfa === undefined) return [];
      const own = activities.filter((activity) => activity.bfaId === id);
      const spend = spendOf(0, own.map(spendActivity));
      const reached = reachedTotals(own.map(reachActivity)).reachedWorkplaces;
      return [
        {
          bfa: refOf(bfa),
          shareDkk: pool.shares.find((share) => share.bfa.code === bfa.code)?.amountDkk ?? null,
          spentDkk: spend.spent,
          committedDkk: spend.committed,
          activities: own.length,
          reachedWorkplaces: reached,
          costPerWorkplaceDkk: costPerWorkplace(spend.spent, reached),
        },
      ];
    })
    .sort((a, b) => a.bfa.code.localeCompare(b.bfa.code));
}

function summaryOf(
  pool: FundingPool,
  activities: readonly PoolActivityRow[],
  bfas: Map<number, BfaRow>,
  today: string,
  includesDrafts: boolean,
): PoolSummary {
  const spending = activities.map(spendActivity);
  const spend = spendOf(pool.amountDkk, spending);
  const activitiesLeft = activities.filter((a) => a.status === 'planned' || a.status === 'running').length;
  const flag = poolFlag({ periodEnd: pool.periodEnd, today, remaining: spend.remaining, activitiesLeft });
  const reached = reachedTotals(activities.map(reachActivity)).reachedWorkplaces;
  return {
    pool,
    shares: pool.shares,
    spentDkk: spend.spent,
    committedDkk: spend.committed,
    remainingDkk: spend.remaining,
    remainingAfterCommitmentsDkk: spend.remainingAfterCommitments,
    daysLeft: flag.daysLeft,
    ended: flag.ended,
    burnDown: burnDown(
      { amount: pool.amountDkk, periodStart: pool.periodStart, periodEnd: pool.periodEnd },
      today,
      spending,
    ).map((m) => ({
      month: m.month,
      spentDkk: m.spent,
      cumulativeDkk: m.cumulative,
      remainingDkk: m.remaining,
    })),
    perBfa: perBfaOf(pool, activities, bfas),
    reachedWorkplaces: reached,
    costPerWorkplaceDkk: costPerWorkplace(spend.spent, reached),
    activitiesLeft,
    flagged: flag.flagged,
    flagReason: flagReason({ ...flag, remainingDkk: spend.remaining, activitiesLeftCount: activitiesLeft }),
    includesDrafts,
    today,
  };
}

/** The summaries of every pool the principal may read, figures as of `today`. */
export async function poolSummaries(
  db: Db,
  principal: Principal,
  today: Date,
  options: PoolReadOptions = {},
): Promise<PoolSummary[]> {
  const drafts = options.drafts === true;
  const pools = await listPools(db, principal, options);
  const bfas = await bfasById(db);
  const activities = (
    await poolActivityRows(
      db,
      pools.map((pool) => pool.id),
    )
  ).filter((row) => mayCountActivity(principal, row, drafts));
  const day = copenhagenDate(today);
  return pools.map((pool) => {
    const own = activities.filter((row) => row.poolId === pool.id);
    const includesDrafts = !pool.published || own.some((row) => row.published !== 1);
    return summaryOf(pool, own, bfas, day, includesDrafts);
  });
}

/** One pool's summary as of `today`; 404 when it does not exist or is a draft the principal may not read. */
export async function poolSummary(
  db: Db,
  principal: Principal,
  id: number,
  today: Date,
  options: PoolReadOptions = {},
): Promise<PoolSummary> {
  const drafts = options.drafts === true;
  const row = Number.isSafeInteger(id) && id > 0 ? await poolRow(db, id) : undefined;
  if (row === undefined || !mayReadPool(principal, row.published, drafts)) throw noPool(id);
  const bfas = await bfasById(db);
  const pool = toPool(row, await shareRows(db, [id]), bfas);
  const activities = (await poolActivityRows(db, [id])).filter((a) => mayCountActivity(principal, a, drafts));
  const includesDrafts = !pool.published || activities.some((a) => a.published !== 1);
  return summaryOf(pool, activities, bfas, copenhagenDate(today), includesDrafts);
}

/** Every saved version of a pool the principal may read (drafts included), oldest first. */
export async function poolHistory(db: Db, principal: Principal, id: number): Promise<SavedVersion[]> {
  const row = Number.isSafeInteger(id) && id > 0 ? await poolRow(db, id) : undefined;
  if (row === undefined || !mayReadPool(principal, row.published, true)) throw noPool(id);
  return historyOf(db, 'funding_pool', id);
}

/** The BFAs a pool may have shares for (the form's fields). */
export async function shareBfas(db: Db): Promise<BfaRef[]> {
  return (await bfaRows(db)).map(refOf);
}

/** Whether the principal may create, edit and publish pools (the secretariat). */
export const mayWritePools = (principal: Principal): boolean => can(principal, 'secretariat.write');

const actorLabel = (principal: Principal): string =>
  principal.kind === 'anonymous' ? 'anonymous' : principal.label;

function notSecretariat(): AppError {
  return new AppError('forbidden', 'Only the secretariat writes funding pools', [
    {
      field: 'role',
      message: 'only the secretariat writes funding pools',
      messageDa: 'kun sekretariatet kan redigere puljer',
    },
  ]);
}

/** The pool's editable state as kept in its history and compared on a conflict (shares as "code=amount"). */
function poolState(row: PoolRow, shares: readonly ShareRow[], bfas: Map<number, BfaRow>): RecordState {
  return {
    ...poolFields(row),
    shares: shares
      .map((share) => `${bfas.get(share.bfaId)?.code ?? share.bfaId}=${Number(share.amountDkk)}`)
      .sort(),
    published: row.published === 1,
  };
}

/** The stored pool with its shares and its saved-version view, inside a transaction. */
async function storedPool(tx: Tx, id: number, bfas: Map<number, BfaRow>) {
  const row = Number.isSafeInteger(id) && id > 0 ? await poolRow(tx, id) : undefined;
  if (row === undefined) throw noPool(id);
  const shares = await shareRows(tx, [id]);
  const state = poolState(row, shares, bfas);
  const saved: SavedVersion = { version: row.version, state, savedAt: row.updatedAt, savedBy: row.updatedBy };
  return { row, state, saved };
}

/** The shares' BFA ids; an unknown BFA code is refused naming `shares`. */
function sharesOf(input: PoolInput, bfas: Map<number, BfaRow>): { bfaId: number; amountDkk: number }[] {
  const byCode = new Map([...bfas.values()].map((bfa) => [bfa.code, bfa.id]));
  const unknown = input.shares.filter((share) => !byCode.has(share.bfa)).map((share) => share.bfa);
  if (unknown.length > 0)
    throw new AppError('invalid_input', 'The funding pool has problems', [
      {
        field: 'shares',
        message: `not a BFA: ${unknown.join(', ')}`,
        messageDa: `ikke et BFA: ${unknown.join(', ')}`,
      },
    ]);
  return input.shares.map((share) => ({ bfaId: byCode.get(share.bfa) ?? 0, amountDkk: share.amountDkk }));
}

/** Who saves when, and the BFAs the shares name: what every save of a pool needs. */
interface Saving {
  bfas: Map<number, BfaRow>;
  at: string;
  by: string;
}

const savingOf = async (tx: Tx, audit: AuditContext, now: Date): Promise<Saving> => ({
  bfas: await bfasById(tx),
  at: now.toISOString(),
  by: actorLabel(audit.principal),
});

type StoredPool = Awaited<ReturnType<typeof storedPool>>;

const auditedState = (stored: StoredPool) => ({ version: stored.row.version, ...stored.state });

/** The end of every save: the saved version kept, the data version bumped, and the audit row (before and after,
 *  each with its version) written last. */
async function finishSave(
  tx: Tx,
  audit: AuditContext,
  change: { action: string; id: number; before?: StoredPool },
  saving: Saving,
  now: Date,
): Promise<void> {
  const { action, id } = change;
  const saved = await storedPool(tx, id, saving.bfas);
  const { at, by } = saving;
  await keepVersion(tx, 'funding_pool', id, { version: saved.row.version, state: saved.state, at, by });
  await bumpDataVersion(tx);
  const before = change.before === undefined ? undefined : auditedState(change.before);
  const after = auditedState(saved);
  await recordAudit(tx, audit, { action, entity: 'funding_pool', entityId: id, before, after }, now);
}

/** A new pool, a draft at version 1. */
export async function createPool(db: Db, audit: AuditContext, input: PoolInput, now: Date): Promise<number> {
  if (!mayWritePools(audit.principal)) throw notSecretariat();
  return inTransaction(db, async (tx) => {
    const saving = await savingOf(tx, audit, now);
    const { at, by } = saving;
    const shares = sharesOf(input, saving.bfas);
    const id = await insertPool(tx, {
      ...poolFields(input),
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    });
    await replaceShares(tx, id, shares);
    await finishSave(tx, audit, { action: 'funding_pool.create', id }, saving, now);
    return id;
  });
}

/** Saves over the version the editor opened, or refuses (409) naming every field someone changed since. */
async function saveOver(
  tx: Tx,
  id: number,
  openedVersion: number,
  stored: SavedVersion,
  values: Parameters<typeof updatePoolRow>[3],
  bfas: Map<number, BfaRow>,
) {
  await expectVersion(tx, 'funding_pool', id, openedVersion, stored);
  if ((await updatePoolRow(tx, id, openedVersion, values)) === 1) return;
  throw await staleSave(tx, 'funding_pool', id, openedVersion, (await storedPool(tx, id, bfas)).saved);
}

export async function updatePool(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number,
  input: PoolInput,
  now: Date,
): Promise<void> {
  if (!mayWritePools(audit.principal)) throw notSecretariat();
  await inTransaction(db, async (tx) => {
    const saving = await savingOf(tx, audit, now);
    const stored = await storedPool(tx, id, saving.bfas);
    const shares = sharesOf(input, saving.bfas);
    const values = { ...poolFields(input), updatedAt: saving.at, updatedBy: saving.by };
    await saveOver(tx, id, openedVersion, stored.saved, values, saving.bfas);
    await replaceShares(tx, id, shares);
    await finishSave(tx, audit, { action: 'funding_pool.update', id, before: stored }, saving, now);
  });
}

/** Publishes a pool or takes it back to a draft; `openedVersion` null saves over whatever is stored. */
export async function setPoolPublished(
  db: Db,
  audit: AuditContext,
  id: number,
  published: boolean,
  now: Date,
  openedVersion: number | null = null,
): Promise<void> {
  if (!mayWritePools(audit.principal)) throw notSecretariat();
  await inTransaction(db, async (tx) => {
    const saving = await savingOf(tx, audit, now);
    const { at, by } = saving;
    const stored = await storedPool(tx, id, saving.bfas);
    const publishedAt = published ? (stored.row.published === 1 ? stored.row.publishedAt : at) : null;
    const values = {
      published: published ? (1 as const) : (0 as const),
      publishedAt,
      updatedAt: at,
      updatedBy: by,
    };
    await saveOver(tx, id, openedVersion ?? stored.row.version, stored.saved, values, saving.bfas);
    const action = published ? 'funding_pool.publish' : 'funding_pool.unpublish';
    await finishSave(tx, audit, { action, id, before: stored }, saving, now);
  });
}
