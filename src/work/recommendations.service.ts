// The council's recommendations and their follow-up: what the public sees (published ones, each item's overdue flag
// and every saved version), and the secretariat's saves. Every save checks the version the editor opened
// (work/versioned.ts), keeps the new version, bumps the data version and records one audit row, last, in its own
// transaction. The public sees who saved a version only as "the secretariat"; signed-in readers see the name.
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import { userById } from '../auth/accounts.repository.js';
import { can, type Principal } from '../auth/policy.js';
import { type Db, inTransaction, type Tx } from '../db/connect.js';
import { bumpDataVersion } from '../db/meta.js';
import type { Flag, FollowUpStatus } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
  type FollowUpItemRow,
  followUpItemById,
  insertFollowUpItem,
  insertRecommendation,
  itemsOf,
  type RecommendationRow,
  recommendationById,
  recommendations,
  setItemsPublished,
  updateFollowUpItemAt,
  updateRecommendationAt,
} from './recommendations.repository.js';
import {
  type Answer,
  answerIssues,
  answerSchema,
  followUpChangesSchema,
  ITEM_FORM_FIELDS,
  newFollowUpItemSchema,
  newRecommendationSchema,
  parseFields,
  RECOMMENDATION_FORM_FIELDS,
  recommendationChangesSchema,
} from './recommendations.schemas.js';
import { NO_ITEM, NO_RECOMMENDATION, NOT_SECRETARIAT } from './recommendations.texts.js';
import {
  changedFields,
  expectVersion,
  historyOf,
  keepVersion,
  type RecordState,
  type SavedVersion,
  staleSave,
} from './versioned.js';

/** One saved version as a reader sees it: who (null for the public: "the secretariat"), when, what changed. */
export interface HistoryEntry {
  version: number;
  savedAt: string;
  /** The saver's name for signed-in readers; null for the public, who see the role only. */
  savedBy: string | null;
  savedByRole: 'secretariat';
  /** Version 1: every field, from null. */
  changes: { field: string; from: unknown; to: unknown }[];
}

