// The activities' pages, API and editor area on both databases: the public sees published activities only (list,
// page, API, CSV, XLSX); the API's writes with versions and the BFA rules; the editor's form keeps what was typed
// through problems and through a version conflict (then saves over the stored version on a second press); notes
// render inert; downloads neutralise formula-looking cells.
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { operatorAudit } from '../audit/audit.service.js';
import { createApp } from '../web/app.js';
import type { Activity } from './activities.model.js';
import { createActivitySchema, parseActivityInput } from './activities.schemas.js';
import { createActivity, getActivity } from './activities.service.js';

const NOW = new Date('2026-02-01T10:00:00Z');

type Session = { cookie: string; csrf: string };
type Fields = Record<string, string | string[]>;

const BASE = {
  bfa: 'ba',
  type: 'workplace_visit',
  branchGroups: ['anlaegsarbejde'],
  targets: [1],
  periodStart: '2025-04-01',
};

describeEachDialect('activity pages, API and editor area', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: Session;
  let editorBa: Session;
  let editorBa2: Session;
  let viewer: Session;
  let hfkToken: Record<string, string>;
  let baToken: Record<string, string>;

  const make = (over: Record<string, unknown>) =>
    createActivity(
      store.db,
      operatorAudit('test'),
      parseActivityInput(createActivitySchema, { ...BASE, ...over }, 'test'),
      NOW,
    );
  const get = (path: string, who?: Session | Record<string, string>) =>
    app.request(path, { headers: who === undefined ? {} : 'cookie' in who ? { cookie: who.cookie } : who });
  const post = (path: string, who: Session, fields: Fields) => {
    const body = new URLSearchParams({ _csrf: who.csrf });
    for (const [name, value] of Object.entries(fields))
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    return app.request(path, { method: 'POST', headers: { cookie: who.cookie }, body });
  };
  const api = (method: string, path: string, token: Record<string, string>, body: unknown) =>
    app.request(path, {
      method,
      headers: { ...token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const page = async (response: Response) => parseHTML(await response.text()).document;
  const stored = (id: number) => getActivity(store.db, { kind: 'cli', label: 'test' }, id);

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    app = createApp(store, { logError: () => {} });
    admin = await sessionOf(store, await makeUser(store, 'admin'));
    editorBa = await sessionOf(store, await makeUser(store, 'bfa_editor', { bfa: 'ba' }));
    editorBa2 = await sessionOf(store, await makeUser(store, 'bfa_editor', { bfa: 'ba' }));
    viewer = await sessionOf(store, await makeUser(store, 'viewer'));
    hfkToken = await bearerFor(store, 'bfa_editor', 'hfk');
    baToken = await bearerFor(store, 'bfa_editor', 'ba');
  }, 120_000);
  afterAll(async () => store?.destroy());

  describe('what the public sees', () => {
    let draft: Activity;
    let open: Activity;
    beforeAll(async () => {
      draft = await make({ title: 'Hemmelig kladde om stilladser' });
      open = await make({
        title: 'Besøg på byggepladser',
        published: true,
        reachedWorkplaces: 1234,
        costDkk: 1_234_567,
        notes: 'Hej <script>alert(1)</script> og [klik](javascript:alert(1)) og *fint*',
      });
    });

    it('lists, shows and serves only published activities to anonymous readers', async () => {
      for (const path of ['/aktiviteter', '/en/aktiviteter']) {
        const html = await (await get(path)).text();
        expect(html, path).toContain('Besøg på byggepladser');
        expect(html, path).not.toContain('Hemmelig kladde');
      }
      expect((await get(`/aktiviteter/${draft.id}`)).status).toBe(404);
      expect((await get(`/aktiviteter/${open.id}`)).status).toBe(200);
      expect((await get('/aktiviteter/abc')).status).toBe(404);
      const list = (await (await get('/api/v1/activities')).json()) as { data: { title: string }[] };
      expect(list.data.map((a) => a.title)).toContain('Besøg på byggepladser');
      expect(list.data.map((a) => a.title)).not.toContain('Hemmelig kladde om stilladser');
      expect((await get(`/api/v1/activities/${draft.id}`)).status).toBe(404);
      for (const query of ['', '?lang=da', '?lang=en']) {
        const csv = await (await get(`/api/v1/activities.csv${query}`)).text();
        expect(csv).toContain('Besøg på byggepladser');
        expect(csv).not.toContain('Hemmelig kladde');
      }
    });

    it('shows a signed-in editor the drafts they may read, marked as drafts, never cached', async () => {
      const listed = await get('/aktiviteter', admin);
      expect(listed.headers.get('cache-control')).toBe('private, no-store');
      const html = await listed.text();
      expect(html).toContain('Hemmelig kladde om stilladser');
      expect(html).toContain('Kladde');
      const detail = await (await get(`/aktiviteter/${draft.id}`, editorBa)).text();
      expect(detail).toContain('Kladde');
      const viaApi = await get(`/api/v1/activities/${draft.id}`, baToken);
      expect(viaApi.status).toBe(200);
      expect(viaApi.headers.get('cache-control')).toBe('private, no-store');
      expect((await get(`/api/v1/activities/${draft.id}`, hfkToken)).status).toBe(404);
    });

    it('shows everything about an activity, with links, amounts in the page’s language and notes made inert', async () => {
      const document = await page(await get(`/aktiviteter/${open.id}`));
      const hrefs = [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
      expect(hrefs).toContain('/maaltal/1');
      expect(hrefs).toContain('/branche/anlaegsarbejde');
      expect(hrefs.some((href) => (href ?? '').toLowerCase().startsWith('javascript'))).toBe(false);
      const notes = document.querySelector('.maaltal-notes');
      expect(notes?.querySelector('script')).toBeNull();
      expect(notes?.textContent).toContain('<script>alert(1)</script>');
      expect(notes?.querySelector('em')?.textContent).toBe('fint');
      expect(notes?.querySelector('a')?.getAttribute('href')).toBe('');
      expect(document.querySelector('main')?.textContent).toContain('1.234.567 kr.');
      const english = await (await get(`/en/aktiviteter/${open.id}`)).text();
      expect(english).toContain('DKK 1,234,567');
    });

    it('answers unknown and wrong filters with the parameter named', async () => {
      const unknown = (await (await get('/api/v1/activities?colour=red')).json()) as {
        error: { details: { field: string }[] };
      };
      expect(unknown.error.details.map((d) => d.field)).toEqual(['colour']);
      expect((await get('/api/v1/activities?year=soon')).status).toBe(400);
      expect((await get('/api/v1/activities.csv?lang=fr')).status).toBe(400);
      const filtered = (await (await get('/api/v1/activities?bfa=hfk&status=done')).json()) as {
        data: { bfa: { code: string }; status: string }[];
      };
      expect(filtered.data.length).toBeGreaterThan(0);
      expect(new Set(filtered.data.map((a) => `${a.bfa.code} ${a.status}`))).toEqual(new Set(['hfk done']));
    });
  });

  describe('downloads', () => {
    const formula = '=HYPERLINK("http://evil.example","klik")';
    beforeAll(async () => {
      await make({ title: formula, published: true, notes: '' });
    });

    it('leads formula-looking text with an apostrophe in every CSV form', async () => {
      for (const query of ['', '?lang=da', '?lang=en']) {
        const csv = await (await get(`/api/v1/activities.csv${query}`)).text();
        expect(csv, query).toContain(`'=HYPERLINK(`);
        expect(csv, query).not.toMatch(/(^|[;,])"?=HYPERLINK/m);
      }
      const danish = await get('/api/v1/activities.csv?lang=da');
      expect(danish.headers.get('content-disposition')).toContain('maaltal-aktiviteter.csv');
      expect(await danish.text()).toContain('Titel;BFA;Type');
    });

    it('writes formula-looking text as text cells in XLSX', async () => {
      for (const query of ['?lang=da', '']) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await (await get(`/api/v1/activities.xlsx${query}`)).arrayBuffer());
        const cells: ExcelJS.Cell[] = [];
        workbook.getWorksheet('Data')?.eachRow((row) => {
          row.eachCell((cell) => {
            cells.push(cell);
          });
        });
        const cell = cells.find((c) => String(c.value).includes('HYPERLINK'));
        expect(cell?.type, query).toBe(ExcelJS.ValueType.String);
        expect(String(cell?.value)).toBe(`'${formula}`);
        expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
      }
    });
  });

  describe('the API’s writes', () => {
    const body = (over: Record<string, unknown> = {}) => ({ ...BASE, title: 'Kursus via API', ...over });

    it('creates, saves with a version, refuses a stale version naming the fields, and publishes', async () => {
      const created = await api('POST', '/api/v1/activities', baToken, body());
      expect(created.status).toBe(201);
      const { id, version } = (await created.json()) as { id: number; version: number };
      expect(version).toBe(1);
      const saved = await api('PUT', `/api/v1/activities/${id}`, baToken, {
        ...body({ title: 'Kursus via API, rettet', reachedParticipants: 20 }),
        version: 1,
      });
      expect(saved.status).toBe(200);
      const stale = await api('PUT', `/api/v1/activities/${id}`, baToken, {
        ...body({ notes: 'sen' }),
        version: 1,
      });
      expect(stale.status).toBe(409);
      const conflict = (await stale.json()) as { error: { code: string; details: { field: string }[] } };
      expect(conflict.error.code).toBe('conflict');
      expect(conflict.error.details.map((d) => d.field).sort()).toEqual(['reachedParticipants', 'title']);
      expect((await stored(id)).notes).toBe('');
      const published = await api('POST', `/api/v1/activities/${id}/publish`, baToken, { version: 2 });
      expect(published.status).toBe(200);
      expect(
        ((await published.json()) as { data: { published: boolean; version: number } }).data,
      ).toMatchObject({
        published: true,
        version: 3,
      });
      expect((await get(`/api/v1/activities/${id}`)).status).toBe(200);
      const unpublished = await api('POST', `/api/v1/activities/${id}/unpublish`, baToken, { version: 3 });
      expect(unpublished.status).toBe(200);
      expect((await get(`/api/v1/activities/${id}`)).status).toBe(404);
    });

    it('keeps a BFA editor’s token to their own BFA: 404 for a draft, 403 for a published activity or BFA', async () => {
      const draft = await make({ title: 'BA-kladde til API' });
      const open = await make({ title: 'BA offentlig til API', published: true });
      const fields = { ...body({ bfa: 'hfk', branchGroups: ['butikker'], targets: [] }), version: 1 };
      expect((await api('PUT', `/api/v1/activities/${draft.id}`, hfkToken, fields)).status).toBe(404);
      expect((await api('PUT', `/api/v1/activities/${open.id}`, hfkToken, fields)).status).toBe(403);
      expect(
        (await api('POST', `/api/v1/activities/${draft.id}/publish`, hfkToken, { version: 1 })).status,
      ).toBe(404);
      expect(
        (await api('POST', `/api/v1/activities/${open.id}/unpublish`, hfkToken, { version: 1 })).status,
      ).toBe(403);
      const forOther = await api('POST', '/api/v1/activities', hfkToken, body());
      expect(forOther.status).toBe(403);
      expect(
        ((await forOther.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field,
      ).toBe('bfa');
      expect((await stored(open.id)).published).toBe(true);
      expect((await stored(draft.id)).title).toBe('BA-kladde til API');
      const anonymous = await app.request('/api/v1/activities', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body()),
      });
      expect(anonymous.status).toBe(401);
    });

    it('names every problem of the input, in Danish too', async () => {
      const response = await api('POST', '/api/v1/activities', baToken, {
        ...body({ title: '  ', plannedWorkplaces: -1, periodEnd: '2025-01-01', colour: 'red' }),
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as {
        error: { details: { field: string; messageDa: string }[] };
      };
      expect(error.details.map((d) => d.field).sort()).toEqual([
        'colour',
        'periodEnd',
        'plannedWorkplaces',
        'title',
      ]);
      expect(error.details.find((d) => d.field === 'title')?.messageDa).toBe('skal udfyldes');
    });
  });

  describe('the editor’s form', () => {
    const form = (over: Fields = {}): Fields => ({
      bfa: 'ba',
      title: 'Dialogmøde om støj',
      type: 'dialogue_meeting',
      status: 'planned',
      branchGroups: ['anlaegsarbejde', 'faerdiggoerelse-af-byggeri'],
      targets: ['1', '2'],
      periodStart: '2025-05-01',
      periodEnd: '',
      plannedWorkplaces: '30',
      plannedParticipants: '',
      reachedWorkplaces: '',
      reachedParticipants: '',
      costDkk: '',
      fundingPool: '',
      campaign: '',
      notes: '',
      ...over,
    });

    it('lists the editor’s activities with a link to a new one, and tells a viewer they cannot write', async () => {
      await make({ title: 'BA-kladde i redaktionen' });
      const html = await (await get('/redaktion/aktiviteter', editorBa)).text();
      expect(html).toContain('BA-kladde i redaktionen');
      expect(html).toContain('/redaktion/aktiviteter/ny');
      const forViewer = await (await get('/redaktion/aktiviteter', viewer)).text();
      expect(forViewer).not.toContain('/redaktion/aktiviteter/ny');
      expect(forViewer).toContain('kan læse aktiviteter, men ikke oprette');
      expect((await get('/redaktion/aktiviteter/ny', viewer)).status).toBe(200);
      const blank = await page(await get('/en/redaktion/aktiviteter/ny', editorBa));
      expect([...blank.querySelectorAll('#bfa option')].map((o) => o.getAttribute('value'))).toEqual(['ba']);
    });

    it('creates an activity, and on problems shows them beside the fields with everything typed kept', async () => {
      const typed = form({
        title: '',
        plannedWorkplaces: 'tredive',
        notes: 'Mine noter, som ikke må forsvinde',
      });
      const refused = await post('/redaktion/aktiviteter', editorBa, typed);
      expect(refused.status).toBe(400);
      const document = await page(refused);
      expect(document.querySelector('#title-error')?.textContent).toBe('skal udfyldes');
      expect(document.querySelector('#plannedWorkplaces-error')?.textContent).toContain('helt tal');
      expect(document.querySelector('#plannedWorkplaces')?.getAttribute('value')).toBe('tredive');
      expect(document.querySelector('#notes')?.textContent).toBe('Mine noter, som ikke må forsvinde');
      const checked = [...document.querySelectorAll('input[name="branchGroups"]')]
        .filter((box) => box.hasAttribute('checked'))
        .map((box) => box.getAttribute('value'));
      expect(checked).toEqual(['anlaegsarbejde', 'faerdiggoerelse-af-byggeri']);

      const created = await post('/redaktion/aktiviteter', editorBa, form());
      expect(created.status).toBe(303);
      const id = Number((created.headers.get('location') ?? '').split('/').pop());
      expect(await stored(id)).toMatchObject({
        title: 'Dialogmøde om støj',
        plannedWorkplaces: 30,
        version: 1,
      });
      const forOther = await post(
        '/redaktion/aktiviteter',
        editorBa,
        form({ bfa: 'hfk', branchGroups: ['butikker'] }),
      );
      expect(forOther.status).toBe(403);
    });

    it('keeps everything the second editor typed through a version conflict and saves over it on a second press', async () => {
      const created = await post('/redaktion/aktiviteter', editorBa, form({ title: 'Netværk for formænd' }));
      const path = created.headers.get('location') ?? '';
      const id = Number(path.split('/').pop());
      for (const who of [editorBa, editorBa2]) {
        const opened = await page(await get(path, who));
        expect(opened.querySelector('input[name="version"]')?.getAttribute('value')).toBe('1');
      }
      const first = await post(
        path,
        editorBa,
        form({ title: 'Netværk for formænd og mestre', version: '1' }),
      );
      expect(first.status).toBe(303);

      const mine = form({
        title: 'Netværk for sjakbajser',
        notes: 'Anden redaktørs tekst, der skal blive stående',
        reachedParticipants: '17',
        version: '1',
      });
      const conflict = await post(path, editorBa2, mine);
      expect(conflict.status).toBe(409);
      const html = await conflict.text();
      const document = parseHTML(html).document;
      expect(html).toContain('En anden har gemt en nyere version');
      const listed = document.querySelector('#conflict-fields')?.textContent ?? '';
      expect(listed).toContain('Titel');
      expect(listed).toContain('Netværk for formænd og mestre');
      expect(document.querySelectorAll('#conflict-fields li')).toHaveLength(1);
      expect(document.querySelector('#title')?.getAttribute('value')).toBe('Netværk for sjakbajser');
      expect(document.querySelector('#notes')?.textContent).toBe(
        'Anden redaktørs tekst, der skal blive stående',
      );
      expect(document.querySelector('#reachedParticipants')?.getAttribute('value')).toBe('17');
      expect(document.querySelector('#title-error')?.textContent).toContain('Netværk for formænd og mestre');
      expect(document.querySelector('form input[name="version"]')?.getAttribute('value')).toBe('2');
      expect(await stored(id)).toMatchObject({
        title: 'Netværk for formænd og mestre',
        notes: '',
        version: 2,
      });

      const again = await post(path, editorBa2, { ...mine, version: '2' });
      expect(again.status).toBe(303);
      expect(await stored(id)).toMatchObject({
        title: 'Netværk for sjakbajser',
        notes: 'Anden redaktørs tekst, der skal blive stående',
        reachedParticipants: 17,
        version: 3,
      });
    });

    it('publishes and unpublishes from the edit page with the version, and refuses a stale one', async () => {
      const created = await post('/redaktion/aktiviteter', editorBa, form({ title: 'Kampagnedag' }));
      const path = created.headers.get('location') ?? '';
      const id = Number(path.split('/').pop());
      expect((await post(`${path}/offentliggoer`, editorBa, { version: '1' })).status).toBe(303);
      expect((await get(`/aktiviteter/${id}`)).status).toBe(200);
      expect((await post(`${path}/afpublicer`, editorBa, { version: '1' })).status).toBe(409);
      expect((await post(`${path}/afpublicer`, editorBa, { version: '2' })).status).toBe(303);
      expect((await get(`/aktiviteter/${id}`)).status).toBe(404);
    });

    it('refuses a BFA editor another BFA’s activity in the editor area', async () => {
      const other = await make({
        bfa: 'hfk',
        branchGroups: ['butikker'],
        targets: [10],
        title: 'HFK-kladde',
        published: false,
      });
      const open = await make({
        bfa: 'hfk',
        branchGroups: ['butikker'],
        targets: [10],
        title: 'HFK ude',
        published: true,
      });
      expect((await get(`/redaktion/aktiviteter/${other.id}`, editorBa)).status).toBe(404);
      expect((await get(`/redaktion/aktiviteter/${open.id}`, editorBa)).status).toBe(403);
      const guessed = await post(`/redaktion/aktiviteter/${other.id}`, editorBa, form({ version: '1' }));
      expect(guessed.status).toBe(404);
      expect(
        (await post(`/redaktion/aktiviteter/${open.id}/afpublicer`, editorBa, { version: '1' })).status,
      ).toBe(403);
      expect((await stored(open.id)).published).toBe(true);
    });
  });

  describe('evidence', () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
    const upload = (path: string, who: Session, title: string, name: string, bytes: Uint8Array) => {
      const data = new FormData();
      data.append('fileTitle', title);
      data.append('file', new Blob([bytes]), name);
      return app.request(`${path}/bilag?_csrf=${encodeURIComponent(who.csrf)}`, {
        method: 'POST',
        headers: { cookie: who.cookie },
        body: data,
      });
    };

    it('stores an allowed file and serves it as an attachment of its own type, nosniff and sandboxed', async () => {
      const activity = await make({ title: 'Besøg med rapport', published: true });
      const path = `/redaktion/aktiviteter/${activity.id}`;
      const response = await upload(path, editorBa, 'Rapport', 'Rapport æøå (1).pdf', pdf);
      expect(response.status).toBe(303);
      const [file] = (await stored(activity.id)).evidence;
      expect(file).toMatchObject({ kind: 'file', contentType: 'application/pdf', sizeBytes: pdf.byteLength });
      const served = await get(`/aktiviteter/${activity.id}/bilag/${file?.id}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      const disposition = served.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="Rapport aeoeaa \(1\)\.pdf"; filename\*=UTF-8''/);
      expect(disposition).toContain(`''Rapport%20${encodeURIComponent('æøå')}%20%281%29.pdf`);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-security-policy')).toMatch(/(^|; )sandbox$/);
      expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
      const again = await get(`/aktiviteter/${activity.id}/bilag/${file?.id}`);
      expect(again.headers.get('x-cache')).toBe('hit');
      expect(again.headers.get('content-security-policy')).toMatch(/(^|; )sandbox$/);
      expect(again.headers.get('content-disposition')).toBe(disposition);
      const listed = (await (await get(`/api/v1/activities/${activity.id}`)).json()) as {
        data: { evidence: { href: string; sha256: string }[] };
      };
      expect(listed.data.evidence[0]?.href).toBe(`/aktiviteter/${activity.id}/bilag/${file?.id}`);
    });

    it('refuses an HTML page, a program renamed .pdf and a file over 10 MB, naming the file, storing nothing', async () => {
      const activity = await make({ title: 'Besøg uden bilag' });
      const path = `/redaktion/aktiviteter/${activity.id}`;
      const html = await upload(
        path,
        editorBa,
        'Side',
        'side.html',
        Buffer.from('<!doctype html><script>alert(1)</script>'),
      );
      expect(html.status).toBe(400);
      expect(await html.text()).toContain('side.html');
      const exe = Buffer.concat([
        Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
        Buffer.alloc(200),
      ]);
      const renamed = await upload(path, editorBa, 'Program', 'rapport.pdf', exe);
      expect(renamed.status).toBe(400);
      expect(await renamed.text()).toContain('rapport.pdf');
      const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
      const tooLarge = await upload(path, editorBa, 'Stor', 'stor.pdf', big);
      expect(tooLarge.status).toBe(422);
      expect(await tooLarge.text()).toContain('10 MB');
      expect((await stored(activity.id)).evidence).toEqual([]);
      expect((await stored(activity.id)).version).toBe(1);
    });

    it('serves a draft’s file only to who may read the draft, takes http(s) links only, and removes evidence', async () => {
      const draft = await make({ title: 'Kladde med bilag' });
      const path = `/redaktion/aktiviteter/${draft.id}`;
      expect(
        (await upload(path, editorBa, 'Referat', 'referat.txt', Buffer.from('Referat af mødet\n'))).status,
      ).toBe(303);
      const [file] = (await stored(draft.id)).evidence;
      expect(file?.contentType).toBe('text/plain; charset=utf-8');
      expect((await get(`/aktiviteter/${draft.id}/bilag/${file?.id}`)).status).toBe(404);
      expect((await get(`/aktiviteter/${draft.id}/bilag/${file?.id}`, hfkToken)).status).toBe(404);
      expect((await get(`/aktiviteter/${draft.id}/bilag/${file?.id}`, editorBa)).status).toBe(200);

      const script = await post(`${path}/links`, editorBa, {
        linkTitle: 'Ondt',
        linkUrl: 'javascript:alert(1)',
      });
      expect(script.status).toBe(400);
      expect((await page(script)).querySelector('#linkUrl-error')?.textContent).toContain('http');
      const link = await post(`${path}/links`, editorBa, {
        linkTitle: 'Vejledning',
        linkUrl: 'https://at.dk/regler',
      });
      expect(link.status).toBe(303);
      const after = await stored(draft.id);
      expect(after.evidence.map((e) => e.kind)).toEqual(['file', 'link']);
      expect(after.version).toBe(3);
      const removed = await post(`${path}/bilag/${file?.id}/slet`, editorBa, {});
      expect(removed.status).toBe(303);
      expect((await stored(draft.id)).evidence.map((e) => e.title)).toEqual(['Vejledning']);
      const actions = await store.db
        .selectFrom('auditEvent')
        .select('action')
        .where('entity', '=', 'work_activity')
        .where('entityId', '=', String(draft.id))
        .orderBy('id')
        .execute();
      expect(actions.map((row) => row.action)).toEqual([
        'activity.create',
        'activity.evidence.add',
        'activity.evidence.add',
        'activity.evidence.remove',
      ]);
    });
  });
});
