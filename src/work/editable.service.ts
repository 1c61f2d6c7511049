// The service side every editable record of the BFAs' work shares (campaigns, pilots), built on work/versioned.ts.
// Everyone reads the published records; drafts only whoever may read that BFA's drafts (a draft of another BFA
// answers exactly like a missing id). Writing needs `work.write` on the record's BFA. Every write runs in one
// transaction: a save names the version it opened and saves over it (or is refused with the fields changed since),
// then the saved version is kept, the data version bumped and, last, one audit row left.
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import { canOn, type Principal } from '../auth/policy.js';
import { type Db, inTransaction, type Tx } from '../db/connect.js';
import { bumpDataVersion } from '../db/meta.js';
import type { AppError } from '../errors.js';
import type { BfaRef } from './campaigns.repository.js';
import {
  expectVersion,
  historyOf,
  keepVersion,
  type RecordState,
  type SavedVersion,
  staleSave,
  type VersionedEntity,
} from './versioned.js';

/** The columns every editable record's stored row has. */
export interface EditableRow {
  id: number;
  bfaId: number | null;
  published: number;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  isDemo: number;
}

/** The published flag and date a save sets (neither when publishing was not asked about). */
export interface Publication {
  published?: 0 | 1;
  publishedAt?: string | null;
}

/** What every save sets besides the record's own fields. */
export interface SaveStamps extends Publication {
  updatedAt: string;
  updatedBy: string;
}

export interface CreateStamps extends SaveStamps {
  createdAt: string;
  createdBy: string;
}

/** One kind of record as read: its rows, its state and its refusals. */
export interface RecordKind<Row extends EditableRow> {
  entity: VersionedEntity;
  rowOf: (db: Db | Tx, id: number) => Promise<Row | undefined>;
  /** The record's editable state as kept in its history and compared on a conflict. */
  stateOf: (row: Row) => RecordState;
  /** The 404 of a record that is missing, or a draft the principal may not read. */
  missing: (id: number) => AppError;
  /** The 403 of a record (or a BFA chosen for it) the principal may not write; `field` names where. */
  notYours: (field: string, bfaId: number | null) => AppError;
}

/** One kind of editable record: as read, and its fields from an input, its insert and its update. */
export interface EditableKind<Row extends EditableRow, Input, Columns extends { bfaId: number | null }>
  extends RecordKind<Row> {
  /** The input's stored fields, its BFA code resolved to an id (an unknown code is a problem named `bfa`). */
  columnsOf: (tx: Tx, input: Input) => Promise<Columns>;
  insert: (tx: Tx, row: Columns & CreateStamps) => Promise<number>;
  /** Saves over `version` and bumps it; the rows updated (0 when someone saved another version meanwhile). */
  update: (
    tx: Tx,
    id: number,
    version: number,
    values: SaveStamps | (Columns & SaveStamps),
  ) => Promise<number>;
}

/** What a save may change: the published flag, asked for or not. */
export interface PublishedWish {
  published?: boolean | undefined;
}

/** The published flag and date a save sets: nothing when not asked; the first publication's date is kept. */
export function publication(
  wanted: boolean | undefined,
  stored: { published: number; publishedAt: string | null } | undefined,
  at: string,
): Publication {
  if (wanted === undefined) return {};
  if (!wanted) return { published: 0, publishedAt: null };
  return { published: 1, publishedAt: stored?.published === 1 ? stored.publishedAt : at };
}

export const actorLabel = (principal: Principal): string =>
  principal.kind === 'anonymous' ? 'anonymous' : principal.label;

/** Published, or a draft of a BFA whose drafts the principal may read. */
export const mayRead = (principal: Principal, row: { published: number; bfaId: number | null }): boolean =>
  row.published === 1 || canOn(principal, 'drafts.read', row.bfaId);

/** A record's BFA as the pages name it, from its row's joined columns. */
export const bfaRefOf = (row: {
  bfaId: number;
  bfaCode: string;
  bfaShort: string;
  bfaNameDa: string;
  bfaNameEn: string;
}): BfaRef => ({
  id: row.bfaId,
  code: row.bfaCode,
  short: row.bfaShort,
  nameDa: row.bfaNameDa,
  nameEn: row.bfaNameEn,
});

/** The fields every editable record shows about its publication, version and making (flags as booleans). */
export interface EditableFields extends Omit<EditableRow, 'id' | 'bfaId' | 'published' | 'isDemo'> {
  published: boolean;
  isDemo: boolean;
}

