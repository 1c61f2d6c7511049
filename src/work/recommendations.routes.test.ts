// The recommendations' pages, API and downloads on both databases: the public sees published ones only and never
// a person's name; only the secretariat writes (a BFA editor and a viewer get 403, forms and API alike); forms
// keep what was typed, show problems beside their fields and, on a stale save, answer 409 naming the changed
// fields with the hidden version moved on; downloads neutralise formula-looking text; markup stays text.
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor, makeUser, principalOfUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { User } from '../auth/accounts.service.js';
import { createApp } from '../web/app.js';
import {
  addFollowUpItem,
  createRecommendation,
  setRecommendationPublished,
} from './recommendations.service.js';

const SCRIPT = '<script>alert("x")</script>';
const FORMULA = '=HYPERLINK("http://evil.example","klik")';

describeEachDialect('recommendation pages, API and downloads', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: User;
  const ids = { draft: 0, published: 0, item: 0 };

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    app = createApp(store, { logError: () => {} });
    admin = await makeUser(store, 'admin', { email: 'sekretaer.hansen@example.dk' });
    const audit = { principal: principalOfUser(admin), requestId: null, clientAddress: 'test' };
    const now = new Date();
    ids.draft = await createRecommendation(
      store.db,
      audit,
      {
        topic: 'Hemmelig kladde',
        body: 'Endnu ikke offentlig.',
        issuedOn: '2026-01-10',
        addressee: 'Arbejdstilsynet',
      },
      now,
    );
    ids.published = await createRecommendation(
      store.db,
      audit,
      {
        topic: 'Unges arbejdsmiljø',
        body: `Første afsnit ${SCRIPT}\n\nAndet afsnit.`,
        issuedOn: '2025-02-25',
        addressee: 'Beskæftigelsesministeren',
        answerOn: '2025-04-29',
        answerText: 'Ministeren tilslutter sig.',
        answerUrl: 'https://bm.dk/svar.pdf',
      },
      now,
    );
    await setRecommendationPublished(store.db, audit, ids.published, 1, true, now);
    ids.item = await addFollowUpItem(
      store.db,
      audit,
      ids.published,
      { action: FORMULA, owner: '@Arbejdstilsynet', dueOn: '2020-06-30', status: 'in_progress' },
      now,
    );
    await addFollowUpItem(
      store.db,
      audit,
      ids.published,
      { action: `Temadag ${SCRIPT}`, owner: 'Sekretariatet', dueOn: '2099-06-30' },
      now,
    );
  }, 60_000);
  afterAll(async () => store?.destroy());

  const page = async (path: string, init?: RequestInit) => {
    const response = await app.request(path, init);
    return { response, html: await response.text() };
  };
  const documentOf = (html: string) => parseHTML(html).document;

  it('shows the public published recommendations only, each saver as the secretariat and never a name', async () => {
    for (const [path, secretariat] of [
      ['/anbefalinger', 'Sekretariatet'],
      ['/en/anbefalinger', 'The secretariat'],
    ] as const) {
      const list = await page(path);
      expect(list.response.status).toBe(200);
      expect(list.html).toContain('Unges arbejdsmiljø');
      expect(list.html).not.toContain('Hemmelig kladde');
      const detail = await page(`${path}/${ids.published}`);
      expect(detail.response.status).toBe(200);
      expect(detail.html).toContain(secretariat);
      expect(detail.html).not.toContain(admin.name);
      expect(detail.html).not.toContain(admin.email);
      expect((await page(`${path}/${ids.draft}`)).response.status).toBe(404);
    }
    const api = await app.request('/api/v1/recommendations');
    const body = (await api.json()) as { data: { id: number }[] };
    expect(body.data.map((rec) => rec.id)).toEqual([ids.published]);
    expect((await app.request(`/api/v1/recommendations/${ids.draft}`)).status).toBe(404);
    const one = await (await app.request(`/api/v1/recommendations/${ids.published}`)).text();
    expect(one).toContain('"savedByRole":"secretariat"');
    expect(one).not.toContain(admin.name);
    expect(one).not.toContain(admin.email);
    for (const lang of ['da', 'en', undefined]) {
      const csv = await (
        await app.request(`/api/v1/recommendations.csv${lang ? `?lang=${lang}` : ''}`)
      ).text();
      expect(csv).toContain('Unges arbejdsmiljø');
      expect(csv).not.toContain('Hemmelig kladde');
    }
  });

  it('shows signed-in readers the drafts and who saved', async () => {
    const viewer = await sessionOf(store, await makeUser(store, 'viewer'));
    const list = await page('/anbefalinger', { headers: { cookie: viewer.cookie } });
    expect(list.html).toContain('Hemmelig kladde');
    expect(list.html).toContain('Kladde (ikke offentliggjort)');
    const detail = await page(`/anbefalinger/${ids.published}`, { headers: { cookie: viewer.cookie } });
    expect(detail.html).toContain(admin.name);
    const api = await app.request('/api/v1/recommendations', { headers: await bearerFor(store, 'viewer') });
    expect(api.headers.get('cache-control')).toBe('private, no-store');
  });

  it('shows the answer, the items with status and due date, the overdue item flagged in words', async () => {
    const { html } = await page(`/anbefalinger/${ids.published}`);
    const doc = documentOf(html);
    const rows = [...doc.querySelectorAll('tr[id^="item-"]')].map((row) => row.textContent ?? '');
    expect(rows).toHaveLength(2);
    const overdue = rows.find((row) => row.includes('HYPERLINK'));
    expect(overdue).toContain('I gang');
    expect(overdue).toContain('Frist overskredet');
    expect(rows.find((row) => row.includes('Temadag'))).not.toContain('Frist overskredet');
    expect(html).toContain('1 opfølgningspunkt har overskredet fristen.');
    expect(doc.querySelector('a[href="https://bm.dk/svar.pdf"]')?.textContent).toBe('Læs svaret');
    const list = documentOf((await page('/anbefalinger')).html);
    expect(list.querySelector('tbody tr')?.textContent).toContain('1 frist overskredet');
    expect(list.querySelector('tbody tr')?.textContent).toContain('Besvaret 29. april 2025');
  });

  it('keeps a <script> in the body and an action as text', async () => {
    const editor = await sessionOf(store, admin);
    for (const [path, init] of [
      [`/anbefalinger/${ids.published}`, undefined],
      [`/redaktion/anbefalinger/${ids.published}`, { headers: { cookie: editor.cookie } }],
    ] as const) {
      const { html } = await page(path, init);
      expect(html).not.toContain(SCRIPT);
      expect(html).toContain('&lt;script&gt;');
      const doc = documentOf(html);
      expect([...doc.querySelectorAll('script')].some((s) => (s.textContent ?? '').includes('alert'))).toBe(
        false,
      );
    }
  });

  it('neutralises formula-looking cells in the CSV and the workbook', async () => {
    const danish = await (await app.request('/api/v1/recommendations.csv?lang=da')).text();
    expect(danish).toContain(`'${FORMULA.replaceAll('"', '""')}`);
    expect(danish).toContain("'@Arbejdstilsynet");
    expect(danish.split('\r\n')[0]).toContain('Handling');
    const machine = await (await app.request('/api/v1/recommendations.csv')).text();
    expect(machine).toContain(`'${FORMULA.replaceAll('"', '""')}`);
    expect(machine).not.toMatch(/(^|,)"?=HYPERLINK/m);
    for (const query of ['?lang=en', '']) {
      const response = await app.request(`/api/v1/recommendations.xlsx${query}`);
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const cells: ExcelJS.Cell[] = [];
      workbook.getWorksheet('Data')?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      expect(cells.some((cell) => cell.formula !== undefined && cell.formula !== null)).toBe(false);
      const texts = cells.map((cell) => String(cell.value));
      expect(texts).toContain(`'${FORMULA}`);
      expect(texts).toContain("'@Arbejdstilsynet");
      expect(texts.some((text) => /^[=+@-]/.test(text))).toBe(false);
    }
    expect((await app.request('/api/v1/recommendations.csv?lang=xx')).status).toBe(400);
  });

  it('refuses every write of a BFA editor and a viewer with 403, forms and API alike', async () => {
    const writes = () =>
      store.db
        .selectFrom('auditEvent')
        .select('id')
        .where('entity', 'in', ['recommendation', 'follow_up_item'])
        .execute();
    const before = await writes();
    for (const role of ['bfa_editor', 'viewer'] as const) {
      const token = await bearerFor(store, role);
      const json = (method: string, body: object) => ({
        method,
        headers: { ...token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const api = [
        [
          '/api/v1/recommendations',
          json('POST', { topic: 'x', body: 'y', issuedOn: '2026-01-01', addressee: 'z' }),
        ],
        [`/api/v1/recommendations/${ids.published}`, json('PUT', { version: 2, topic: 'x' })],
        [
          `/api/v1/recommendations/${ids.published}/follow-up`,
          json('POST', { action: 'a', owner: 'o', dueOn: '2026-01-01' }),
        ],
        [`/api/v1/follow-up/${ids.item}`, json('PUT', { version: 1, status: 'done' })],
      ] as const;
      for (const [path, init] of api)
        expect((await app.request(path, init)).status, `${role} ${path}`).toBe(403);
      const session = await sessionOf(store, await makeUser(store, role));
      const form = (fields: Record<string, string>) => ({
        method: 'POST',
        headers: { cookie: session.cookie },
        body: new URLSearchParams({ _csrf: session.csrf, ...fields }),
      });
      const forms = [
        ['/redaktion/anbefalinger', { topic: 'x' }],
        [`/redaktion/anbefalinger/${ids.published}`, { version: '2', topic: 'x' }],
        [`/redaktion/anbefalinger/${ids.published}/offentliggoer`, { version: '2', published: '0' }],
        [`/redaktion/anbefalinger/${ids.published}/opfoelgning`, { action: 'a' }],
        [`/redaktion/opfoelgning/${ids.item}`, { version: '1', status: 'done' }],
        [`/en/redaktion/opfoelgning/${ids.item}`, { version: '1', status: 'done' }],
      ] as const;
      for (const [path, fields] of forms)
        expect((await app.request(path, form(fields))).status, `${role} ${path}`).toBe(403);
      const blank = await page('/redaktion/anbefalinger/ny', { headers: { cookie: session.cookie } });
      expect(blank.response.status).toBe(200);
      expect(blank.html).not.toContain('<form method="post" action="/redaktion/anbefalinger"');
      // Reading the editor area is theirs, without the forms.
      const read = await page(`/redaktion/anbefalinger/${ids.draft}`, {
        headers: { cookie: session.cookie },
      });
      expect(read.response.status).toBe(200);
      expect(read.html).not.toContain('<form method="post" action="/redaktion/anbefalinger');
    }
    expect(await writes()).toEqual(before);
  });

  it('lets the secretariat create, edit and follow up through the forms, problems beside fields and input kept', async () => {
    const { cookie, csrf } = await sessionOf(store, admin);
    const post = (path: string, fields: Record<string, string>) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      });

    const typed = {
      topic: 'Digital overvågning',
      body: 'Tekst',
      issuedOn: '2026-01-13',
      addressee: 'Beskæftigelsesministeren',
    };
    const bad = await post('/redaktion/anbefalinger', {
      ...typed,
      issuedOn: '2026-13-01',
      addressee: '',
      answerUrl: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    const badDoc = documentOf(await bad.text());
    expect(badDoc.querySelector('#rec-issuedOn-error')?.textContent).toBe('skal være en dato (ÅÅÅÅ-MM-DD)');
    expect(badDoc.querySelector('#rec-addressee-error')?.textContent).toBe('skal udfyldes');
    expect(badDoc.querySelector('#rec-answerUrl-error')?.textContent).toContain('http://');
    expect(badDoc.querySelector('#rec-topic')?.getAttribute('value')).toBe('Digital overvågning');
    expect(badDoc.querySelector('#rec-issuedOn')?.getAttribute('value')).toBe('2026-13-01');

    const created = await post('/redaktion/anbefalinger', typed);
    expect(created.status).toBe(303);
    const location = created.headers.get('location') ?? '';
    const id = Number(/\/redaktion\/anbefalinger\/(\d+)$/.exec(location)?.[1]);
    expect(id).toBeGreaterThan(0);

    // Two editors open version 1; the first records the answer, the second saves a new topic over version 1.
    const answered = await post(`/redaktion/anbefalinger/${id}`, {
      version: '1',
      ...typed,
      answerOn: '2026-02-20',
      answerText: 'Svaret',
    });
    expect(answered.status).toBe(303);
    const stale = await post(`/redaktion/anbefalinger/${id}`, {
      version: '1',
      ...typed,
      topic: 'Mit nye emne',
    });
    expect(stale.status).toBe(409);
    const staleDoc = documentOf(await stale.text());
    const summary = staleDoc.querySelector('.alert-error')?.textContent ?? '';
    expect(summary).toContain('Svar modtaget: ændret af');
    expect(summary).toContain('Svarets indhold: ændret af');
    expect(staleDoc.querySelector('#rec-answerOn-error')?.textContent).toContain('— → 2026-02-20');
    expect(staleDoc.querySelector('#rec-topic')?.getAttribute('value')).toBe('Mit nye emne');
    const recForm = staleDoc.querySelector(`form[action="/redaktion/anbefalinger/${id}"]`);
    expect(recForm?.querySelector('input[name="version"]')?.getAttribute('value')).toBe('2');
    const stored = await store.db
      .selectFrom('recommendation')
      .select(['topic', 'version'])
      .where('id', '=', id)
      .execute();
    expect(stored).toEqual([{ topic: 'Digital overvågning', version: 2 }]);

    // A follow-up item overdue long ago, then its status changed: the overview flags it until it is done.
    const item = { action: 'Kortlægning', owner: 'NFA', dueOn: '2021-09-30', status: 'open' };
    const added = await post(`/redaktion/anbefalinger/${id}/opfoelgning`, item);
    expect(added.status).toBe(303);
    const itemId = Number(/#item-(\d+)$/.exec(added.headers.get('location') ?? '')?.[1]);
    const overview = await page('/redaktion/anbefalinger', { headers: { cookie } });
    const flagged = documentOf(overview.html).querySelector(`#item-${itemId}`)?.textContent ?? '';
    expect(flagged).toContain('Frist overskredet');
    expect(overview.html).toMatch(/\d+ opfølgningspunkt(er)? har overskredet fristen/);
    const badItem = await post(`/redaktion/opfoelgning/${itemId}`, {
      ...item,
      version: '1',
      owner: '',
      status: 'in_progress',
    });
    expect(badItem.status).toBe(400);
    const badItemDoc = documentOf(await badItem.text());
    expect(badItemDoc.querySelector(`#item-${itemId}-owner-error`)?.textContent).toBe('skal udfyldes');
    expect(badItemDoc.querySelector(`#item-${itemId}-status option[selected]`)?.getAttribute('value')).toBe(
      'in_progress',
    );
    const done = await post(`/redaktion/opfoelgning/${itemId}`, { ...item, version: '1', status: 'done' });
    expect(done.status).toBe(303);
    const after = await page('/redaktion/anbefalinger', { headers: { cookie } });
    expect(documentOf(after.html).querySelector(`#item-${itemId}`)).toBeNull();

    const published = await post(`/redaktion/anbefalinger/${id}/offentliggoer`, {
      version: '2',
      published: '1',
    });
    expect(published.status).toBe(303);
    const publicPage = await page(`/anbefalinger/${id}`);
    expect(publicPage.response.status).toBe(200);
    expect(publicPage.html).toContain('Status: Åben → Gennemført');
  });

  it('lets the secretariat write through the API, a stale change answered 409 naming the fields', async () => {
    const token = await bearerFor(store, 'admin');
    const send = (method: string, path: string, body: unknown) =>
      app.request(path, {
        method,
        headers: { ...token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await send('POST', '/api/v1/recommendations', {
      topic: 'Psykisk arbejdsmiljø',
      body: 'Tekst',
      issuedOn: '2026-02-01',
      addressee: 'Arbejdstilsynet',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const changed = await send('PUT', `/api/v1/recommendations/${id}`, {
      version: 1,
      addressee: 'Beskæftigelsesministeren',
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('cache-control')).toBe('private, no-store');
    expect(((await changed.json()) as { data: { version: number } }).data.version).toBe(2);
    const stale = await send('PUT', `/api/v1/recommendations/${id}`, { version: 1, topic: 'Andet' });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { code: string; details: { field: string }[] } };
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.error.details.map((detail) => detail.field)).toEqual(['addressee']);
    const noVersion = await send('PUT', `/api/v1/recommendations/${id}`, { topic: 'Andet' });
    expect(noVersion.status).toBe(400);
    const unknown = await send('PUT', `/api/v1/recommendations/${id}`, { version: 2, colour: 'red' });
    expect(
      ((await unknown.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field,
    ).toBe('colour');

    const item = await send('POST', `/api/v1/recommendations/${id}/follow-up`, {
      action: 'Analyse',
      owner: 'AT',
      dueOn: '2026-12-31',
    });
    expect(item.status).toBe(201);
    const { id: itemId } = (await item.json()) as { id: number };
    const saved = await send('PUT', `/api/v1/follow-up/${itemId}`, { version: 1, status: 'in_progress' });
    expect(((await saved.json()) as { data: { status: string; version: number } }).data).toMatchObject({
      status: 'in_progress',
      version: 2,
    });
    expect((await send('PUT', '/api/v1/follow-up/999999', { version: 1, status: 'done' })).status).toBe(404);
  });
});
