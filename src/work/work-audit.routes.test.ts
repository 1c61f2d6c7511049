// Every API write of the BFAs' work and the council's follow-up (activities, campaigns, pilots, funding pools,
// recommendations, follow-up items) leaves exactly one audit row naming the entity, with the record before (none for
// a creation) and after; a refused write leaves none. A new write route without a scenario here fails the first test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { createApp } from '../web/app.js';

type Ids = Record<'activity' | 'campaign' | 'pilot' | 'pool' | 'recommendation' | 'item', number>;

interface Scenario {
  method: 'POST' | 'PUT';
  route: string;
  entity: string;
  /** The body, given the ids made so far and the record's current version. */
  body: (ids: Ids, version: number) => unknown;
  /** Which id the new record's `id` answer fills in (creations). */
  creates?: keyof Ids;
  /** The record the address names (updates). */
  of?: keyof Ids;
}

const ACTIVITY = {
  bfa: 'ba',
  title: 'Dialogmøde om revisionsspor',
  type: 'dialogue_meeting',
  status: 'done',
  branchGroups: ['anlaegsarbejde'],
  targets: [],
  periodStart: '2025-03-01',
  periodEnd: '2025-04-30',
  reachedWorkplaces: 12,
};
const CAMPAIGN = {
  bfa: 'ba',
  title: 'Kampagne om revisionsspor',
  description: 'Om sporbarhed.',
  channels: ['Presse'],
  periodStart: '2025-01-01',
  periodEnd: '2025-06-30',
  reachedPeople: 1000,
  reachedWorkplaces: 40,
  impressions: null,
  reachNote: '',
};
const PILOT = {
  bfa: 'ba',
  title: 'Pilot om revisionsspor',
  description: '',
  interventionGroup: 'Med besøg',
  comparisonGroup: 'Uden besøg',
  outcome: 'Andel, der stadig er i job',
  design: 'proportions',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  beforeLabel: '2023',
  afterLabel: '2024',
  xI0: 60,
  nI0: 200,
  xI1: 40,
  nI1: 200,
  xC0: 58,
  nC0: 200,
  xC1: 54,
  nC1: 200,
};
const POOL = {
  name: 'Pulje til revisionsspor',
  legalBasis: 'Akt 1 2026',
  amountDkk: 100_000,
  periodStart: '2026-01-01',
  periodEnd: '2027-12-31',
  purpose: '',
  shares: [{ bfa: 'ba', amountDkk: 50_000 }],
};
const RECOMMENDATION = {
  topic: 'Revisionsspor',
  body: 'Rådet anbefaler sporbarhed.',
  issuedOn: '2026-05-01',
  addressee: 'Beskæftigelsesministeren',
};
const ITEM = {
  action: 'Analyse af sporbarhed',
  owner: 'Arbejdstilsynet',
  dueOn: '2027-03-31',
  status: 'open',
};