export const editableFieldsOf = (row: EditableRow): EditableFields => ({
  published: row.published === 1,
  publishedAt: row.publishedAt,
  version: row.version,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
  updatedAt: row.updatedAt,
  updatedBy: row.updatedBy,
  isDemo: row.isDemo === 1,
});

const savedVersionOf = <Row extends EditableRow>(kind: RecordKind<Row>, row: Row): SavedVersion => ({
  version: row.version,
  state: kind.stateOf(row),
  savedAt: row.updatedAt,
  savedBy: row.updatedBy,
});

/** The stored record the principal may read; 404 when missing or a draft they may not read. */
export async function readableRow<Row extends EditableRow>(
  db: Db | Tx,
  kind: RecordKind<Row>,
  principal: Principal,
  id: number,
): Promise<Row> {
  const row = Number.isSafeInteger(id) ? await kind.rowOf(db, id) : undefined;
  if (row === undefined || !mayRead(principal, row)) throw kind.missing(id);
  return row;
}

/** The stored record the principal may write (404, else 403). */
async function writableRow<Row extends EditableRow>(
  db: Db | Tx,
  kind: RecordKind<Row>,
  principal: Principal,
  id: number,
): Promise<Row> {
  const row = await readableRow(db, kind, principal, id);
  if (!canOn(principal, 'work.write', row.bfaId)) throw kind.notYours('id', row.bfaId);
  return row;
}

/** Every saved version of a record the principal may read (its history), oldest first. */
async function readableHistory<Row extends EditableRow>(
  db: Db,
  kind: RecordKind<Row>,
  principal: Principal,
  id: number,
): Promise<SavedVersion[]> {
  await readableRow(db, kind, principal, id);
  return historyOf(db, kind.entity, id);
}

/** Saves over the version the editor opened, or refuses with a conflict naming every field changed since. */
async function saveOver<Row extends EditableRow, Input, Columns extends { bfaId: number | null }>(
  tx: Tx,
  kind: EditableKind<Row, Input, Columns>,
  row: Row,
  openedVersion: number,
  values: SaveStamps | (Columns & SaveStamps),
): Promise<void> {
  await expectVersion(tx, kind.entity, row.id, openedVersion, savedVersionOf(kind, row));
  if ((await kind.update(tx, row.id, openedVersion, values)) === 1) return;
  const stored = await kind.rowOf(tx, row.id);
  if (stored === undefined) throw kind.missing(row.id);
  throw await staleSave(tx, kind.entity, row.id, openedVersion, savedVersionOf(kind, stored));
}

/** Keeps the saved version and bumps the data version; the state saved, for the audit row. */
/** When and by whom a write is made. */
interface Stamp {
  at: string;
  by: string;
}

const stampOf = (audit: AuditContext, now: Date): Stamp => ({
  at: now.toISOString(),
  by: actorLabel(audit.principal),
});

/** Keeps the saved version and bumps the data version; the state saved, for the audit row. */
async function finishSave<Row extends EditableRow>(
  tx: Tx,
  kind: RecordKind<Row>,
  id: number,
  stamp: Stamp,
): Promise<RecordState> {
  const saved = await kind.rowOf(tx, id);
  if (saved === undefined) throw kind.missing(id);
  const state = kind.stateOf(saved);
  await keepVersion(tx, kind.entity, id, { version: saved.version, state, ...stamp });
  await bumpDataVersion(tx);
  return { version: saved.version, ...state };
}

/** The input's columns, refused (403 naming `bfa`) when its BFA is not one the principal writes for. */
async function writableColumns<Input, Columns extends { bfaId: number | null }>(
  tx: Tx,
  kind: Pick<EditableKind<EditableRow, Input, Columns>, 'columnsOf' | 'notYours'>,
  principal: Principal,
  input: Input,
): Promise<Columns> {
  const columns = await kind.columnsOf(tx, input);
  if (!canOn(principal, 'work.write', columns.bfaId)) throw kind.notYours('bfa', columns.bfaId);
  return columns;
}

/** A new record (version 1, a draft unless the input publishes it) of a BFA the principal writes for. */
async function createRecord<
  Row extends EditableRow,
  Input extends PublishedWish,
  Columns extends { bfaId: number | null },