export interface FollowUpItem {
  id: number;
  recommendationId: number;
  action: string;
  owner: string;
  dueOn: string;
  status: FollowUpStatus;
  /** Due before today and still open or in progress. */
  overdue: boolean;
  published: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface FollowUpItemWithHistory extends FollowUpItem {
  history: HistoryEntry[];
}

export interface Progress {
  total: number;
  open: number;
  inProgress: number;
  done: number;
  dropped: number;
}

/** What the secretariat writes of a recommendation: its text and the answer received. */
export type RecommendationText = {
  topic: string;
  body: string;
  issuedOn: string;
  addressee: string;
  answerOn: string | null;
  answerText: string;
  answerUrl: string | null;
};

export interface Recommendation extends RecommendationText {
  id: number;
  /** An answer has been received (its date is known). */
  answered: boolean;
  published: boolean;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  items: FollowUpItem[];
  overdueCount: number;
  progress: Progress;
}

export interface RecommendationDetail extends Omit<Recommendation, 'items'> {
  items: FollowUpItemWithHistory[];
  history: HistoryEntry[];
}

/** What a save answers: the record's id and its version now. */
export interface Saved {
  id: number;
  version: number;
}

/** The day `today` is in Copenhagen, as YYYY-MM-DD. */
export function dayOf(today: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(today);
}

export const isOverdue = (item: { dueOn: string; status: FollowUpStatus }, day: string): boolean =>
  item.dueOn < day && (item.status === 'open' || item.status === 'in_progress');

const noRecommendation = (id: number) =>
  new AppError('not_found', `No recommendation ${id}`, [{ field: 'id', ...NO_RECOMMENDATION }]);
const noItem = (id: number) =>
  new AppError('not_found', `No follow-up item ${id}`, [{ field: 'id', ...NO_ITEM }]);

function requireSecretariat(audit: AuditContext): void {
  if (can(audit.principal, 'secretariat.write')) return;
  throw new AppError('forbidden', 'Only the secretariat edits recommendations', [
    { field: 'role', ...NOT_SECRETARIAT },
  ]);
}

/** Who saved, as the history shows signed-in readers: the user's name, or the operator's label. */
async function saverOf(tx: Tx, principal: Principal): Promise<string> {
  if (principal.kind === 'cli') return principal.label;
  if (principal.kind === 'anonymous') return 'anonymous';
  return (await userById(tx, principal.userId))?.name ?? principal.label;
}

// --- states: a record's saved fields as plain JSON -------------------------------------------------------------

type RecommendationState = RecommendationText & { published: boolean };

type ItemState = {
  recommendationId: number;
  action: string;
  owner: string;
  dueOn: string;
  status: FollowUpStatus;
};

const textOf = (row: RecommendationRow): RecommendationText => ({
  topic: row.topic,
  body: row.body,
  issuedOn: row.issuedOn,
  addressee: row.addressee,
  answerOn: row.answerOn,
  answerText: row.answerText,
  answerUrl: row.answerUrl,
});

const recommendationState = (row: RecommendationRow): RecommendationState => ({
  ...textOf(row),
  published: row.published === 1,
});

const itemState = (row: FollowUpItemRow): ItemState => ({
  recommendationId: row.recommendationId,
  action: row.action,
  owner: row.owner,
  dueOn: row.dueOn,
  status: row.status,
});

type StoredRow = { version: number; updatedAt: string; updatedBy: string };

const storedVersion = (row: StoredRow, state: object): SavedVersion => ({
  version: row.version,
  state: { ...state },
  savedAt: row.updatedAt,
  savedBy: row.updatedBy,
});

/** The fields sent, without those left out (undefined). */
const sent = <T extends object>(changes: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

const flagOf = (value: boolean): Flag => (value ? 1 : 0);

/** The columns of a record's first version. */
const firstVersion = (at: string, by: string) => ({
  version: 1,
  createdAt: at,
  createdBy: by,
  updatedAt: at,
  updatedBy: by,
});

type RecordEntity = 'recommendation' | 'follow_up_item';

/** How to read a stored record for a save: its entity, its row, its state and the 404 when it is missing. */
interface Stored<Row, State extends RecordState> {
  entity: RecordEntity;
  byId: (tx: Tx, id: number) => Promise<Row | undefined>;
  stateOf: (row: Row) => State;
  missing: (id: number) => AppError;
}

const RECOMMENDATION: Stored<RecommendationRow, RecommendationState> = {
  entity: 'recommendation',
  byId: recommendationById,
  stateOf: recommendationState,
  missing: noRecommendation,
};

const ITEM: Stored<FollowUpItemRow, ItemState> = {
  entity: 'follow_up_item',
  byId: followUpItemById,
  stateOf: itemState,
  missing: noItem,
};

/** The stored record and its state, once its version is the one the editor opened (409 otherwise, 404 when gone). */
async function openedRecord<Row extends StoredRow, State extends RecordState>(
  tx: Tx,
  stored: Stored<Row, State>,
  id: number,
  openedVersion: number,
): Promise<{ row: Row; before: State }> {
  const row = Number.isSafeInteger(id) ? await stored.byId(tx, id) : undefined;
  if (row === undefined) throw stored.missing(id);
  const before = stored.stateOf(row);
  await expectVersion(tx, stored.entity, id, openedVersion, storedVersion(row, before));
  return { row, before };
}

/** The conflict of a save that lost the race after its version check: named against the row stored now. */
async function raceLost<Row extends StoredRow, State extends RecordState>(
  tx: Tx,
  stored: Stored<Row, State>,
  id: number,
  openedVersion: number,
): Promise<AppError> {
  const row = await stored.byId(tx, id);
  if (row === undefined) return stored.missing(id);
  return staleSave(tx, stored.entity, id, openedVersion, storedVersion(row, stored.stateOf(row)));
}

/** The last steps of every save: keep the version, bump the data version, then the one audit row. */
async function keepAndAudit(
  tx: Tx,
  audit: AuditContext,
  saved: { entity: RecordEntity; id: number; version: number; at: string; by: string },
  change: { action: string; before?: RecordState; after: RecordState },
  now: Date,
): Promise<void> {
  const { entity, id, version, at, by } = saved;
  await keepVersion(tx, entity, id, { version, state: change.after, at, by });
  await bumpDataVersion(tx);
  await recordAudit(tx, audit, { ...change, entity, entityId: id }, now);
}

type FirstVersion = ReturnType<typeof firstVersion>;

/** A new record at version 1 (`insert` writes its row with the first version's columns), kept and audited; its id. */
async function createRecord(
  tx: Tx,
  audit: AuditContext,
  created: { entity: RecordEntity; action: string; state: RecordState },
  insert: (first: FirstVersion) => Promise<number>,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const by = await saverOf(tx, audit.principal);
  const id = await insert(firstVersion(at, by));
  const saved = { entity: created.entity, id, version: 1, at, by };
  await keepAndAudit(tx, audit, saved, { action: created.action, after: created.state }, now);
  return id;
}

function checkAnswer(state: RecommendationState): void {
  const issues = answerIssues(state);
  if (issues.length > 0) throw new AppError('invalid_input', 'The answer is incomplete', issues);
}

// --- reading ---------------------------------------------------------------------------------------------------

function presentItem(row: FollowUpItemRow, day: string): FollowUpItem {
  return {
    id: row.id,
    recommendationId: row.recommendationId,
    action: row.action,
    owner: row.owner,
    dueOn: row.dueOn,
    status: row.status,
    overdue: isOverdue(row, day),
    published: row.published === 1,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function progressOf(items: readonly FollowUpItem[]): Progress {
  const count = (status: FollowUpStatus) => items.filter((item) => item.status === status).length;
  return {
    total: items.length,
    open: count('open'),
    inProgress: count('in_progress'),
    done: count('done'),
    dropped: count('dropped'),
  };
}

function presentRecommendation(row: RecommendationRow, items: FollowUpItem[]): Recommendation {
  return {
    id: row.id,
    ...textOf(row),
    answered: row.answerOn !== null,
    published: row.published === 1,
    publishedAt: row.publishedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    items,
    overdueCount: items.filter((item) => item.overdue).length,
    progress: progressOf(items),
  };
}

const RECOMMENDATION_FIELDS = [...RECOMMENDATION_FORM_FIELDS, 'published'] as const;
const ITEM_FIELDS = ['recommendationId', ...ITEM_FORM_FIELDS] as const;

/** A kept state with only the record's own fields, its flag as true/false (versions kept elsewhere, e.g. by the
 *  demo seed, may hold 0/1 or more fields). */
function ownState(state: RecordState, fields: readonly string[]): RecordState {
  const own: RecordState = {};
  for (const field of fields) {
    const value = state[field];
    own[field] = field === 'published' && typeof value === 'number' ? value === 1 : value;
  }
  return own;
}

/** Every saved version with what changed from the one before; names only for readers who may see drafts. */
export function presentHistory(
  kept: readonly SavedVersion[],
  principal: Principal,
  fields: readonly string[],
): HistoryEntry[] {
  const names = can(principal, 'drafts.read');
  const versions = kept.map((saved) => ({ ...saved, state: ownState(saved.state, fields) }));
  return versions.map((saved, i) => {
    const previous = versions[i - 1];
    const changes =
      previous === undefined
        ? Object.entries(saved.state).map(([field, to]) => ({ field, from: null, to }))
        : changedFields(previous.state, saved.state).map((c) => ({
            field: c.field,
            from: c.opened,
            to: c.stored,
          }));
    return {
      version: saved.version,
      savedAt: saved.savedAt,
      savedBy: names ? saved.savedBy : null,
      savedByRole: 'secretariat',
      changes,
    };
  });
}

const mayRead = (principal: Principal, row: RecommendationRow) =>
  row.published === 1 || can(principal, 'drafts.read');

/** The recommendations the principal may see (drafts with `drafts.read`), newest first, each with its items. */
export async function listRecommendations(
  db: Db,
  principal: Principal,
  today: Date,
): Promise<Recommendation[]> {
  const rows = await recommendations(db, { drafts: can(principal, 'drafts.read') });
  const day = dayOf(today);
  const items = await itemsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    presentRecommendation(
      row,
      items.filter((item) => item.recommendationId === row.id).map((item) => presentItem(item, day)),
    ),
  );
}

/** One recommendation with its items and every saved version of each; a draft the principal may not read is 404. */
export async function getRecommendation(
  db: Db,
  principal: Principal,
  id: number,
  today: Date,
): Promise<RecommendationDetail> {
  const row = Number.isSafeInteger(id) ? await recommendationById(db, id) : undefined;
  if (row === undefined || !mayRead(principal, row)) throw noRecommendation(id);
  const day = dayOf(today);
  const items = await Promise.all(
    (await itemsOf(db, [id])).map(async (item) => ({
      ...presentItem(item, day),
      history: presentHistory(await historyOf(db, 'follow_up_item', item.id), principal, ITEM_FIELDS),
    })),
  );
  const history = presentHistory(await historyOf(db, 'recommendation', id), principal, RECOMMENDATION_FIELDS);
  return { ...presentRecommendation(row, items), items, history };
}

/** One follow-up item (its recommendation must be readable by the principal). */
export async function getFollowUpItem(
  db: Db,
  principal: Principal,
  itemId: number,
  today: Date,
): Promise<FollowUpItem> {
  const item = Number.isSafeInteger(itemId) ? await followUpItemById(db, itemId) : undefined;
  const owner = item === undefined ? undefined : await recommendationById(db, item.recommendationId);
  if (item === undefined || owner === undefined || !mayRead(principal, owner)) throw noItem(itemId);
  return presentItem(item, dayOf(today));
}

// --- saving ----------------------------------------------------------------------------------------------------

/** A new recommendation (a draft unless `published` says otherwise); its id. */
export async function createRecommendation(
  db: Db,
  audit: AuditContext,
  input: unknown,
  now: Date,
): Promise<number> {
  requireSecretariat(audit);
  const fields = parseFields(newRecommendationSchema, input, 'The recommendation has problems');
  const state: RecommendationState = {
    topic: fields.topic,
    body: fields.body,
    issuedOn: fields.issuedOn,
    addressee: fields.addressee,
    answerOn: fields.answerOn ?? null,
    answerText: fields.answerText ?? '',
    answerUrl: fields.answerUrl ?? null,
    published: fields.published ?? false,
  };
  checkAnswer(state);
  const created = { entity: 'recommendation', action: 'recommendation.create', state } as const;
  return inTransaction(db, (tx) =>
    createRecord(
      tx,
      audit,
      created,
      (first) =>
        insertRecommendation(tx, {
          ...state,
          published: flagOf(state.published),
          publishedAt: state.published ? first.createdAt : null,
          ...first,
        }),
      now,
    ),
  );
}

/** Saves the fields sent over the version the editor opened (409 naming what changed since, nothing saved). */
export async function updateRecommendation(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number,
  input: unknown,
  now: Date,
): Promise<Saved> {
  requireSecretariat(audit);
  const changes = sent(parseFields(recommendationChangesSchema, input, 'The recommendation has problems'));
  return saveRecommendation(db, audit, id, openedVersion, changes, now);
}

/** The answer received from the addressee: date, text and link (http(s) only). */
export async function recordAnswer(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number,
  answer: Answer,
  now: Date,
): Promise<Saved> {
  requireSecretariat(audit);
  const changes = sent(parseFields(answerSchema, answer, 'The answer has problems'));
  return saveRecommendation(db, audit, id, openedVersion, changes, now);
}

/** Publishes (or withdraws) a recommendation; its follow-up items follow it. */
export async function setRecommendationPublished(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number,
  published: boolean,
  now: Date,
): Promise<Saved> {
  requireSecretariat(audit);
  return saveRecommendation(db, audit, id, openedVersion, { published }, now);
}

async function saveRecommendation(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number,
  changes: Partial<RecommendationState>,
  now: Date,
): Promise<Saved> {
  return inTransaction(db, async (tx) => {
    const { row, before } = await openedRecord(tx, RECOMMENDATION, id, openedVersion);
    const after: RecommendationState = { ...before, ...changes };
    checkAnswer(after);
    if (changedFields(before, after).length === 0) return { id, version: row.version };
    const at = now.toISOString();
    const by = await saverOf(tx, audit.principal);
    const version = row.version + 1;
    const publishedAt = after.published ? (before.published ? row.publishedAt : at) : null;
    const values = {
      ...after,
      published: flagOf(after.published),
      publishedAt,
      version,
      updatedAt: at,
      updatedBy: by,
    };
    if ((await updateRecommendationAt(tx, id, openedVersion, values)) === 0)
      throw await raceLost(tx, RECOMMENDATION, id, openedVersion);
    if (after.published !== before.published) await setItemsPublished(tx, id, after.published, at);
    const saved = { entity: 'recommendation', id, version, at, by } as const;
    await keepAndAudit(tx, audit, saved, { action: saveAction(before, after), before, after }, now);
    return { id, version };
  });
}

/** The audit action of a save: publishing or withdrawing when that is all it changed. */
function saveAction(before: RecommendationState, after: RecommendationState): string {
  const onlyPublication = changedFields(before, after).every((change) => change.field === 'published');
  if (!onlyPublication) return 'recommendation.update';
  return after.published ? 'recommendation.publish' : 'recommendation.unpublish';
}

/** A new follow-up item of a recommendation (status open unless sent); its id. */
export async function addFollowUpItem(
  db: Db,
  audit: AuditContext,
  recommendationId: number,
  input: unknown,
  now: Date,
): Promise<number> {
  requireSecretariat(audit);
  const fields = parseFields(newFollowUpItemSchema, input, 'The follow-up item has problems');
  return inTransaction(db, async (tx) => {
    const owner = Number.isSafeInteger(recommendationId)
      ? await recommendationById(tx, recommendationId)
      : undefined;
    if (owner === undefined) throw noRecommendation(recommendationId);
    const state: ItemState = {
      recommendationId,
      action: fields.action,
      owner: fields.owner,
      dueOn: fields.dueOn,
      status: fields.status ?? 'open',
    };
    const created = { entity: 'follow_up_item', action: 'follow_up.create', state } as const;
    return createRecord(
      tx,
      audit,
      created,
      (first) =>
        insertFollowUpItem(tx, {
          ...state,
          published: owner.published,
          publishedAt: owner.published === 1 ? first.createdAt : null,
          ...first,
        }),
      now,
    );
  });
}

/** Saves an item's status, due date, action or owner over the version the editor opened (409 when stale). */
export async function updateFollowUpItem(
  db: Db,
  audit: AuditContext,
  itemId: number,
  openedVersion: number,
  input: unknown,
  now: Date,
): Promise<Saved> {
  requireSecretariat(audit);
  const changes = sent(parseFields(followUpChangesSchema, input, 'The follow-up item has problems'));
  return inTransaction(db, async (tx) => {
    const { row, before } = await openedRecord(tx, ITEM, itemId, openedVersion);
    const after: ItemState = { ...before, ...changes };
    if (changedFields(before, after).length === 0) return { id: itemId, version: row.version };
    const at = now.toISOString();
    const by = await saverOf(tx, audit.principal);
    const version = row.version + 1;
    const values = { ...after, version, updatedAt: at, updatedBy: by };
    if ((await updateFollowUpItemAt(tx, itemId, openedVersion, values)) === 0)
      throw await raceLost(tx, ITEM, itemId, openedVersion);
    const saved = { entity: 'follow_up_item', id: itemId, version, at, by } as const;
    await keepAndAudit(tx, audit, saved, { action: 'follow_up.update', before, after }, now);
    return { id: itemId, version };
  });
}