const SCENARIOS: Scenario[] = [
  {
    method: 'POST',
    route: '/api/v1/activities',
    entity: 'work_activity',
    creates: 'activity',
    body: () => ACTIVITY,
  },
  {
    method: 'PUT',
    route: '/api/v1/activities/:id',
    entity: 'work_activity',
    of: 'activity',
    body: (_, version) => ({ ...ACTIVITY, title: 'Dialogmøde om revisionsspor, rettet', version }),
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/publish',
    entity: 'work_activity',
    of: 'activity',
    body: (_, version) => ({ version }),
  },
  {
    method: 'POST',
    route: '/api/v1/activities/:id/unpublish',
    entity: 'work_activity',
    of: 'activity',
    body: (_, version) => ({ version }),
  },
  {
    method: 'POST',
    route: '/api/v1/campaigns',
    entity: 'campaign',
    creates: 'campaign',
    body: () => CAMPAIGN,
  },
  {
    method: 'PUT',
    route: '/api/v1/campaigns/:id',
    entity: 'campaign',
    of: 'campaign',
    body: (_, version) => ({ ...CAMPAIGN, reachedPeople: 1200, version }),
  },
  { method: 'POST', route: '/api/v1/pilots', entity: 'pilot', creates: 'pilot', body: () => PILOT },
  {
    method: 'PUT',
    route: '/api/v1/pilots/:id',
    entity: 'pilot',
    of: 'pilot',
    body: (_, version) => ({ ...PILOT, xI1: 38, version }),
  },
  {
    method: 'POST',
    route: '/api/v1/funding-pools',
    entity: 'funding_pool',
    creates: 'pool',
    body: () => POOL,
  },
  {
    method: 'PUT',
    route: '/api/v1/funding-pools/:id',
    entity: 'funding_pool',
    of: 'pool',
    body: (_, version) => ({ ...POOL, amountDkk: 120_000, version }),
  },
  {
    method: 'POST',
    route: '/api/v1/recommendations',
    entity: 'recommendation',
    creates: 'recommendation',
    body: () => RECOMMENDATION,
  },
  {
    method: 'PUT',
    route: '/api/v1/recommendations/:id',
    entity: 'recommendation',
    of: 'recommendation',
    body: (_, version) => ({
      ...RECOMMENDATION,
      answerOn: '2026-06-01',
      answerText: 'Ministeren tilslutter sig.',
      version,
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/recommendations/:id/follow-up',
    entity: 'follow_up_item',
    of: 'recommendation',
    creates: 'item',
    body: () => ITEM,
  },
  {
    method: 'PUT',
    route: '/api/v1/follow-up/:id',
    entity: 'follow_up_item',
    of: 'item',
    body: (_, version) => ({ ...ITEM, status: 'in_progress', version }),
  },
];

const TABLE: Record<
  string,
  'workActivity' | 'campaign' | 'pilot' | 'fundingPool' | 'recommendation' | 'followUpItem'
> = {
  work_activity: 'workActivity',
  campaign: 'campaign',
  pilot: 'pilot',
  funding_pool: 'fundingPool',
  recommendation: 'recommendation',
  follow_up_item: 'followUpItem',
};

describeEachDialect('one audit row per write of the BFAs’ work', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    app = createApp(store, { logError: () => {} });
    admin = await bearerFor(store, 'admin');
    viewer = await bearerFor(store, 'viewer');
  }, 120_000);
  afterAll(async () => store?.destroy());

  const send = (method: string, path: string, token: Record<string, string>, body: unknown) =>
    app.request(path, {
      method,
      headers: { ...token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const auditRows = (after: number) =>
    store.db.selectFrom('auditEvent').selectAll().where('id', '>', after).orderBy('id').execute();
  const lastAudit = async () =>
    (await store.db.selectFrom('auditEvent').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())
      ?.id ?? 0;

  async function versionOf(entity: string, id: number): Promise<number> {
    const table = TABLE[entity];
    if (table === undefined) throw new Error(`no table for ${entity}`);
    const row = await store.db
      .selectFrom(table)
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.version;
  }

  it('has a scenario for every API write route of the BFAs’ work', () => {
    const writes = app.routes
      .filter((route) => route.method === 'POST' || route.method === 'PUT')
      .filter((route) =>
        /^\/api\/v1\/(activities|campaigns|pilots|funding-pools|recommendations|follow-up)/.test(route.path),
      )
      .map((route) => `${route.method} ${route.path}`);
    const covered = SCENARIOS.map((scenario) => `${scenario.method} ${scenario.route}`);
    expect([...new Set(writes)].sort()).toEqual([...covered].sort());
  });

  it('records each write once, with the entity, its id and the record before and after', async () => {
    const ids = {} as Ids;
    for (const scenario of SCENARIOS) {
      const id = scenario.of === undefined ? 0 : ids[scenario.of];
      const version =
        scenario.of === undefined || scenario.creates !== undefined
          ? 1
          : await versionOf(scenario.entity, id);
      const path = scenario.route.replace(':id', String(id));
      const before = await lastAudit();
      const refused = await send(scenario.method, path, viewer, scenario.body(ids, version));
      expect(refused.status, `${scenario.method} ${path} as a viewer`).toBe(403);
      expect(await auditRows(before), `${scenario.method} ${path} refused`).toEqual([]);

      const response = await send(scenario.method, path, admin, scenario.body(ids, version));
      expect(response.status, `${scenario.method} ${path}: ${await response.clone().text()}`).toBeLessThan(
        300,
      );
      const answer = (await response.json()) as { id?: number };
      if (scenario.creates !== undefined) ids[scenario.creates] = answer.id ?? Number.NaN;
      const rows = await auditRows(before);
      expect(rows.length, `${scenario.method} ${path}`).toBe(1);
      const [row] = rows;
      const written = scenario.creates === undefined ? id : ids[scenario.creates];
      expect(row?.entity, path).toBe(scenario.entity);
      expect(row?.entityId, path).toBe(String(written));
      expect(row?.actorKind, path).toBe('token');
      expect(row?.afterJson, path).not.toBeNull();
      if (scenario.creates === undefined) {
        expect(row?.beforeJson, path).not.toBeNull();
        expect(row?.beforeJson, `${path} changed something`).not.toBe(row?.afterJson);
      }
    }
  }, 120_000);
});
