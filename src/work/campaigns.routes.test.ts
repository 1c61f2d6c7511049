// Campaigns on the web, on both databases: the public sees published campaigns only (pages, API, CSV), the campaign
// page lists its published activities, user text stays inert, downloads neutralise formula-looking cells, the editor
// form keeps what was typed beside its problems and answers a stale save with 409 naming the changed fields, and a
// BFA editor of one BFA cannot reach another BFA's drafts or write its campaigns.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor, makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { requestsOf, type Session, textOf } from '../../test/requests.js';
import { seedStore } from '../../test/seed.js';
import { operatorAudit } from '../audit/audit.service.js';
import { createApp } from '../web/app.js';
import { parseCampaignInput } from './campaigns.schemas.js';
import { createCampaign, setCampaignPublished } from './campaigns.service.js';

const NOW = new Date('2026-12-03T10:00:00Z');
const FORMULA = '=HYPERLINK("http://evil.example")';
const SCRIPT = '<script>alert("kampagne")</script>';

const fields = (overrides: Record<string, unknown> = {}) => ({
  bfa: 'voa',
  title: 'Tag godt imod jeres unge medarbejder',
  description: 'Relanceret i efteråret 2023.\n\nSammen med de fem BFA’er.',
  channels: ['Sociale medier', 'Presse', 'Webinar', 'Skoler'],
  periodStart: '2023-09-01',
  periodEnd: '2024-03-31',
  reachedPeople: 186000,
  reachedWorkplaces: 2400,
  impressions: 1200000,
  reachNote: 'Visninger fra de sociale medier; personer fra tilmeldinger.',
  ...overrides,
});

