// Writes the demo of the BFAs' work inside the demo seed's transaction (called once, by `seedDemo`, after the targets
// and employment exist): the generated records in a few multi-row inserts, and version 1 (with follow-up items and
// answered recommendations, every later version too) of each editable record in record_version.
import type { Tx } from '../db/connect.js';
import type { VersionedEntity } from '../work/versioned.js';
import { derivedSeed } from './demo.generator.js';
import {
  activityVersions,
  campaignVersions,
  DEMO_WORK_USER,
  type DemoActivity,
  type DemoRecommendation,
  type DemoWork,
  followUpVersions,
  generateDemoWork,
  type KeptVersion,
  pilotVersions,
  poolVersions,
  recommendationVersions,
  WORK_YEARS,
} from './demo-work.js';
import {
  insertActivities,
  insertActivityBranches,
  insertActivityTargets,
  insertCampaigns,
  insertFollowUpItems,
  insertPilots,
  insertPoolShares,
  insertPools,
  insertRecommendations,
  insertVersions,
  insertWorkplaceCounts,
  readWorkFacts,
} from './demo-work.repository.js';

/** The demo seed's part for the BFAs' work (see `derivedSeed`). */
const WORK_SEED_PART = 3;

/** Collects saved versions to be written in one go at the end. */
class Versions {
  readonly rows: {
    entity: string;
    entityId: number;
    version: number;
    stateJson: string;
    savedAt: string;
    savedBy: string;
  }[] = [];
  keep(entity: VersionedEntity, entityId: number, versions: KeptVersion[]): void {
    for (const kept of versions)
      this.rows.push({
        entity,
        entityId,
        version: kept.version,
        stateJson: JSON.stringify(kept.state),
        savedAt: kept.at,
        savedBy: DEMO_WORK_USER,
      });
  }
  /** The versions of each record written, the i-th with the i-th id. */
  keepEach<T>(
    entity: VersionedEntity,
    ids: number[],
    records: T[],
    versionsOf: (record: T) => KeptVersion[],
  ): void {
    for (const [i, record] of records.entries()) this.keep(entity, at(ids, i), versionsOf(record));
  }
}

export async function seedDemoWork(tx: Tx, seed: number): Promise<Record<string, number>> {
  const work = generateDemoWork(await readWorkFacts(tx, WORK_YEARS), derivedSeed(seed, WORK_SEED_PART));
  const versions = new Versions();
  const poolIds = await writePools(tx, work, versions);
  const campaignIds = await insertCampaigns(
    tx,
    work.campaigns.map(({ bfa: _bfa, channels, ...row }) => ({ ...row, channels: JSON.stringify(channels) })),
  );
  versions.keepEach('campaign', campaignIds, work.campaigns, campaignVersions);
  await writeActivities(tx, work.activities, { poolIds, campaignIds }, versions);
  const pilotIds = await insertPilots(
    tx,
    work.pilots.map(({ bfa: _bfa, ...row }) => row),
  );
  versions.keepEach('pilot', pilotIds, work.pilots, pilotVersions);
  await insertWorkplaceCounts(
    tx,
    work.workplaceCounts.map(({ branchGroup: _code, ...row }) => ({ ...row, batchId: null })),
  );
  const items = await writeRecommendations(tx, work.recommendations, versions);
  await insertVersions(tx, versions.rows);
  return {
    fundingPool: work.pools.length,
    campaign: work.campaigns.length,
    workActivity: work.activities.length,
    pilot: work.pilots.length,
    workplaceCount: work.workplaceCounts.length,
    recommendation: work.recommendations.length,
    followUpItem: items,
    recordVersion: versions.rows.length,
  };
}

/** The id at `index` of ids returned for the rows written. */
function at(ids: number[], index: number): number {
  const id = ids[index];
  if (id === undefined) throw new Error('Demo work: a record was not written');
  return id;
}

const optionalAt = (ids: number[], index: number | null) => (index === null ? null : at(ids, index));

async function writePools(tx: Tx, work: DemoWork, versions: Versions): Promise<number[]> {
  const ids = await insertPools(
    tx,
    work.pools.map(({ shares: _shares, ...row }) => row),
  );
  await insertPoolShares(
    tx,
    work.pools.flatMap((pool, i) =>
      pool.shares.map((share) => ({ poolId: at(ids, i), bfaId: share.bfaId, amountDkk: share.amountDkk })),
    ),
  );
  versions.keepEach('funding_pool', ids, work.pools, poolVersions);
  return ids;
}

async function writeActivities(
  tx: Tx,
  activities: DemoActivity[],
  links: { poolIds: number[]; campaignIds: number[] },
  versions: Versions,
): Promise<void> {
  const resolved = activities.map((activity) => ({
    fundingPoolId: optionalAt(links.poolIds, activity.pool),
    campaignId: optionalAt(links.campaignIds, activity.campaign),
  }));
  const ids = await insertActivities(
    tx,
    activities.map(
      ({ bfa: _bfa, pool: _pool, campaign: _campaign, branches: _b, targetIds: _t, ...row }, i) => ({
        ...row,
        ...resolved[i],
        batchId: null,
      }),
    ),
  );
  await insertActivityBranches(
    tx,
    activities.flatMap((activity, i) =>
      activity.branches.map((branch) => ({
        activityId: at(ids, i),
        branchGroupId: branch.branchGroupId,
        subBranchId: branch.subBranchId,
      })),
    ),
  );
  await insertActivityTargets(
    tx,
    activities.flatMap((activity, i) =>
      activity.targetIds.map((targetId) => ({ activityId: at(ids, i), targetId })),
    ),
  );
  for (const [i, activity] of activities.entries()) {
    const link = resolved[i] ?? { fundingPoolId: null, campaignId: null };
    versions.keep('work_activity', at(ids, i), activityVersions(activity, link));
  }
}

async function writeRecommendations(
  tx: Tx,
  recommendations: DemoRecommendation[],
  versions: Versions,
): Promise<number> {
  const ids = await insertRecommendations(
    tx,
    recommendations.map(({ items: _items, ...row }) => row),
  );
  versions.keepEach('recommendation', ids, recommendations, recommendationVersions);
  const items = recommendations.flatMap((rec, i) =>
    rec.items.map((item) => ({ item, recommendationId: at(ids, i) })),
  );
  const itemIds = await insertFollowUpItems(
    tx,
    items.map(({ item: { history: _history, ...item }, recommendationId }) => ({
      ...item,
      recommendationId,
    })),
  );
  versions.keepEach('follow_up_item', itemIds, items, ({ item, recommendationId }) =>
    followUpVersions(item, recommendationId),
  );
  return items.length;
}
