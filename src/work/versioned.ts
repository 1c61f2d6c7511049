// Optimistic locking and history for the BFAs' work records (activities, campaigns, pilots, funding pools,
// recommendations, follow-up items). Each save names the version it started from; the repository's UPDATE matches
// on it and bumps it. When it no longer matches, `staleSave` compares the version the editor opened with the one now
// stored and names every field someone else changed since (with both values), so the form can show the conflict and
// keep what the editor typed. Every saved version is kept as JSON (record_version): the record's history.
import type { Db, Tx } from '../db/connect.js';
import { AppError, type Issue } from '../errors.js';
import { insertVersion, versionOf, versionsOf } from './versions.repository.js';

export type VersionedEntity =
  | 'work_activity'
  | 'campaign'
  | 'pilot'
  | 'funding_pool'
  | 'recommendation'
  | 'follow_up_item';

/** A record's editable state: plain JSON values (strings, numbers, null, arrays of those). */
export type RecordState = Record<string, unknown>;

export interface SavedVersion {
  version: number;
  state: RecordState;
  savedAt: string;
  savedBy: string;
}

/** One field someone else changed after the editor opened the record. */
export interface ChangedField {
  field: string;
  /** The value when the editor opened the record (undefined: that version is not known). */
  opened: unknown;
  /** The value stored now. */
  stored: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value differs between two states (keys of either). */
export function changedFields(opened: RecordState, stored: RecordState): ChangedField[] {
  const fields = [...new Set([...Object.keys(opened), ...Object.keys(stored)])];
  return fields
    .filter((field) => !same(opened[field], stored[field]))
    .map((field) => ({ field, opened: opened[field], stored: stored[field] }));
}

/** Keeps a saved version (call inside the saving transaction, after the write). */
export async function keepVersion(
  tx: Tx,
  entity: VersionedEntity,
  entityId: number,
  saved: { version: number; state: RecordState; at: string; by: string },
): Promise<void> {
  await insertVersion(tx, {
    entity,
    entityId,
    version: saved.version,
    stateJson: JSON.stringify(saved.state),
    savedAt: saved.at,
    savedBy: saved.by,
  });
}

/** Every saved version of a record, oldest first. */
export async function historyOf(
  db: Db | Tx,
  entity: VersionedEntity,
  entityId: number,
): Promise<SavedVersion[]> {
  return (await versionsOf(db, entity, entityId)).map((row) => ({
    version: row.version,
    state: JSON.parse(row.stateJson) as RecordState,
    savedAt: row.savedAt,
    savedBy: row.savedBy,
  }));
}

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : Array.isArray(value) ? value.join(', ') : String(value);

/** The conflict a stale save gets: HTTP 409 / exit 75, one issue per field changed since `openedVersion`, each
 *  saying who saved which version and the value then and now. Nothing is written. */
export async function staleSave(
  db: Db | Tx,
  entity: VersionedEntity,
  entityId: number,
  openedVersion: number,
  stored: SavedVersion,
): Promise<AppError> {
  const openedRow = await versionOf(db, entity, entityId, openedVersion);
  const opened = openedRow === undefined ? undefined : (JSON.parse(openedRow.stateJson) as RecordState);
  const changed =
    opened === undefined
      ? Object.keys(stored.state).map((field) => ({ field, opened: undefined, stored: stored.state[field] }))
      : changedFields(opened, stored.state);
  const issues: Issue[] = changed.map((change) => ({
    field: change.field,
    message: `changed by ${stored.savedBy} (version ${stored.version}, ${stored.savedAt}): ${show(change.opened)} → ${show(change.stored)}`,
    messageDa: `ændret af ${stored.savedBy} (version ${stored.version}, ${stored.savedAt}): ${show(change.opened)} → ${show(change.stored)}`,
  }));
  return new AppError(
    'conflict',
    `Someone saved version ${stored.version} after you opened version ${openedVersion}; nothing was saved`,
    issues,
  );
}

/** The version check before a save: refuses with `staleSave` when the stored version is not the one opened. */
export async function expectVersion(
  db: Db | Tx,
  entity: VersionedEntity,
  entityId: number,
  openedVersion: number,
  stored: SavedVersion,
): Promise<void> {
  if (stored.version === openedVersion) return;
  throw await staleSave(db, entity, entityId, openedVersion, stored);
}
