// Campaigns: the council's and the BFAs' campaigns with their channels, period and reach, and the activities run
// under them. Everyone reads the published ones; drafts only whoever may read that BFA's drafts (a draft of another
// BFA answers exactly like a missing id). Writing needs `work.write` on the campaign's BFA: a BFA editor writes only
// their own BFA's campaigns, never one of no BFA (the council's or several BFAs', the secretariat's). Every save names
// the version it opened (work/versioned.ts), keeps the new version, bumps the data version and leaves one audit row.
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import { canOn, type Principal } from '../auth/policy.js';
import { type Db, inTransaction, type Tx } from '../db/connect.js';
import { bumpDataVersion } from '../db/meta.js';
import { AppError } from '../errors.js';
import {
  activitiesOfCampaign,
  type BfaRef,
  bfaRefByCode,
  type CampaignRow,
  campaignRow,
  campaignRows,
  insertCampaign,
  updateCampaignRow,
} from './campaigns.repository.js';
import type { CampaignInput } from './campaigns.schemas.js';
import {
  expectVersion,
  historyOf,
  keepVersion,
  type RecordState,
  type SavedVersion,
  staleSave,
} from './versioned.js';

export interface Campaign {
  id: number;
  /** Null: the council's own campaign, or one of several BFAs. */
  bfa: BfaRef | null;
  title: string;
  description: string;
  channels: string[];
  periodStart: string;
  periodEnd: string | null;
  reachedPeople: number | null;
  reachedWorkplaces: number | null;
  impressions: number | null;
  reachNote: string;
  published: boolean;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  isDemo: boolean;
}

export interface CampaignActivity {
  id: number;
  title: string;
  bfa: { code: string; short: string };
  periodStart: string;
  periodEnd: string | null;
  status: string;
  reachedWorkplaces: number | null;
  published: boolean;
}

export interface CampaignDetail extends Campaign {
  activities: CampaignActivity[];
}

const channelsOf = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

function toCampaign(row: CampaignRow): Campaign {
  const bfa =
    row.bfaCode === null || row.bfaId === null
      ? null
      : {
          id: row.bfaId,
          code: row.bfaCode,
          short: row.bfaShort ?? row.bfaCode,
          nameDa: row.bfaNameDa ?? '',
          nameEn: row.bfaNameEn ?? '',
        };
  return {
    id: row.id,
    bfa,
    title: row.title,
    description: row.description,
    channels: channelsOf(row.channels),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    reachedPeople: row.reachedPeople,
    reachedWorkplaces: row.reachedWorkplaces,
    impressions: row.impressions,
    reachNote: row.reachNote,
    published: row.published === 1,
    publishedAt: row.publishedAt,
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    isDemo: row.isDemo === 1,
  };
}

/** The record's editable state as kept in its history and compared on a conflict. */
export function campaignState(row: CampaignRow): RecordState {
  return {
    bfa: row.bfaCode,
    title: row.title,
    description: row.description,
    channels: channelsOf(row.channels),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    reachedPeople: row.reachedPeople,
    reachedWorkplaces: row.reachedWorkplaces,
    impressions: row.impressions,
    reachNote: row.reachNote,
    published: row.published === 1,
  };
}

const savedVersionOf = (row: CampaignRow): SavedVersion => ({
  version: row.version,
  state: campaignState(row),
  savedAt: row.updatedAt,
  savedBy: row.updatedBy,
});

const mayRead = (principal: Principal, published: number | boolean, bfaId: number | null) =>
  published === 1 || published === true || canOn(principal, 'drafts.read', bfaId);

export function noCampaign(id: number): AppError {
  return new AppError('not_found', `No campaign ${id}`, [
    { field: 'id', message: 'no such campaign', messageDa: 'ingen sådan kampagne' },
  ]);
}

