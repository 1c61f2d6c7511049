// The demo's saved versions have the shape the services keep for the same records, so the first real save of a
// demo record compares like with like (no field reported changed that nobody changed).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { Principal } from '../auth/policy.js';
import { activityState } from '../work/activities.model.js';
import { getActivity } from '../work/activities.service.js';
import { campaignRow } from '../work/campaigns.repository.js';
import { campaignState } from '../work/campaigns.service.js';
import { pilotRow } from '../work/pilots.repository.js';
import { pilotState } from '../work/pilots.service.js';
import { historyOf, type VersionedEntity } from '../work/versioned.js';

const OPERATOR: Principal = { kind: 'cli', label: 'test' };

describeEachDialect('demo work versions match the services’ states', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
  });
  afterAll(async () => {
    await store.destroy();
  });

  const latest = async (entity: VersionedEntity, id: number) =>
    (await historyOf(store.db, entity, id)).at(-1);
  const ids = async (table: 'campaign' | 'pilot' | 'workActivity') =>
    (await store.db.selectFrom(table).select('id').orderBy('id').execute()).map((row) => row.id);

  it('campaigns and pilots', async () => {
    for (const id of await ids('campaign')) {
      const row = await campaignRow(store.db, id);
      expect(row).toBeDefined();
      if (row !== undefined) expect((await latest('campaign', id))?.state).toEqual(campaignState(row));
    }
    for (const id of await ids('pilot')) {
      const row = await pilotRow(store.db, id);
      expect(row).toBeDefined();
      if (row !== undefined) expect((await latest('pilot', id))?.state).toEqual(pilotState(row));
    }
  });

  it('activities, with their branch groups, sub-branches, targets, pool and campaign', async () => {
    const all = await ids('workActivity');
    // Every tenth activity, and every one linked to a campaign or a sub-branch.
    const linked = await store.db
      .selectFrom('workActivity as a')
      .leftJoin('workActivityBranch as b', 'b.activityId', 'a.id')
      .select('a.id')
      .where((eb) => eb.or([eb('a.campaignId', 'is not', null), eb('b.subBranchId', 'is not', null)]))
      .execute();
    const chosen = new Set([...all.filter((_, i) => i % 10 === 0), ...linked.map((row) => row.id)]);
    for (const id of chosen) {
      const activity = await getActivity(store.db, OPERATOR, id);
      expect((await latest('work_activity', id))?.state).toEqual(activityState(activity));
    }
  });
});
