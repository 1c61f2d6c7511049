// The JSON behind the overview and the branch pages: goals with their targets counted by status, branch groups
// with their main group, BFA and sub-branches, the look-up by industry code or name, and one branch's figures.
import { Hono } from 'hono';
import { accidentSeries, statisticsFor } from '../accidents/series.js';
import type { Store } from '../db/connect.js';
import { DEMO_LABEL_DA, DEMO_LABEL_EN } from '../demo/demo.generator.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { invalidInput, notFound } from '../errors.js';
import { DB07_QUERY_MAX } from '../reference/db07-search.js';
import { listBranchGroups, listGoals } from '../reference/reference.repository.js';
import { listTargets } from '../targets/targets.service.js';
import { requires } from '../web/authorize.js';
import { branchesFound, lookUpBranches, presentCodeRow } from './branch-lookup.js';
import { headlineCounts, statusCounts } from './goal-pages.js';

type BranchGroup = Awaited<ReturnType<typeof listBranchGroups>>[number];

const meta = (demo: boolean, extra: Record<string, unknown> = {}) => ({
  ...extra,
  ...(demo ? { demo: true, demoLabel: { da: DEMO_LABEL_DA, en: DEMO_LABEL_EN } } : { demo: false }),
});

function presentBranch(group: BranchGroup) {
  return {
    code: group.code,
    nameDa: group.nameDa,
    nameEn: group.nameEn,
    mainGroup: { code: group.mainGroupCode, nameDa: group.mainGroupNameDa, nameEn: group.mainGroupNameEn },
    owners: group.owners.map((o) => ({
      code: o.code,
      short: o.short,
      nameDa: o.nameDa,
      nameEn: o.nameEn,
      basis: o.basis,
    })),
    subBranches: group.subBranches.map((s) => ({ code: s.code, nameDa: s.nameDa, nameEn: s.nameEn })),
    caveat: group.caveat,
  };
}

export function siteApiRoutes(store: Store): Hono {
  const app = new Hono();

  app.get('/api/v1/goals', requires('public'), async (c) => {
    const [goals, targets, demo] = await Promise.all([
      listGoals(store.db),
      listTargets(store.db),
      holdsDemoData(store.db),
    ]);
    const data = goals.map((goal) => {
      const under = targets.filter((target) => target.goal.code === goal.code);
      return {
        code: goal.code,
        no: goal.id,
        areaDa: goal.areaDa,
        areaEn: goal.areaEn,
        titleDa: goal.titleDa,
        titleEn: goal.titleEn,
        directionDa: goal.directionDa,
        directionEn: goal.directionEn,
        targets: under.length,
        statusCounts: statusCounts(under),
        headlineCounts: headlineCounts(under),
      };
    });
    return c.json({ data, meta: meta(demo, { count: data.length }) });
  });

  app.get('/api/v1/branches', requires('public'), async (c) => {
    const [groups, demo] = await Promise.all([listBranchGroups(store.db), holdsDemoData(store.db)]);
    const q = (c.req.query('q') ?? '').trim();
    for (const name of Object.keys(c.req.queries())) {
      if (name !== 'q')
        return c.json(
          {
            error: {
              code: 'invalid_input',
              message: 'Invalid query parameters',
              details: [{ field: name, message: 'is not a known parameter' }],
            },
          },
          400,
        );
    }
    if (q === '')
      return c.json({ data: groups.map(presentBranch), meta: meta(demo, { count: groups.length }) });
    if (q.length > DB07_QUERY_MAX)
      throw invalidInput('Invalid query parameters', [
        {
          field: 'q',
          message: `must be at most ${DB07_QUERY_MAX} characters`,
          messageDa: `må højst være ${DB07_QUERY_MAX} tegn`,
        },
      ]);
    const found = await lookUpBranches(store, q);
    const rows = 'rows' in found ? found.rows : [];
    const industryCodes = rows.map(presentCodeRow);
    const { data, match } = await branchesFound(store, found);
    return c.json({
      data: data.map(presentBranch),
      meta: meta(demo, { count: data.length, query: q, ...(match === null ? {} : { match }), industryCodes }),
    });
  });

  app.get('/api/v1/branches/:code', requires('public'), async (c) => {
    const code = c.req.param('code');
    const groups = await listBranchGroups(store.db);
    const group = groups.find((g) => g.code === code);
    if (group === undefined) throw notFound(`No branch group "${code}"`);
    const [targets, demo, data] = await Promise.all([
      listTargets(store.db, { branch: code }),
      holdsDemoData(store.db),
      statisticsFor(store.db).current(),
    ]);
    return c.json({
      data: {
        ...presentBranch(group),
        targets: targets.map((t) => ({
          id: t.id,
          key: t.key,
          status: t.assessment?.status ?? 'insufficient_data',
          uncertain: t.assessment?.uncertain ?? false,
          headline: t.assessment?.headline ?? 'insufficient_data',
        })),
        accidentsPer10000: accidentSeries(data, code, 'per_10000'),
      },
      meta: meta(demo, {
        accidents:
          'Reported accidents per 10,000 employed by registration year; suppressed years are left out (see /api/v1/accidents/rates).',
      }),
    });
  });

  return app;
}
