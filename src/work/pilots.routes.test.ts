// Pilots on the web, on both databases: the pilot page gives METHODS §10's worked example in Danish and English words
// and numbers with its caveats, a chart and a table; a weak pilot shows its conservative range; an incomplete one says
// why there is no evaluation yet; the API carries the evaluation; the public sees published pilots only; downloads
// neutralise formula-looking cells; user text stays inert; the editor form and its conflicts; BFA editors' limits.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor, makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { requestsOf, type Session, textOf } from '../../test/requests.js';
import { seedStore } from '../../test/seed.js';
import { operatorAudit } from '../audit/audit.service.js';
import { createApp } from '../web/app.js';
import { parsePilotInput } from './pilots.schemas.js';
import { createPilot, setPilotPublished } from './pilots.service.js';

const NOW = new Date('2026-12-03T10:00:00Z');
const WORKED_EXAMPLE = { xI0: 60, nI0: 200, xI1: 40, nI1: 200, xC0: 58, nC0: 200, xC1: 54, nC1: 200 };
const SMALL_CELLS = { xI0: 8, nI0: 20, xI1: 2, nI1: 20, xC0: 9, nC0: 25, xC1: 8, nC1: 25 };
const SCRIPT = '<script>alert("pilot")</script>';
const FORMULA = '=HYPERLINK("http://evil.example")';

const fields = (overrides: Record<string, unknown> = {}) => ({
  bfa: 'voa',
  title: 'Seniorer bliver i jobbet',
  description: 'Samtaler om seniorordninger.',
  interventionGroup: 'Seniorer på plejecentre med samtale',
  comparisonGroup: 'Seniorer på plejecentre uden',
  outcome: 'Andel, der har forladt jobbet efter 12 måneder',
  design: 'proportions',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  beforeLabel: '2023',
  afterLabel: '2024',
  ...WORKED_EXAMPLE,
  ...overrides,
});