function notYours(field: string, bfaId: number | null): AppError {
  const issue =
    bfaId === null
      ? {
          message: 'this campaign belongs to no single BFA: only the secretariat edits it',
          messageDa: 'denne kampagne hører ikke til et enkelt BFA: kun sekretariatet redigerer den',
        }
      : {
          message: 'this campaign belongs to another BFA than yours',
          messageDa: 'denne kampagne hører til et andet BFA end dit',
        };
  return new AppError('forbidden', 'You may not write this campaign', [{ field, ...issue }]);
}

const unknownBfa = (code: string) =>
  new AppError('invalid_input', 'The campaign has problems', [
    { field: 'bfa', message: `"${code}" is not a BFA`, messageDa: `"${code}" er ikke et BFA` },
  ]);

/** The campaigns the principal may read: published ones, and the drafts of BFAs whose drafts they may read. */
export async function listCampaigns(db: Db, principal: Principal): Promise<Campaign[]> {
  const rows = await campaignRows(db);
  return rows.filter((row) => mayRead(principal, row.published, row.bfaId)).map(toCampaign);
}

/** One campaign with the activities under it the principal may read; 404 when missing or a draft they may not. */
export async function getCampaign(db: Db, principal: Principal, id: number): Promise<CampaignDetail> {
  const row = Number.isSafeInteger(id) ? await campaignRow(db, id) : undefined;
  if (row === undefined || !mayRead(principal, row.published, row.bfaId)) throw noCampaign(id);
  const activities = (await activitiesOfCampaign(db, id))
    .filter((activity) => mayRead(principal, activity.published, activity.bfaId))
    .map((activity) => ({
      id: activity.id,
      title: activity.title,
      bfa: { code: activity.bfaCode, short: activity.bfaShort },
      periodStart: activity.periodStart,
      periodEnd: activity.periodEnd,
      status: activity.status,
      reachedWorkplaces: activity.reachedWorkplaces,
      published: activity.published === 1,
    }));
  return { ...toCampaign(row), activities };
}

/** Whether the principal may edit and publish this campaign. */
export const mayWriteCampaign = (principal: Principal, campaign: Campaign): boolean =>
  canOn(principal, 'work.write', campaign.bfa?.id ?? null);

/** Every saved version of a campaign the principal may read (its history), oldest first. */
export async function campaignHistory(db: Db, principal: Principal, id: number): Promise<SavedVersion[]> {
  await getCampaign(db, principal, id);
  return historyOf(db, 'campaign', id);
}

/** The published flag and date a save sets: nothing when not asked; the first publication's date is kept. */
export function publication(
  wanted: boolean | undefined,
  stored: { published: number; publishedAt: string | null } | undefined,
  at: string,
): { published?: 0 | 1; publishedAt?: string | null } {
  if (wanted === undefined) return {};
  if (!wanted) return { published: 0, publishedAt: null };
  return { published: 1, publishedAt: stored?.published === 1 ? stored.publishedAt : at };
}

export const actorLabel = (principal: Principal): string =>
  principal.kind === 'anonymous' ? 'anonymous' : principal.label;

async function bfaIdOf(tx: Tx, code: string | null): Promise<number | null> {
  if (code === null) return null;
  const bfa = await bfaRefByCode(tx, code);
  if (bfa === undefined) throw unknownBfa(code);
  return bfa.id;
}

const columnsOf = (input: CampaignInput, bfaId: number | null) => ({
  bfaId,
  title: input.title,
  description: input.description,
  channels: JSON.stringify(input.channels),
  periodStart: input.periodStart,
  periodEnd: input.periodEnd,
  reachedPeople: input.reachedPeople,
  reachedWorkplaces: input.reachedWorkplaces,
  impressions: input.impressions,
  reachNote: input.reachNote,
});

