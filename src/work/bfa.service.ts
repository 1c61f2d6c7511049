// Everything about one BFA's work, gathered from the features that own each part: the page per BFA and its JSON.
import type { Principal } from '../auth/policy.js';
import type { Db } from '../db/connect.js';
import { notFound } from '../errors.js';
import { findBfa } from '../reference/reference.repository.js';
import type { Target } from '../targets/targets.model.js';
import { listTargets } from '../targets/targets.service.js';
import type { Activity } from './activities.model.js';
import { listActivities } from './activities.service.js';
import { branchGroupsOfBfa, publishedActivityCountsByBfa } from './bfa.repository.js';
import { type Campaign, listCampaigns } from './campaigns.service.js';
import { type FundingPool, type PoolBfaFigures, poolSummaries } from './funding.service.js';
import { listPilots, type Pilot } from './pilots.service.js';
import { type ReachRow, reachOf } from './reach.service.js';

/** One pool as it concerns one BFA: the BFA's share, spend, reach and cost per workplace reached there. */
export interface BfaPool {
  pool: Pick<FundingPool, 'id' | 'name' | 'legalBasis' | 'amountDkk' | 'periodStart' | 'periodEnd'>;
  figures: PoolBfaFigures;
}

export interface BfaOverview {
  bfa: { id: number; code: string; short: string; nameDa: string; nameEn: string; sourceUrl: string };
  branchGroups: { id: number; code: string; nameDa: string; nameEn: string }[];
  targets: Target[];
  activities: Activity[];
  campaigns: Campaign[];
  pilots: Pilot[];
  pools: BfaPool[];
  /** The BFA's spend over every pool. */
  spentDkk: number;
  reach: ReachRow[];
}

export const publishedActivityCounts = (db: Db) => publishedActivityCountsByBfa(db);

async function bfaNamed(db: Db, code: string) {
  const bfa = /^[a-z0-9-]{1,40}$/.test(code) ? await findBfa(db, code) : undefined;
  if (bfa === undefined) {
    throw notFound(`No BFA with the code "${code}"`);
  }
  return bfa;
}

/** The pools a BFA has a share in or draws on, with its own figures in each. */
async function poolsOf(db: Db, principal: Principal, code: string, today: Date): Promise<BfaPool[]> {
  return (await poolSummaries(db, principal, today)).flatMap((summary) => {
    const figures = summary.perBfa.find((row) => row.bfa.code === code);
    if (figures === undefined || (figures.shareDkk === null && figures.activities === 0)) return [];
    const { id, name, legalBasis, amountDkk, periodStart, periodEnd } = summary.pool;
    return [{ pool: { id, name, legalBasis, amountDkk, periodStart, periodEnd }, figures }];
  });
}

/** The BFA's branch groups, targets, and the work the principal may see (published; drafts they may read). */
export async function bfaOverview(
  db: Db,
  principal: Principal,
  code: string,
  today: Date,
): Promise<BfaOverview> {
  const bfa = await bfaNamed(db, code);
  const [branchGroups, targets, activities, campaigns, pilots, pools, reach] = await Promise.all([
    branchGroupsOfBfa(db, bfa.id),
    listTargets(db),
    listActivities(db, principal, { bfa: bfa.code }),
    listCampaigns(db, principal),
    listPilots(db, principal, { bfa: bfa.code }),
    poolsOf(db, principal, bfa.code, today),
    reachOf(db, principal, { bfa: bfa.code }),
  ]);
  const { id, short, nameDa, nameEn, sourceUrl } = bfa;
  return {
    bfa: { id, code: bfa.code, short, nameDa, nameEn, sourceUrl },
    branchGroups,
    targets: targets.filter((target) => target.owner?.code === bfa.code),
    activities,
    campaigns: campaigns.filter((campaign) => campaign.bfa?.code === bfa.code),
    pilots,
    pools,
    spentDkk: pools.reduce((sum, row) => sum + row.figures.spentDkk, 0),
    reach,
  };
}