describeEachDialect('pilot pages, API and editor', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: Session;
  let voaEditor: Session;
  const ids: Record<string, number> = {};

  const create = async (overrides: Record<string, unknown>, published: boolean) => {
    const audit = operatorAudit('test');
    const id = await createPilot(store.db, audit, parsePilotInput(fields(overrides)), NOW);
    if (published) await setPilotPublished(store.db, audit, id, 1, true, NOW);
    return id;
  };
  const { get, post } = requestsOf(() => app);

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    app = createApp(store, { logError: () => {} });
    admin = await sessionOf(store, await makeUser(store, 'admin'));
    voaEditor = await sessionOf(store, await makeUser(store, 'bfa_editor', { bfa: 'voa' }));
    ids.worked = await create({}, true);
    ids.weak = await create({ title: 'Lille pilot', ...SMALL_CELLS }, true);
    ids.incomplete = await create({ title: 'Halvfærdig pilot', xC1: null, nC1: null }, true);
    ids.draft = await create({ title: 'Hemmelig pilot' }, false);
    ids.baDraft = await create({ bfa: 'ba', title: 'BA’s pilotkladde' }, false);
    ids.baPublished = await create({ bfa: 'ba', title: 'BA’s pilot' }, true);
  }, 60_000);
  afterAll(async () => store?.destroy());

  it('shows the worked example in Danish words and numbers, with the caveats, a chart and a table', async () => {
    const html = await (await get(`/piloter/${ids.worked}`)).text();
    const page = textOf(html);
    expect(page).toContain('Forskel i forskelle: −8,0 procentpoint');
    expect(page).toContain('95 %-konfidensinterval: −20,2 til 4,2 procentpoint');
    expect(page).toContain('Ikke statistisk signifikant');
    expect(page).toContain(
      '−10,0 procentpoint i indsatsgruppen og −2,0 procentpoint i sammenligningsgruppen',
    );
    expect(page).toContain('parallelle tendenser');
    expect(page).toContain('ikke fundet ved lodtrækning');
    expect(page).not.toContain('konservative interval');
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-describedby="pilot-chart-description"');
    expect(page).toContain('Indsatsgruppe 30,0 % (60 af 200) 20,0 % (40 af 200) −10,0 procentpoint');
    expect(html).toContain('<th scope="row">Sammenligningsgruppe</th>');
    const english = textOf(await (await get(`/en/piloter/${ids.worked}`)).text());
    expect(english).toContain('Difference in differences: −8.0 percentage points');
    expect(english).toContain('95% confidence interval: −20.2 to 4.2 percentage points');
    expect(english).toContain('Not statistically significant');
    expect(english).toContain('parallel trends');
  });

  it('gives the evaluation in the API: value, interval, significance, weak flag, method and caveats', async () => {
    const body = (await (await get(`/api/v1/pilots/${ids.worked}`)).json()) as {
      data: { evaluation: Record<string, unknown> & { caveats: { code: string }[] } };
    };
    const evaluation = body.data.evaluation;
    expect(evaluation).toMatchObject({
      available: true,
      method: 'did_proportions_normal',
      significant: false,
      weakApproximation: false,
      conservative: null,
    });
    expect(evaluation.value as number).toBeCloseTo(-0.08, 12);
    expect(evaluation.lowercl as number).toBeCloseTo(-0.20185, 5);
    expect(evaluation.uppercl as number).toBeCloseTo(0.04185, 5);
    expect(evaluation.caveats.map((caveat) => caveat.code)).toContain('parallel_trends');
    const weak = (await (await get(`/api/v1/pilots/${ids.weak}`)).json()) as {
      data: { evaluation: { conservative: { lowercl: number; uppercl: number } } };
    };
    expect(weak.data.evaluation.conservative.lowercl).toBeCloseTo(-0.89897, 5);
  });

  it('shows a weak pilot’s conservative range, and why an incomplete pilot has no evaluation yet', async () => {
    const weak = textOf(await (await get(`/piloter/${ids.weak}`)).text());
    expect(weak).toContain('Tilnærmelsen er svag');
    expect(weak).toContain(
      'Det konservative interval (Wilson-grænserne i værste retning) er −89,9 til 46,5 procentpoint',
    );
    const incomplete = await (await get(`/piloter/${ids.incomplete}`)).text();
    expect(textOf(incomplete)).toContain(
      'Der er ingen evaluering endnu: tallene mangler for sammenligningsgruppen efter (x) og sammenligningsgruppen efter (n).',
    );
    expect(incomplete).not.toContain('role="img"');
    const list = textOf(await (await get('/piloter')).text());
    expect(list).toContain('−8,0 procentpoint (ikke signifikant)');
    expect(list).toContain('Ingen evaluering endnu');
  });

  it('shows the public published pilots only, in pages, API and CSV; filters by BFA', async () => {
    const list = textOf(await (await get('/piloter')).text());
    expect(list).not.toContain('Hemmelig pilot');
    expect((await get(`/piloter/${ids.draft}`)).status).toBe(404);
    expect((await get(`/api/v1/pilots/${ids.draft}`)).status).toBe(404);
    const api = (await (await get('/api/v1/pilots')).json()) as {
      data: { title: string; published: boolean }[];
    };
    expect(api.data.every((pilot) => pilot.published)).toBe(true);
    expect(api.data.map((pilot) => pilot.title)).not.toContain('Hemmelig pilot');
    const csv = await (await get('/api/v1/pilots.csv?lang=da')).text();
    expect(csv).not.toContain('Hemmelig pilot');
    expect(csv).toContain('-8,00');
    const ba = (await (await get('/api/v1/pilots?bfa=ba')).json()) as { data: { title: string }[] };
    expect(ba.data.map((pilot) => pilot.title)).toEqual(['BA’s pilot']);
    expect((await get('/api/v1/pilots?branch=ba')).status).toBe(400);
  });

  it('neutralises formula-looking cells in CSV and XLSX, and keeps user text inert on the pages', async () => {
    const id = await create(
      { title: FORMULA, outcome: SCRIPT, interventionGroup: SCRIPT, beforeLabel: SCRIPT },
      true,
    );
    for (const path of ['/api/v1/pilots.csv?lang=da', '/api/v1/pilots.csv?lang=en', '/api/v1/pilots.csv']) {
      expect(await (await get(path)).text(), path).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get('/api/v1/pilots.xlsx?lang=da')).arrayBuffer());
    const cells: ExcelJS.Cell[] = [];
    workbook.getWorksheet('Data')?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.find((cell) => cell.value === FORMULA)?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    for (const path of [`/piloter/${id}`, '/piloter', `/redaktion/piloter/${id}`]) {
      const html = await (await get(path, path.startsWith('/redaktion') ? admin : undefined)).text();
      expect(html, path).not.toContain(SCRIPT);
      expect(html, path).toContain('&lt;script&gt;');
    }
  });

  it('keeps typed cells beside their problems, and answers a stale save with 409', async () => {
    const id = await create({ title: 'Til redigering' }, false);
    const typed = {
      ...Object.fromEntries(
        Object.entries(fields({ title: 'Til redigering' })).map(([k, v]) => [k, String(v)]),
      ),
      version: '1',
      xI0: '201',
      nC0: '12,5',
    };
    const refused = await post(`/redaktion/piloter/${id}`, voaEditor, typed);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="xI0-error">må ikke være større end n (nI0)</span>');
    expect(html).toContain('id="nC0-error">skal være et helt tal</span>');
    expect(html).toContain('value="12,5"');
    const token = await bearerFor(store, 'bfa_editor', 'voa');
    const put = await app.request(`/api/v1/pilots/${id}`, {
      method: 'PUT',
      headers: { ...token, 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields({ title: 'Til redigering', xI1: 30 }), version: 1 }),
    });
    expect(put.status).toBe(200);
    const conflict = await post(`/redaktion/piloter/${id}`, voaEditor, { ...typed, xI0: '61', nC0: '200' });
    expect(conflict.status).toBe(409);
    const page = await conflict.text();
    expect(page).toMatch(/id="xI1-error">ændret af .*: 40 → 30</);
    expect(page).toContain('name="version" value="2"');
    expect(page).toContain('value="61"');
    const again = await post(`/redaktion/piloter/${id}`, voaEditor, {
      ...typed,
      xI0: '61',
      nC0: '200',
      version: '2',
    });
    expect(again.status).toBe(303);
    const row = await store.db.selectFrom('pilot').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.version, row.xI0, row.xI1]).toEqual([3, 61, 40]);
  });

  it('keeps a BFA editor from another BFA’s drafts and from writing its pilots', async () => {
    expect((await get(`/piloter/${ids.baDraft}`, voaEditor)).status).toBe(404);
    expect((await get(`/redaktion/piloter/${ids.baDraft}`, voaEditor)).status).toBe(404);
    expect((await get(`/piloter/${ids.baPublished}`, voaEditor)).status).toBe(200);
    const form = Object.fromEntries(Object.entries(fields({ bfa: 'ba' })).map(([k, v]) => [k, String(v)]));
    expect(
      (await post(`/redaktion/piloter/${ids.baPublished}`, voaEditor, { ...form, version: '2' })).status,
    ).toBe(403);
    expect(
      (await post(`/redaktion/piloter/${ids.baPublished}/offentliggoer`, voaEditor, { published: '0' }))
        .status,
    ).toBe(403);
    const token = await bearerFor(store, 'bfa_editor', 'voa');
    const created = await app.request('/api/v1/pilots', {
      method: 'POST',
      headers: { ...token, 'content-type': 'application/json' },
      body: JSON.stringify(fields({ bfa: 'ba' })),
    });
    expect(created.status).toBe(403);
    expect((await get(`/piloter/${ids.baPublished}`)).status).toBe(200);
  });
});
