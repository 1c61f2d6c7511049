// Campaigns and the activities under them: the SQL.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { CampaignTable } from '../db/schema.js';

type Handle = Db | Tx;

/** The BFA a record belongs to, as the pages name it. */
export interface BfaRef {
  id: number;
  code: string;
  short: string;
  nameDa: string;
  nameEn: string;
}

export type CampaignRow = Selectable<CampaignTable> & {
  bfaCode: string | null;
  bfaShort: string | null;
  bfaNameDa: string | null;
  bfaNameEn: string | null;
};

const campaignQuery = (db: Handle) =>
  db
    .selectFrom('campaign')
    .leftJoin('bfa', 'bfa.id', 'campaign.bfaId')
    .selectAll('campaign')
    .select([
      'bfa.code as bfaCode',
      'bfa.short as bfaShort',
      'bfa.nameDa as bfaNameDa',
      'bfa.nameEn as bfaNameEn',
    ]);

/** Every campaign, newest period first. */
export const campaignRows = (db: Handle): Promise<CampaignRow[]> =>
  campaignQuery(db).orderBy('campaign.periodStart', 'desc').orderBy('campaign.id', 'desc').execute();

export const campaignRow = (db: Handle, id: number): Promise<CampaignRow | undefined> =>
  campaignQuery(db).where('campaign.id', '=', id).executeTakeFirst();

export async function insertCampaign(db: Handle, row: Insertable<CampaignTable>): Promise<number> {
  const inserted = await db.insertInto('campaign').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Saves over `version` and bumps it; 0 rows when someone saved another version meanwhile. */
export async function updateCampaignRow(
  db: Handle,
  id: number,
  version: number,
  values: Updateable<CampaignTable>,
): Promise<number> {
  const result = await db
    .updateTable('campaign')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface CampaignActivityRow {
  id: number;
  title: string;
  bfaId: number;
  bfaCode: string;
  bfaShort: string;
  periodStart: string;
  periodEnd: string | null;
  status: string;
  reachedWorkplaces: number | null;
  published: number;
}

/** The activities under a campaign (drafts too: the service decides who sees them), by start. */
export const activitiesOfCampaign = (db: Handle, campaignId: number): Promise<CampaignActivityRow[]> =>
  db
    .selectFrom('workActivity')
    .innerJoin('bfa', 'bfa.id', 'workActivity.bfaId')
    .select([
      'workActivity.id',
      'workActivity.title',
      'workActivity.bfaId',
      'bfa.code as bfaCode',
      'bfa.short as bfaShort',
      'workActivity.periodStart',
      'workActivity.periodEnd',
      'workActivity.status',
      'workActivity.reachedWorkplaces',
      'workActivity.published',
    ])
    .where('workActivity.campaignId', '=', campaignId)
    .orderBy('workActivity.periodStart')
    .orderBy('workActivity.id')
    .execute();

/** Every BFA, for the forms' choices and to resolve a code. */
export const bfaRefs = (db: Handle): Promise<BfaRef[]> =>
  db.selectFrom('bfa').select(['id', 'code', 'short', 'nameDa', 'nameEn']).orderBy('short').execute();

export const bfaRefByCode = (db: Handle, code: string): Promise<BfaRef | undefined> =>
  db
    .selectFrom('bfa')
    .select(['id', 'code', 'short', 'nameDa', 'nameEn'])
    .where('code', '=', code)
    .executeTakeFirst();