>(
  db: Db,
  audit: AuditContext,
  kind: EditableKind<Row, Input, Columns>,
  creating: { input: Input; now: Date },
): Promise<number> {
  const { input, now } = creating;
  const { at, by } = stampOf(audit, now);
  return inTransaction(db, async (tx) => {
    const columns = await writableColumns(tx, kind, audit.principal, input);
    const published = publication(input.published, undefined, at);
    const stamps = { createdAt: at, createdBy: by, updatedAt: at, updatedBy: by };
    const id = await kind.insert(tx, { ...columns, ...published, ...stamps });
    const after = await finishSave(tx, kind, id, { at, by });
    const action = `${kind.entity}.create`;
    await recordAudit(tx, audit, { action, entity: kind.entity, entityId: id, after }, now);
    return id;
  });
}

/** What a save of a stored record changes, worked out from that row: the version it saves over, and its values. */
type Change<Row, Columns> = (
  tx: Tx,
  row: Row,
  at: string,
) => Promise<{ opened: number; values: Publication | (Columns & Publication) }>;

/** Saves a change over a stored record the principal may write; audited as `${entity}.${action}`. */
async function saveStored<Row extends EditableRow, Input, Columns extends { bfaId: number | null }>(
  db: Db,
  audit: AuditContext,
  kind: EditableKind<Row, Input, Columns>,
  saving: { id: number; action: string; change: Change<Row, Columns>; now: Date },
): Promise<void> {
  const { id, now } = saving;
  const stamp = stampOf(audit, now);
  await inTransaction(db, async (tx) => {
    const row = await writableRow(tx, kind, audit.principal, id);
    const before = { version: row.version, ...kind.stateOf(row) };
    const { opened, values } = await saving.change(tx, row, stamp.at);
    await saveOver(tx, kind, row, opened, { ...values, updatedAt: stamp.at, updatedBy: stamp.by });
    const after = await finishSave(tx, kind, id, stamp);
    const action = `${kind.entity}.${saving.action}`;
    await recordAudit(tx, audit, { action, entity: kind.entity, entityId: id, before, after }, now);
  });
}

/** The history and writes of one kind, bound to it, in the shape its routes and tests call them. */
export interface EditableService<Input> {
  /** Every saved version of a record the principal may read (its history), oldest first. */
  history: (db: Db, principal: Principal, id: number) => Promise<SavedVersion[]>;
  /** Before a write's input is read: 404 when the principal may not see the record, 403 when they may not change it. */
  assertWritable: (db: Db, principal: Principal, id: number) => Promise<void>;
  /** A new draft (version 1); its BFA must be one the principal writes for. */
  create: (db: Db, audit: AuditContext, input: Input, now: Date) => Promise<number>;
  /** Saves over the version the editor opened, or refuses with a conflict naming every field changed since. */
  update: (
    db: Db,
    audit: AuditContext,
    id: number,
    version: number,
    input: Input,
    now: Date,
  ) => Promise<void>;
  /** Publishes a record or takes it back to a draft; `version` null saves over whatever is stored. */
  setPublished: (
    db: Db,
    audit: AuditContext,
    id: number,
    version: number | null,
    published: boolean,
    now: Date,
  ) => Promise<void>;
}

/** One kind's service: its reads and writes bound to it. */
export function editableService<
  Row extends EditableRow,
  Input extends PublishedWish,
  Columns extends { bfaId: number | null },
>(kind: EditableKind<Row, Input, Columns>): EditableService<Input> {
  return {
    history: (db, principal, id) => readableHistory(db, kind, principal, id),
    assertWritable: async (db, principal, id) => {
      await writableRow(db, kind, principal, id);
    },
    create: (db, audit, input, now) => createRecord(db, audit, kind, { input, now }),
    update: (db, audit, id, opened, input, now) => {
      const change: Change<Row, Columns> = async (tx, row, at) => {
        const columns = await writableColumns(tx, kind, audit.principal, input);
        return { opened, values: { ...columns, ...publication(input.published, row, at) } };
      };
      return saveStored(db, audit, kind, { id, action: 'update', change, now });
    },
    setPublished: (db, audit, id, opened, published, now) => {
      const change: Change<Row, Columns> = async (_tx, row, at) => ({
        opened: opened ?? row.version,
        values: publication(published, row, at),
      });
      return saveStored(db, audit, kind, { id, action: published ? 'publish' : 'unpublish', change, now });
    },
  };
}