/** A new draft campaign (version 1); its BFA must be one the principal writes for. */
export async function createCampaign(
  db: Db,
  audit: AuditContext,
  input: CampaignInput,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const by = actorLabel(audit.principal);
  return inTransaction(db, async (tx) => {
    const bfaId = await bfaIdOf(tx, input.bfa);
    if (!canOn(audit.principal, 'work.write', bfaId)) throw notYours('bfa', bfaId);
    const id = await insertCampaign(tx, {
      ...columnsOf(input, bfaId),
      ...publication(input.published, undefined, at),
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    });
    const after = await finishSave(tx, id, at, by);
    await recordAudit(tx, audit, { action: 'campaign.create', entity: 'campaign', entityId: id, after }, now);
    return id;
  });
}

/** Keeps the saved version and bumps the data version; the state saved, for the audit row. */
async function finishSave(tx: Tx, id: number, at: string, by: string): Promise<RecordState> {
  const saved = await campaignRow(tx, id);
  if (saved === undefined) throw noCampaign(id);
  const state = campaignState(saved);
  await keepVersion(tx, 'campaign', id, { version: saved.version, state, at, by });
  await bumpDataVersion(tx);
  return { version: saved.version, ...state };
}

/** The stored campaign the principal may write, inside the saving transaction (404, else 403). */
async function writableRow(tx: Db | Tx, principal: Principal, id: number): Promise<CampaignRow> {
  const row = Number.isSafeInteger(id) ? await campaignRow(tx, id) : undefined;
  if (row === undefined || !mayRead(principal, row.published, row.bfaId)) throw noCampaign(id);
  if (!canOn(principal, 'work.write', row.bfaId)) throw notYours('id', row.bfaId);
  return row;
}

/** Before a write's input is read: 404 when the principal may not see the campaign, 403 when they may not change it. */
export async function assertCampaignWritable(db: Db, principal: Principal, id: number): Promise<void> {
  await writableRow(db, principal, id);
}

/** Saves over the version the editor opened, or refuses with a conflict naming every field changed since. */
async function saveOver(
  tx: Tx,
  row: CampaignRow,
  openedVersion: number,
  values: Parameters<typeof updateCampaignRow>[3],
): Promise<void> {
  await expectVersion(tx, 'campaign', row.id, openedVersion, savedVersionOf(row));
  const updated = await updateCampaignRow(tx, row.id, openedVersion, values);
  if (updated === 1) return;
  const now = await campaignRow(tx, row.id);
  if (now === undefined) throw noCampaign(row.id);
  throw await staleSave(tx, 'campaign', row.id, openedVersion, savedVersionOf(now));
}

export async function updateCampaign(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number,
  input: CampaignInput,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const by = actorLabel(audit.principal);
  await inTransaction(db, async (tx) => {
    const row = await writableRow(tx, audit.principal, id);
    const bfaId = await bfaIdOf(tx, input.bfa);
    if (!canOn(audit.principal, 'work.write', bfaId)) throw notYours('bfa', bfaId);
    const before = { version: row.version, ...campaignState(row) };
    await saveOver(tx, row, openedVersion, {
      ...columnsOf(input, bfaId),
      ...publication(input.published, row, at),
      updatedAt: at,
      updatedBy: by,
    });
    const after = await finishSave(tx, id, at, by);
    await recordAudit(
      tx,
      audit,
      { action: 'campaign.update', entity: 'campaign', entityId: id, before, after },
      now,
    );
  });
}

/** Publishes a campaign or takes it back to a draft; `openedVersion` null saves over whatever is stored. */
export async function setCampaignPublished(
  db: Db,
  audit: AuditContext,
  id: number,
  openedVersion: number | null,
  published: boolean,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const by = actorLabel(audit.principal);
  await inTransaction(db, async (tx) => {
    const row = await writableRow(tx, audit.principal, id);
    const before = { version: row.version, ...campaignState(row) };
    await saveOver(tx, row, openedVersion ?? row.version, {
      ...publication(published, row, at),
      updatedAt: at,
      updatedBy: by,
    });
    const after = await finishSave(tx, id, at, by);
    const action = published ? 'campaign.publish' : 'campaign.unpublish';
    await recordAudit(tx, audit, { action, entity: 'campaign', entityId: id, before, after }, now);
  });
}