describeEachDialect('campaign pages, API and editor', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: Session;
  let voaEditor: Session;
  let viewer: Session;
  const ids: Record<string, number> = {};

  const create = async (overrides: Record<string, unknown>, published: boolean) => {
    const audit = operatorAudit('test');
    const id = await createCampaign(store.db, audit, parseCampaignInput(fields(overrides)), NOW);
    if (published) await setCampaignPublished(store.db, audit, id, 1, true, NOW);
    return id;
  };
  const { get, post } = requestsOf(() => app);

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    app = createApp(store, { logError: () => {} });
    admin = await sessionOf(store, await makeUser(store, 'admin'));
    voaEditor = await sessionOf(store, await makeUser(store, 'bfa_editor', { bfa: 'voa' }));
    viewer = await sessionOf(store, await makeUser(store, 'viewer'));
    ids.published = await create({}, true);
    ids.draft = await create({ title: 'Hemmelig kladde' }, false);
    ids.baDraft = await create({ bfa: 'ba', title: 'BA’s kladde' }, false);
    ids.baPublished = await create({ bfa: 'ba', title: 'Forebyg seksuel chikane af unge' }, true);
    ids.council = await create({ bfa: null, title: 'Rådets kampagne' }, true);
  }, 60_000);
  afterAll(async () => store?.destroy());

  it('shows the public published campaigns only: pages, API and CSV', async () => {
    const list = textOf(await (await get('/kampagner')).text());
    expect(list).toContain('Tag godt imod jeres unge medarbejder');
    expect(list).toContain('186.000');
    expect(list).not.toContain('Hemmelig kladde');
    expect((await get(`/kampagner/${ids.draft}`)).status).toBe(404);
    const api = (await (await get('/api/v1/campaigns')).json()) as { data: { title: string }[] };
    expect(api.data.map((c) => c.title).sort()).toEqual([
      'Forebyg seksuel chikane af unge',
      'Rådets kampagne',
      'Tag godt imod jeres unge medarbejder',
    ]);
    expect((await get(`/api/v1/campaigns/${ids.draft}`)).status).toBe(404);
    const csv = await (await get('/api/v1/campaigns.csv?lang=da')).text();
    expect(csv).toContain('Tag godt imod jeres unge medarbejder');
    expect(csv).not.toContain('Hemmelig kladde');
    const signedIn = await get('/api/v1/campaigns', viewer);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(JSON.stringify(await signedIn.json())).toContain('Hemmelig kladde');
    expect(textOf(await (await get('/en/kampagner', viewer)).text())).toContain('Draft (not public)');
  });

  it('shows a campaign with its paragraphs, reach and published activities only, in both languages', async () => {
    const voa = await store.db
      .selectFrom('bfa')
      .select('id')
      .where('code', '=', 'voa')
      .executeTakeFirstOrThrow();
    const activity = (title: string, published: 0 | 1) => ({
      bfaId: voa.id,
      title,
      activityType: 'campaign_activity' as const,
      periodStart: '2023-10-01',
      periodEnd: '2023-12-31',
      status: 'done' as const,
      reachedWorkplaces: 35,
      notes: '',
      campaignId: ids.published ?? 0,
      published,
      createdAt: NOW.toISOString(),
      createdBy: 'test',
      updatedAt: NOW.toISOString(),
      updatedBy: 'test',
    });
    const [shown] = await store.db
      .insertInto('workActivity')
      .values([activity('Oplæg på erhvervsskoler', 1), activity('Ikke klar endnu', 0)])
      .returning('id')
      .execute();
    const html = await (await get(`/kampagner/${ids.published}`)).text();
    expect(html).toContain(`href="/aktiviteter/${shown?.id}"`);
    expect(html).toContain('<p>Relanceret i efteråret 2023.</p>');
    const page = textOf(html);
    expect(page).toContain('Oplæg på erhvervsskoler');
    expect(page).not.toContain('Ikke klar endnu');
    expect(page).toContain('Sociale medier, Presse, Webinar, Skoler');
    expect(page).toContain('1. september 2023 – 31. marts 2024');
    expect(page).toContain('Gennemført');
    expect(page).toContain('1.200.000');
    const english = textOf(await (await get(`/en/kampagner/${ids.published}`)).text());
    expect(english).toContain('1 September 2023 – 31 March 2024');
    expect(english).toContain('Activities under the campaign');
    expect(english).toContain('1,200,000');
    const api = (await (await get(`/api/v1/campaigns/${ids.published}`)).json()) as {
      data: { activities: { title: string; url: string }[] };
    };
    expect(api.data.activities).toEqual([
      expect.objectContaining({ title: 'Oplæg på erhvervsskoler', url: `/aktiviteter/${shown?.id}` }),
    ]);
  });

  it('keeps user text inert on the pages', async () => {
    const id = await create({ title: SCRIPT, description: `<img src=x onerror=alert(1)>\n${SCRIPT}` }, true);
    for (const path of ['/kampagner', `/kampagner/${id}`, '/en/kampagner']) {
      const html = await (await get(path)).text();
      expect(html, path).not.toContain(SCRIPT);
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).toContain('&lt;script&gt;');
    }
    const editor = await (await get(`/redaktion/kampagner/${id}`, admin)).text();
    expect(editor).not.toContain(SCRIPT);
  });

  it('neutralises formula-looking cells in CSV and XLSX, in both forms', async () => {
    await create({ title: FORMULA, reachNote: '+SUM(A1:A2)' }, true);
    const danish = await (await get('/api/v1/campaigns.csv?lang=da')).text();
    expect(danish).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(danish).toContain("'+SUM(A1:A2)");
    expect(danish.split('\r\n')[0]).toContain('Titel;BFA;Kanaler');
    const machine = await (await get('/api/v1/campaigns.csv')).text();
    expect(machine).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    for (const path of ['/api/v1/campaigns.xlsx?lang=en', '/api/v1/campaigns.xlsx']) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await get(path)).arrayBuffer());
      const cells: ExcelJS.Cell[] = [];
      workbook.getWorksheet('Data')?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      const formula = cells.find((cell) => cell.value === FORMULA);
      expect(formula?.type, path).toBe(ExcelJS.ValueType.String);
      expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    }
  });

  it('keeps what was typed beside each problem, then creates a draft with one audit row', async () => {
    const typed = {
      title: '',
      periodStart: '2024-02-30',
      channels: 'Presse\nSkoler',
      reachedPeople: 'mange',
    };
    const refused = await post('/redaktion/kampagner', admin, { bfa: 'voa', ...typed });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('<span class="form-error-message" id="title-error">skal udfyldes</span>');
    expect(html).toContain('id="periodStart-error">er ikke en gyldig dato</span>');
    expect(html).toContain('id="reachedPeople-error">skal være et tal</span>');
    expect(html).toContain('value="mange"');
    expect(html).toContain('Presse\nSkoler</textarea>');
    const created = await post('/redaktion/kampagner', voaEditor, {
      bfa: 'voa',
      title: 'Ny kampagne fra formularen',
      periodStart: '2024-02-01',
      channels: 'Presse, Skoler',
      reachedPeople: '12.500',
    });
    expect(created.status).toBe(303);
    const id = Number(/\/(\d+)$/.exec(created.headers.get('location') ?? '')?.[1]);
    const row = await store.db
      .selectFrom('campaign')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([row.reachedPeople, row.channels, row.published]).toEqual([12500, '["Presse","Skoler"]', 0]);
    const audit = await store.db
      .selectFrom('auditEvent')
      .select('action')
      .where('entity', '=', 'campaign')
      .where('entityId', '=', String(id))
      .execute();
    expect(audit).toEqual([{ action: 'campaign.create' }]);
  });

  it('answers a stale save with 409, naming the changed fields and keeping what was typed', async () => {
    const id = await create({ title: 'Før konflikten' }, false);
    const form = await (await get(`/redaktion/kampagner/${id}`, admin)).text();
    expect(form).toContain('name="version" value="1"');
    const token = await bearerFor(store, 'admin');
    const put = await app.request(`/api/v1/campaigns/${id}`, {
      method: 'PUT',
      headers: { ...token, 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields({ title: 'Ændret af en anden', impressions: 7 }), version: 1 }),
    });
    expect(put.status).toBe(200);
    const typed = {
      version: '1',
      bfa: 'voa',
      title: 'Før konflikten',
      periodStart: '2023-09-01',
      reachNote: 'Min egen optælling',
    };
    const conflict = await post(`/redaktion/kampagner/${id}`, admin, typed);
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toMatch(
      /id="title-error">ændret af .* \(version 2, .*\): Før konflikten → Ændret af en anden</,
    );
    expect(html).toContain('id="impressions-error">');
    expect(html).toContain('Min egen optælling</textarea>');
    expect(html).toContain('name="version" value="2"');
    const stored = await store.db
      .selectFrom('campaign')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([stored.version, stored.reachNote]).toEqual([
      2,
      'Visninger fra de sociale medier; personer fra tilmeldinger.',
    ]);
    const again = await post(`/redaktion/kampagner/${id}`, admin, { ...typed, version: '2' });
    expect(again.status).toBe(303);
    const saved = await store.db
      .selectFrom('campaign')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([saved.version, saved.title, saved.reachNote]).toEqual([
      3,
      'Før konflikten',
      'Min egen optælling',
    ]);
  });

  it('publishes from the editor page', async () => {
    const id = await create({ title: 'Snart offentlig' }, false);
    expect((await get(`/kampagner/${id}`)).status).toBe(404);
    const published = await post(`/redaktion/kampagner/${id}/offentliggoer`, voaEditor, {
      version: '1',
      published: '1',
    });
    expect(published.status).toBe(303);
    expect((await get(`/kampagner/${id}`)).status).toBe(200);
    expect(textOf(await (await get(`/redaktion/kampagner/${id}`, voaEditor)).text())).toContain(
      'Gør til kladde igen',
    );
  });

  it('keeps a BFA editor from another BFA’s drafts and from writing its campaigns or the council’s', async () => {
    expect((await get(`/kampagner/${ids.baDraft}`, voaEditor)).status).toBe(404);
    expect((await get(`/redaktion/kampagner/${ids.baDraft}`, voaEditor)).status).toBe(404);
    expect((await get(`/kampagner/${ids.baDraft}`, viewer)).status).toBe(200);
    const readOnly = textOf(await (await get(`/redaktion/kampagner/${ids.baPublished}`, voaEditor)).text());
    expect(readOnly).toContain('Du kan læse kampagnen, men ikke redigere den.');
    const token = await bearerFor(store, 'bfa_editor', 'voa');
    expect((await app.request(`/api/v1/campaigns/${ids.baDraft}`, { headers: token })).status).toBe(404);
    expect((await app.request(`/api/v1/campaigns/${ids.baPublished}`, { headers: token })).status).toBe(200);
    for (const [id, bfa] of [
      [ids.baPublished, 'ba'],
      [ids.council, null],
    ] as const) {
      const put = await app.request(`/api/v1/campaigns/${id}`, {
        method: 'PUT',
        headers: { ...token, 'content-type': 'application/json' },
        body: JSON.stringify({ ...fields({ bfa, title: 'Overtaget' }), version: 2 }),
      });
      expect(put.status).toBe(403);
    }
    const form = await post(`/redaktion/kampagner/${ids.baPublished}`, voaEditor, {
      version: '2',
      ...Object.fromEntries(
        Object.entries(fields({ bfa: 'ba', title: 'Overtaget' })).map(([k, v]) => [k, String(v)]),
      ),
    });
    expect(form.status).toBe(403);
    expect((await get(`/api/v1/campaigns/${ids.baPublished}`)).status).toBe(200);
    const titles = await store.db
      .selectFrom('campaign')
      .select('title')
      .where('title', '=', 'Overtaget')
      .execute();
    expect(titles).toEqual([]);
  });
});
