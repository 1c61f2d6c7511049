// The JSON behind the overview and the branch pages, on both databases: goals counted by status as the targets
// are assessed, the branch list and look-up, one branch's figures, and errors naming the parameter.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { createApp } from '../web/app.js';

describeEachDialect('goals and branches API', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  // biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below
  const json = async (path: string): Promise<any> => (await app.request(path)).json();
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
    app = createApp(store, { logError: () => {} });
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('counts each goal’s targets by status, as the targets API assesses them', async () => {
    const goals = await json('/api/v1/goals');
    const targets = (await json('/api/v1/targets')).data;
    expect(goals.data.map((g: { code: string }) => g.code)).toEqual([
      'accidents',
      'chemical',
      'ergonomic',
      'psychosocial',
    ]);
    for (const goal of goals.data) {
      const under = targets.filter((t: { goal: { code: string } }) => t.goal.code === goal.code);
      expect(goal.targets).toBe(under.length);
      for (const { status, count } of goal.statusCounts) {
        expect(count, `${goal.code} ${status}`).toBe(
          under.filter(
            (t: { assessment: { status: string } | null }) =>
              (t.assessment?.status ?? 'insufficient_data') === status,
          ).length,
        );
      }
    }
    expect(goals.meta.demo).toBe(true);
  });

  it('lists branch groups and looks one up by industry code or name', async () => {
    const all = await json('/api/v1/branches');
    expect(all.data).toHaveLength(36);
    const byCode = await json('/api/v1/branches?q=41.20.00');
    expect(byCode.data.map((b: { code: string }) => b.code)).toEqual(['opfoerelse-og-nedrivning-af-byggeri']);
    expect(byCode.meta.match.classification).toBe('DB07');
    expect(byCode.meta.match.caveat).toContain('inferred');
    const byName = await json('/api/v1/branches?q=transport');
    expect(byName.data.map((b: { code: string }) => b.code)).toEqual([
      'transportmidler',
      'transport-af-gods',
      'transport-af-passagerer',
    ]);
    const bad = await app.request('/api/v1/branches?colour=red');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field).toBe(
      'colour',
    );
  });

  it('gives one branch group with its targets and its accident series', async () => {
    const body = await json('/api/v1/branches/metal-og-maskiner');
    expect(body.data.owners.map((o: { short: string }) => o.short)).toContain('BFA Industri');
    expect(body.data.targets.length).toBeGreaterThan(0);
    const rates = await json('/api/v1/accidents/rates?branch=metal-og-maskiner&groupBy=year');
    expect(
      body.data.accidentsPer10000.map((p: { year: number; count: number }) => [p.year, p.count]),
    ).toEqual(
      rates.rows
        .filter((r: { suppressed: boolean }) => !r.suppressed)
        .map((r: { year: number; count: number }) => [r.year, r.count]),
    );
    expect((await app.request('/api/v1/branches/nope')).status).toBe(404);
  });
});
