// Campaigns: the council's and the BFAs' campaigns with their channels, period and reach, and the activities run
// under them. Everyone reads the published ones; drafts only whoever may read that BFA's drafts (a draft of another
// BFA answers exactly like a missing id). Writing needs `work.write` on the campaign's BFA: a BFA editor writes only
// their own BFA's campaigns, never one of no BFA (the council's or several BFAs', the secretariat's). Every save names
// the version it opened (work/versioned.ts), keeps the new version, bumps the data version and leaves one audit row.
import { canOn, type Principal } from '../auth/policy.js';
import type { Db, Tx } from '../db/connect.js';
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
  type EditableFields,
  type EditableKind,
  editableFieldsOf,
  editableService,
  mayRead,
  readableRow,
} from './editable.service.js';
import type { RecordState } from './versioned.js';

export interface Campaign extends EditableFields {
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

/** The campaign's own fields, as shown and as kept in its history. */
const ownFields = (row: CampaignRow) => ({
  title: row.title,
  description: row.description,
  channels: channelsOf(row.channels),
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  reachedPeople: row.reachedPeople,
  reachedWorkplaces: row.reachedWorkplaces,
  impressions: row.impressions,
  reachNote: row.reachNote,
});

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
  return { id: row.id, bfa, ...ownFields(row), ...editableFieldsOf(row) };
}

/** The record's editable state as kept in its history and compared on a conflict. */
export function campaignState(row: CampaignRow): RecordState {
  return { bfa: row.bfaCode, ...ownFields(row), published: row.published === 1 };
}

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

async function bfaIdOf(tx: Tx, code: string | null): Promise<number | null> {
  if (code === null) return null;
  const bfa = await bfaRefByCode(tx, code);
  if (bfa === undefined) throw unknownBfa(code);
  return bfa.id;
}

const columnsOf = async (tx: Tx, input: CampaignInput) => ({
  bfaId: await bfaIdOf(tx, input.bfa),
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

/** Campaigns as editable records (work/editable.service.ts). */
const CAMPAIGNS: EditableKind<CampaignRow, CampaignInput, Awaited<ReturnType<typeof columnsOf>>> = {
  entity: 'campaign',
  rowOf: campaignRow,
  stateOf: campaignState,
  columnsOf,
  insert: insertCampaign,
  update: updateCampaignRow,
  missing: noCampaign,
  notYours,
};

/** The campaigns the principal may read: published ones, and the drafts of BFAs whose drafts they may read. */
export async function listCampaigns(db: Db, principal: Principal): Promise<Campaign[]> {
  const rows = await campaignRows(db);
  return rows.filter((row) => mayRead(principal, row)).map(toCampaign);
}

/** One campaign with the activities under it the principal may read; 404 when missing or a draft they may not. */
export async function getCampaign(db: Db, principal: Principal, id: number): Promise<CampaignDetail> {
  const row = await readableRow(db, CAMPAIGNS, principal, id);
  const activities = (await activitiesOfCampaign(db, id))
    .filter((activity) => mayRead(principal, activity))
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

/** The campaigns' history and writes (work/editable.service.ts). */
export const campaignService = editableService(CAMPAIGNS);

export const { history: campaignHistory, create: createCampaign, update: updateCampaign } = campaignService;
export const setCampaignPublished = campaignService.setPublished;
