import { afterEach, describe, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { Db } from '../db/connect.js';
import { loadReferenceData } from '../reference/reference.data.js';
import { didProportions, didRates } from '../stats/pilot-evaluation.js';
import { historyOf } from '../work/versioned.js';
import { DEFAULT_DEMO_SEED, generateDemoData } from './demo.generator.js';
import {
  type DemoActivity,
  type DemoPilot,
  followUpVersions,
  generateDemoWork,
  recommendationVersions,
  WORKPLACE_SOURCE,
  type WorkFacts,
} from './demo-work.js';

/** The facts as the seed reads them from the database, built from the shipped reference data and demo targets. */
function referenceFacts(): WorkFacts {
  const reference = loadReferenceData();
  const data = generateDemoData(reference, DEFAULT_DEMO_SEED);
  const idOf = (codes: string[]) => (code: string) => codes.indexOf(code) + 1;
  const bfaId = idOf(reference.bfas.map((bfa) => bfa.code));
  const groupId = idOf(reference.branchGroups.map((group) => group.code));
  return {
    bfas: reference.bfas.map((bfa) => ({ id: bfaId(bfa.code), code: bfa.code })),
    branchGroups: reference.branchGroups.map((group) => ({
      id: groupId(group.code),
      code: group.code,
      nameDa: group.nameDa,
      ownerBfaIds: group.owners.map((owner) => bfaId(owner.bfa)),
    })),
    subBranches: reference.subBranches.map((sub, i) => ({
      id: i + 1,
      code: sub.code,
      nameDa: sub.nameDa,
      branchGroupId: groupId(sub.branchGroup),
    })),
    targets: data.targets.map((target, i) => ({
      id: i + 1,
      ownerBfaId: target.owner === null ? null : bfaId(target.owner),
      branchGroupId: groupId(target.branchGroup),
      topic: target.subProblem ?? target.goal,
    })),
    employment: data.employment
      .filter((row) => row.ageBand === 'all' && row.year >= 2021)
      .map((row) => ({ branchGroupId: groupId(row.branchGroup), year: row.year, employed: row.employed })),
  };
}

const facts = referenceFacts();
const work = generateDemoWork(facts, 99);
/** "Today" in the demo: the overdue and "ends within 12 months" checks are made against it. */
const TODAY = '2026-12-03';

const evaluate = (pilot: DemoPilot) => {
  const input = {
    x_i0: pilot.xI0,
    n_i0: pilot.nI0,
    x_i1: pilot.xI1,
    n_i1: pilot.nI1,
    x_c0: pilot.xC0,
    n_c0: pilot.nC0,
    x_c1: pilot.xC1,
    n_c1: pilot.nC1,
  };
  return pilot.design === 'rates' ? didRates(input) : didProportions(input);
};

const yearOf = (activity: DemoActivity) => Number(activity.periodStart.slice(0, 4));

describe('demo of the BFAs’ work (pure generator)', () => {
  it('gives the same rows for the same seed and other rows for another', () => {
    expect(generateDemoWork(referenceFacts(), 99)).toEqual(work);
    expect(generateDemoWork(facts, 100).activities).not.toEqual(work.activities);
  });

  it('has about 300 activities of all five BFAs over 2021–2025, the campaigns, pilots, pools and recommendations', () => {
    expect(work.activities.length).toBeGreaterThanOrEqual(290);
    expect(work.activities.length).toBeLessThanOrEqual(310);
    expect(new Set(work.activities.map((a) => a.bfa))).toEqual(
      new Set(['voa', 'ba', 'industri', 'hfk', 'tstj']),
    );
    expect([...new Set(work.activities.map(yearOf))].sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(work.campaigns.map((c) => [c.title, c.bfa])).toEqual([
      ['Tag godt imod jeres unge medarbejder', null],
      ['Sig stop: forebyg seksuel chikane af unge på jobbet', 'tstj'],
    ]);
    expect(work.pilots.map((p) => p.bfa).sort()).toEqual(['ba', 'hfk', 'industri', 'tstj', 'voa']);
    expect(work.pools.map((p) => [p.legalBasis, p.periodStart, p.periodEnd])).toEqual([
      ['Akt 65 2020', '2021-01-01', '2024-12-31'],
      ['Akt 154 2021', '2022-01-01', '2024-12-31'],
      ['Demo: finanslov 2025', '2025-01-01', '2026-12-31'],
    ]);
    for (const pool of work.pools) expect(pool.purpose).toContain('Demobeløb');
    expect(work.recommendations).toHaveLength(3);
    for (const rec of work.recommendations) {
      expect(rec.items.length).toBeGreaterThanOrEqual(2);
      expect(rec.items.length).toBeLessThanOrEqual(4);
    }
    expect(work.recommendations.map((r) => r.addressee)).toEqual([
      'Beskæftigelsesministeren',
      'Beskæftigelsesministeren',
      'Arbejdstilsynet',
    ]);
  });

  it('keeps every activity on its own BFA’s branch groups and targets, on the matching branch where it can', () => {
    const group = new Map(facts.branchGroups.map((g) => [g.id, g]));
    const sub = new Map(facts.subBranches.map((s) => [s.id, s]));
    const target = new Map(facts.targets.map((t) => [t.id, t]));
    let linked = 0;
    for (const activity of work.activities) {
      expect(activity.branches.length).toBeGreaterThanOrEqual(1);
      expect(activity.branches.length).toBeLessThanOrEqual(2);
      const groupIds = activity.branches.map((b) => b.branchGroupId);
      for (const branch of activity.branches) {
        expect(group.get(branch.branchGroupId)?.ownerBfaIds).toContain(activity.bfaId);
        if (branch.subBranchId !== null)
          expect(sub.get(branch.subBranchId)?.branchGroupId).toBe(branch.branchGroupId);
      }
      expect(activity.targetIds.length).toBeLessThanOrEqual(2);
      expect(new Set(activity.targetIds).size).toBe(activity.targetIds.length);
      for (const id of activity.targetIds) expect(target.get(id)?.ownerBfaId).toBe(activity.bfaId);
      const onBranch = facts.targets.some(
        (t) =>
          t.ownerBfaId === activity.bfaId && t.branchGroupId !== null && groupIds.includes(t.branchGroupId),
      );
      if (onBranch)
        for (const id of activity.targetIds) expect(groupIds).toContain(target.get(id)?.branchGroupId);
      linked += activity.targetIds.length > 0 ? 1 : 0;
    }
    expect(linked).toBeGreaterThan(50);
    expect(work.activities.some((a) => a.branches.length === 2)).toBe(true);
    expect(work.activities.some((a) => a.branches.some((b) => b.subBranch !== null))).toBe(true);
  });

  it('keeps periods in 2021–2025 within the pool drawn on, with plausible figures and statuses', () => {
    for (const a of work.activities) {
      expect(a.periodStart >= '2021-01-01' && a.periodStart <= '2025-12-31').toBe(true);
      if (a.periodEnd !== null)
        expect(a.periodEnd >= a.periodStart && a.periodEnd <= '2025-12-31').toBe(true);
      else expect(['running', 'planned']).toContain(a.status);
      const pool = work.pools[a.pool ?? -1];
      expect(pool).toBeDefined();
      expect(
        pool && a.periodStart >= pool.periodStart && (a.periodEnd ?? a.periodStart) <= pool.periodEnd,
      ).toBe(true);
      if (yearOf(a) === 2025) expect(a.pool).toBe(2);
      if (a.status === 'cancelled') expect([a.reachedWorkplaces, a.reachedParticipants]).toEqual([0, 0]);
      if (a.status === 'done') expect(a.reachedWorkplaces).toBeGreaterThan(0);
      expect(a.plannedWorkplaces).toBeGreaterThanOrEqual(5);
      expect(a.plannedWorkplaces).toBeLessThanOrEqual(80);
      if (a.status !== 'cancelled') expect(a.costDkk).toBeGreaterThanOrEqual(20_000);
      expect(a.costDkk).toBeLessThanOrEqual(400_000);
      expect(a.activityType === 'campaign_activity').toBe(a.campaign !== null);
    }
    const count = (status: string) => work.activities.filter((a) => a.status === status).length;
    expect(count('done')).toBeGreaterThan(work.activities.length / 2);
    for (const status of ['running', 'planned', 'cancelled']) expect(count(status)).toBeGreaterThan(0);
    expect(work.activities.some((a) => a.status === 'running' && a.periodEnd === null)).toBe(true);
    const published = work.activities.filter((a) => a.published === 1).length / work.activities.length;
    expect(published).toBeGreaterThan(0.84);
    expect(published).toBeLessThan(0.96);
    expect(work.activities.some((a) => a.notes.includes('**') && a.notes.includes('\n- '))).toBe(true);
    const inCampaigns = work.activities.filter((a) => a.campaign !== null);
    expect(inCampaigns.length).toBeGreaterThanOrEqual(5);
    expect(inCampaigns.length).toBeLessThanOrEqual(10);
    for (const a of inCampaigns) {
      const campaign = work.campaigns[a.campaign ?? -1];
      expect(a.periodStart >= (campaign?.periodStart ?? '')).toBe(true);
      if (campaign?.bfa !== null) expect(a.bfa).toBe(campaign?.bfa);
    }
  });

  it('keeps shares within each pool, each BFA’s spending within its share, and money left in the last pool', () => {
    for (const [index, pool] of work.pools.entries()) {
      expect(pool.shares).toHaveLength(5);
      expect(pool.shares.reduce((sum, s) => sum + s.amountDkk, 0)).toBeLessThanOrEqual(pool.amountDkk);
      for (const share of pool.shares) {
        const spent = work.activities
          .filter((a) => a.pool === index && a.bfaId === share.bfaId)
          .reduce((sum, a) => sum + a.costDkk, 0);
        expect(spent).toBeGreaterThan(0);
        expect(spent).toBeLessThanOrEqual(share.amountDkk);
      }
    }
    const last = work.pools[2];
    const spent = work.activities.filter((a) => a.pool === 2).reduce((sum, a) => sum + a.costDkk, 0);
    expect(last && last.periodEnd > TODAY && last.periodEnd <= '2027-12-03').toBe(true);
    expect(spent).toBeLessThan(last?.amountDkk ?? 0);
  });

  it('flags every row demo, saved by "Demodata" at fixed times before today', () => {
    const records = [
      ...work.pools,
      ...work.campaigns,
      ...work.activities,
      ...work.pilots,
      ...work.recommendations,
      ...work.recommendations.flatMap((r) => r.items),
    ];
    for (const row of [...records, ...work.workplaceCounts]) expect(row.isDemo).toBe(1);
    for (const row of records) {
      expect([row.createdBy, row.updatedBy]).toEqual(['Demodata', 'Demodata']);
      expect(row.createdAt).toMatch(/^20\d\d-\d\d-\d\dT\d\d:00:00\.000Z$/);
      expect(row.createdAt <= row.updatedAt && row.updatedAt < TODAY).toBe(true);
      expect(row.publishedAt).toBe(row.published === 1 ? row.createdAt : null);
    }
  });

  it('makes exactly one pilot significant (VOA), one clearly not (BA) and one weak for a small group', () => {
    const results = new Map(work.pilots.map((pilot) => [pilot.bfa, evaluate(pilot)]));
    expect([...results].filter(([, r]) => r.significant === true).map(([bfa]) => bfa)).toEqual(['voa']);
    const ba = results.get('ba');
    expect(ba?.significant).toBe(false);
    // Clearly none: the estimate lies within a third of the way from 0 to either limit.
    const half = ((ba?.uppercl ?? 0) - (ba?.lowercl ?? 0)) / 2;
    expect(Math.abs(ba?.value ?? 1)).toBeLessThan(half / 3);
    expect(results.get('industri')?.weakApproximation).toBe(true);
    expect([...results].filter(([, r]) => r.weakApproximation).map(([bfa]) => bfa)).toEqual(['industri']);
    expect(work.pilots.find((p) => p.bfa === 'hfk')?.design).toBe('rates');
    for (const pilot of work.pilots) expect(pilot.periodEnd.startsWith('2023')).toBe(true);
  });

  it('counts workplaces for every branch group in every year 2021–2025', () => {
    expect(work.workplaceCounts).toHaveLength(facts.branchGroups.length * 5);
    const keys = new Set(work.workplaceCounts.map((row) => `${row.branchGroup} ${row.year}`));
    for (const group of facts.branchGroups)
      for (let year = 2021; year <= 2025; year++) expect(keys.has(`${group.code} ${year}`)).toBe(true);
    for (const row of work.workplaceCounts) {
      expect(row.workplaces).toBeGreaterThan(0);
      expect(row.source).toBe(WORKPLACE_SOURCE);
    }
    const total = work.workplaceCounts
      .filter((r) => r.year === 2023)
      .reduce((sum, r) => sum + r.workplaces, 0);
    expect(total).toBeGreaterThan(100_000);
    expect(total).toBeLessThan(600_000);
  });

  it('gives follow-up items an overdue one, dropped and done ones, and histories of status changes', () => {
    const items = work.recommendations.flatMap((r) => r.items);
    expect(items.some((item) => item.status === 'open' && item.dueOn < '2026-11-30')).toBe(true);
    expect(new Set(items.map((item) => item.status))).toEqual(
      new Set(['open', 'in_progress', 'done', 'dropped']),
    );
    const histories = items.map((item) => followUpVersions(item, 1));
    expect(histories.filter((h) => h.length >= 2).length).toBeGreaterThanOrEqual(3);
    expect(histories.some((h) => h.length === 3)).toBe(true);
    for (const [i, history] of histories.entries()) {
      expect(history.map((v) => v.version)).toEqual(history.map((_, k) => k + 1));
      expect(history.at(-1)?.state.status).toBe(items[i]?.status);
      expect(items[i]?.version).toBe(history.length);
    }
    const [fatal, digital] = work.recommendations.map(recommendationVersions);
    expect(fatal?.map((v) => v.state.answerOn)).toEqual([null, '2024-08-27']);
    expect(digital?.map((v) => v.state.answerOn)).toEqual([null]);
  });
});

const WORK_TABLES = [
  'fundingPool',
  'fundingPoolShare',
  'campaign',
  'workActivity',
  'workActivityBranch',
  'workActivityTarget',
  'pilot',
  'workplaceCount',
  'recommendation',
  'followUpItem',
  'recordVersion',
] as const;

async function dumpWork(db: Db): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of WORK_TABLES) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    dump[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return dump;
}

describeEachDialect('demo of the BFAs’ work in the database', (dialect) => {
  const stores: TestStore[] = [];
  const store = async () => {
    const created = await freshStore(dialect);
    stores.push(created);
    await seedStore(created.db, { demo: true, accidentScale: 0.001 });
    return created;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.destroy()));
  });

  it('lands every record, linked to its BFA’s branch groups and targets, flagged demo', async () => {
    const { db } = await store();
    const count = async (table: (typeof WORK_TABLES)[number]) =>
      (await db.selectFrom(table).selectAll().execute()).length;
    expect(await count('fundingPool')).toBe(3);
    expect(await count('fundingPoolShare')).toBe(15);
    expect(await count('campaign')).toBe(2);
    expect(await count('pilot')).toBe(5);
    expect(await count('recommendation')).toBe(3);
    expect(await count('workplaceCount')).toBe(36 * 5);
    const activities = await db.selectFrom('workActivity').selectAll().execute();
    expect(activities.length).toBeGreaterThanOrEqual(290);
    for (const table of [
      'fundingPool',
      'campaign',
      'workActivity',
      'pilot',
      'recommendation',
      'followUpItem',
    ] as const) {
      const flags = await db.selectFrom(table).select(['isDemo', 'createdBy']).execute();
      expect(flags.every((row) => row.isDemo === 1 && row.createdBy === 'Demodata')).toBe(true);
    }
    const foreignBranches = await db
      .selectFrom('workActivityBranch as b')
      .innerJoin('workActivity as a', 'a.id', 'b.activityId')
      .leftJoin('branchGroupOwner as o', (join) =>
        join.onRef('o.branchGroupId', '=', 'b.branchGroupId').onRef('o.bfaId', '=', 'a.bfaId'),
      )
      .select('b.activityId')
      .where('o.bfaId', 'is', null)
      .execute();
    expect(foreignBranches).toEqual([]);
    const links = await db
      .selectFrom('workActivityTarget as l')
      .innerJoin('workActivity as a', 'a.id', 'l.activityId')
      .innerJoin('targetRevision as r', 'r.targetId', 'l.targetId')
      .select(['a.bfaId', 'r.ownerBfaId'])
      .execute();
    expect(links.length).toBeGreaterThan(50);
    expect(links.every((link) => link.ownerBfaId === link.bfaId)).toBe(true);
    const unlinked = await db
      .selectFrom('workActivity as a')
      .leftJoin('workActivityBranch as b', 'b.activityId', 'a.id')
      .select('a.id')
      .where('b.activityId', 'is', null)
      .execute();
    expect(unlinked).toEqual([]);
  });

  it('keeps each record’s saved versions up to its version, the last one matching the stored record', async () => {
    const { db } = await store();
    const activities = await db
      .selectFrom('workActivity')
      .select(['id', 'title', 'status', 'version'])
      .orderBy('id')
      .execute();
    const saved = await db
      .selectFrom('recordVersion')
      .selectAll()
      .where('entity', '=', 'work_activity')
      .orderBy('entityId')
      .execute();
    // One version each, the state of the stored record (a wrong id order would pair titles with other records).
    expect(saved.map((v) => [v.entityId, v.version, v.savedBy])).toEqual(
      activities.map((a) => [a.id, 1, 'Demodata']),
    );
    for (const [i, version] of saved.entries()) {
      const activity = activities[i];
      expect(JSON.parse(version.stateJson)).toMatchObject({
        title: activity?.title,
        status: activity?.status,
      });
    }
    const items = await db.selectFrom('followUpItem').select(['id', 'status', 'version', 'dueOn']).execute();
    expect(items.some((item) => item.status === 'open' && item.dueOn < '2026-11-30')).toBe(true);
    for (const item of items) {
      const history = await historyOf(db, 'follow_up_item', item.id);
      expect(history.map((v) => v.version)).toEqual(Array.from({ length: item.version }, (_, i) => i + 1));
      expect(history.at(-1)?.state.status).toBe(item.status);
    }
    expect(items.some((item) => item.version === 3)).toBe(true);
    for (const entity of ['funding_pool', 'campaign', 'pilot', 'recommendation'] as const) {
      const rows = await db
        .selectFrom('recordVersion')
        .select('entityId')
        .where('entity', '=', entity)
        .execute();
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('writes the same rows for the same seed in two databases', async () => {
    const [a, b] = [await store(), await store()];
    expect(await dumpWork(a.db)).toEqual(await dumpWork(b.db));
  });
});
