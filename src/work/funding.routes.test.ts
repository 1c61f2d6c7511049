// The funding pools and reach on the web, on both databases: the public pages and API with the fixture's figures, the
// downloads in the reader's language with formula-shaped text neutralised, drafts only for those who may read them,
// the secretariat's overview with its flag, the form (problems beside fields, a conflict keeping what was typed), and
// a BFA editor refused every write.
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor, makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { type Fixture, loadFundingFixture } from '../../test/funding-fixture.js';
import { seedStore } from '../../test/seed.js';
import { createApp } from '../web/app.js';
import { copenhagenDate } from './funding.service.js';

const FORMULA = "=cmd|' /C calc'!A0";

/** A date `offsetDays` from today in Copenhagen (the day the pools' days left count from). */
const isoDay = (offsetDays: number) =>
  new Date(Date.parse(`${copenhagenDate(new Date())}T12:00:00Z`) + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);

describeEachDialect('funding pool and reach routes', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let fixture: Fixture;
  let admin: Record<string, string>;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    fixture = await loadFundingFixture(store);
    app = createApp(store, { logError: () => {} });
    admin = await bearerFor(store, 'admin');
  });
  afterAll(async () => {
    await store?.destroy();
  });

  const json = (body: unknown, headers: Record<string, string>) => ({
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  const newPool = (over: Record<string, unknown> = {}) => ({
    name: 'Testpulje',
    legalBasis: 'Akt 1 2026',
    amountDkk: 100_000,
    periodStart: isoDay(-30),
    periodEnd: isoDay(30),
    purpose: '',
    shares: [{ bfa: 'voa', amountDkk: 50_000 }],
    ...over,
  });

  async function createViaApi(over: Record<string, unknown> = {}, publish = true): Promise<number> {
    const response = await app.request('/api/v1/funding-pools', {
      method: 'POST',
      ...json(newPool(over), admin),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    if (publish) {
      const user = await makeUser(store, 'admin');
      const { cookie, csrf } = await sessionOf(store, user);
      const published = await app.request(`/redaktion/puljer/${id}/offentliggoer`, {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams({ _csrf: csrf, published: '1' }),
      });
      expect(published.status).toBe(303);
    }
    return id;
  }

  it('shows the pool with its figures per BFA, the burn-down chart at two widths with its table, and downloads', async () => {
    const response = await app.request(`/puljer/${fixture.poolId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')?.textContent).toBe('Pulje til arbejdspladsnære aktiviteter');
    expect(html).toContain('500.000 kr.');
    expect(html).toContain('mindst 3.600 kr. pr. nået arbejdsplads');
    expect(html).toContain('mindst 6.400 kr. pr. nået arbejdsplads');
    expect(html).toContain(
      'overlap ukendt; en arbejdsplads, som flere aktiviteter har nået, tæller én gang pr. aktivitet',
    );
    expect(document.querySelectorAll('figure svg[role="img"]')).toHaveLength(2);
    const months = [...document.querySelectorAll('details table tbody tr')];
    expect(months[0]?.querySelector('th')?.textContent).toBe('januar 2025');
    expect(months.find((row) => row.querySelector('th')?.textContent === 'maj 2025')?.textContent).toContain(
      '780.000 kr.',
    );
    expect(html).toContain(`/api/v1/funding-pools.csv?lang=da&amp;pool=${fixture.poolId}`);
    expect(html).toContain('Tallene bygger kun på offentliggjorte aktiviteter.');
    const english = await (await app.request(`/en/puljer/${fixture.poolId}`)).text();
    expect(english).toContain('at least DKK 3,600 per workplace reached');
    expect(english).toContain('May 2025');
  });

  it('shows no Danish on the English pages outside what is marked Danish (the secretariat’s own texts)', async () => {
    const danish = /\b(og|ikke|før|af|kilde|beskæftigede|kr\.|pulje)\b/i;
    const user = await makeUser(store, 'admin');
    const { cookie } = await sessionOf(store, user);
    for (const path of [
      '/en/puljer',
      `/en/puljer/${fixture.poolId}`,
      '/en/redaktion/puljer',
      `/en/redaktion/puljer/${fixture.poolId}`,
    ]) {
      const { document } = parseHTML(await (await app.request(path, { headers: { cookie } })).text());
      for (const element of document.querySelectorAll('[lang="da"]')) element.remove();
      const main = document.querySelector('main');
      for (const element of main?.querySelectorAll('input, textarea') ?? []) element.remove();
      expect(danish.exec(main?.textContent ?? '')?.[0], path).toBeUndefined();
    }
  });

  it('never answers hostile query parameters with a server error, and refuses bad values naming them', async () => {
    const routes = [
      '/puljer',
      `/puljer/${fixture.poolId}`,
      '/api/v1/funding-pools',
      `/api/v1/funding-pools/${fixture.poolId}`,
      '/api/v1/funding-pools.csv',
      '/api/v1/reach',
      '/api/v1/reach.csv',
    ];
    const names = ['__proto__', 'constructor', 'bfa', 'branch', 'year', 'drafts', 'lang', 'pool'];
    const values = ['x', '0x10', '1e309', '99999999999999999999', '-1', 'ÆØÅ', '💥', '%00', ''];
    const failures: string[] = [];
    for (const route of routes)
      for (const name of names)
        for (const value of values) {
          const url = `${route}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
          const response = await app.request(url);
          if (response.status >= 500) failures.push(`${url} → ${response.status}`);
        }
    expect(failures).toEqual([]);
    for (const url of [
      '/api/v1/reach?year=0x10',
      '/api/v1/reach?drafts=yes',
      '/api/v1/funding-pools.csv?pool=1e0',
    ]) {
      const response = await app.request(url);
      expect(response.status, url).toBe(400);
    }
    for (const url of [
      '/api/v1/funding-pools/0x1',
      '/api/v1/funding-pools/1e0',
      '/api/v1/funding-pools/+1',
      '/puljer/-1',
    ])
      expect((await app.request(url)).status, url).toBe(404);
  }, 120_000);

  it('lists the published pools, and refuses drafts to readers who may not see them', async () => {
    const list = await (await app.request('/puljer')).text();
    expect(list).toContain('Pulje til arbejdspladsnære aktiviteter');
    expect(list).toContain('1.000.000 kr.');
    expect((await app.request('/puljer?drafts=1')).status).toBe(303);
    expect((await app.request('/api/v1/funding-pools?drafts=1')).status).toBe(401);
    const viewer = await bearerFor(store, 'viewer');
    const withDrafts = await app.request(`/api/v1/funding-pools/${fixture.poolId}?drafts=1`, {
      headers: viewer,
    });
    expect(withDrafts.status).toBe(200);
    expect(withDrafts.headers.get('cache-control')).toBe('private, no-store');
    const body = (await withDrafts.json()) as { data: { spentDkk: number; includesDrafts: boolean } };
    expect(body.data).toMatchObject({ spentDkk: 550_000, includesDrafts: true });
  });

  it('answers the pool and reach as JSON with the hand-worked figures', async () => {
    const pool = (await (await app.request(`/api/v1/funding-pools/${fixture.poolId}`)).json()) as {
      data: {
        spentDkk: number;
        committedDkk: number;
        perBfa: { bfa: { code: string }; costPerWorkplaceDkk: number }[];
      };
      meta: { includesDrafts: boolean };
    };
    expect(pool.data).toMatchObject({ spentDkk: 500_000, committedDkk: 150_000 });
    expect(pool.data.perBfa.map((row) => [row.bfa.code, row.costPerWorkplaceDkk])).toEqual([
      ['ba', 3600],
      ['voa', 6400],
    ]);
    expect(pool.meta.includesDrafts).toBe(false);
    const reach = (await (await app.request('/api/v1/reach?bfa=ba')).json()) as {
      data: { placement: string; year: number; reachedWorkplaces: number; workplaceShare: number | null }[];
      meta: { note: { da: string } };
    };
    expect(reach.data.map((r) => [r.placement, r.year, r.reachedWorkplaces, r.workplaceShare])).toEqual([
      ['several', 2025, 30, null],
      ['branch', 2026, 20, 0.05],
    ]);
    expect(reach.meta.note.da).toContain('overlap ukendt');
    const refused = await app.request('/api/v1/reach?bfa=ba&sort=year');
    expect(refused.status).toBe(400);
    expect(
      ((await refused.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field,
    ).toBe('sort');
    expect((await app.request('/api/v1/reach?branch=xyz')).status).toBe(400);
    expect((await app.request('/api/v1/funding-pools/999999')).status).toBe(404);
  });

  it('downloads reach in the reader’s language, the several-groups row named, the missing share explained', async () => {
    const csv = await (await app.request('/api/v1/reach.csv?lang=da&bfa=voa&year=2026')).text();
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.split(';').slice(0, 5)).toEqual([
      'BFA',
      'År',
      'Branchegruppe',
      'Aktiviteter',
      'Nåede arbejdspladser (højst)',
    ]);
    expect(lines[1]).toContain('Daginstitutioner');
    expect(lines[1]).toContain('Der er intet antal arbejdspladser for Daginstitutioner i 2026');
    const several = await (await app.request('/api/v1/reach.csv?lang=en&bfa=ba')).text();
    expect(several).toContain('several branch groups (cannot be split)');
    const machine = await (await app.request('/api/v1/reach.csv?branch=anlaegsarbejde&year=2026')).text();
    expect(machine.split('\n')[1]).toBe(
      'ba,2026,branch,anlaegsarbejde,1,0,20,400,DST ERH 2026,2026,0.05,,50,4000,RAS 2026,2026,0.0125,',
    );
    const xlsx = await app.request('/api/v1/reach.xlsx?lang=da');
    expect(xlsx.status).toBe(200);
  });

  it('neutralises a formula-shaped pool name in CSV and keeps it text in XLSX', async () => {
    const id = await createViaApi({ name: FORMULA, legalBasis: '+SUM(A1)' });
    for (const query of ['?lang=da', '?lang=en', '']) {
      const csv = await (
        await app.request(`/api/v1/funding-pools.csv${query}${query ? '&' : '?'}pool=${id}`)
      ).text();
      expect(csv, query).toContain(`'${FORMULA}`);
      expect(csv, query).toContain("'+SUM(A1)");
      expect(csv.split(/[;,\n]/).some((cell) => cell.startsWith('=') || cell.startsWith('"='))).toBe(false);
    }
    for (const query of ['?lang=da&', '?']) {
      const response = await app.request(`/api/v1/funding-pools.xlsx${query}pool=${id}`);
      expect(response.headers.get('content-disposition')).toContain('.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet('Data');
      const cells: ExcelJS.Cell[] = [];
      sheet?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      const named = cells.filter((cell) => cell.value === FORMULA);
      expect(named.length, query).toBeGreaterThan(0);
      for (const cell of named) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
      expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    }
  });

  it('refuses a BFA editor every write of a pool, through the API and the form, and writes nothing', async () => {
    const count = async () => ({
      pools: (await store.db.selectFrom('fundingPool').select('id').execute()).length,
      audits: (
        await store.db.selectFrom('auditEvent').select('id').where('entity', '=', 'funding_pool').execute()
      ).length,
    });
    const before = await count();
    const editor = await bearerFor(store, 'bfa_editor', 'voa');
    const post = await app.request('/api/v1/funding-pools', { method: 'POST', ...json(newPool(), editor) });
    expect(post.status).toBe(403);
    const put = await app.request(`/api/v1/funding-pools/${fixture.poolId}`, {
      method: 'PUT',
      ...json({ ...newPool(), version: 1 }, editor),
    });
    expect(put.status).toBe(403);
    const user = await makeUser(store, 'bfa_editor', { bfa: 'voa' });
    const { cookie, csrf } = await sessionOf(store, user);
    for (const path of [
      '/redaktion/puljer',
      `/redaktion/puljer/${fixture.poolId}`,
      `/redaktion/puljer/${fixture.poolId}/offentliggoer`,
    ]) {
      const response = await app.request(path, {
        method: 'POST',
        headers: { cookie },
        body: new URLSearchParams({ _csrf: csrf, name: 'Min pulje', published: '0', version: '1' }),
      });
      expect(response.status, path).toBe(403);
    }
    expect((await app.request('/redaktion/puljer/ny', { headers: { cookie } })).status).toBe(403);
    // Reading the overview is allowed (drafts.read), without the button to make one.
    const overview = await app.request('/redaktion/puljer', { headers: { cookie } });
    expect(overview.status).toBe(200);
    expect(await overview.text()).not.toContain('/redaktion/puljer/ny');
    expect(await count()).toEqual(before);
  });

  it('creates a pool through the API with one audit row, and updates it naming the version opened', async () => {
    const id = await createViaApi({ name: 'Revisionspuljen' }, false);
    const audits = await store.db
      .selectFrom('auditEvent')
      .select(['action', 'actorKind'])
      .where('entity', '=', 'funding_pool')
      .where('entityId', '=', String(id))
      .execute();
    expect(audits).toEqual([{ action: 'funding_pool.create', actorKind: 'token' }]);
    const updated = await app.request(`/api/v1/funding-pools/${id}`, {
      method: 'PUT',
      ...json({ ...newPool({ name: 'Revisionspuljen', amountDkk: 120_000 }), version: 1 }, admin),
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({ id, version: 2 });
    const stale = await app.request(`/api/v1/funding-pools/${id}`, {
      method: 'PUT',
      ...json({ ...newPool({ name: 'Revisionspuljen', purpose: 'Andet' }), version: 1 }, admin),
    });
    expect(stale.status).toBe(409);
    const error = (await stale.json()) as { error: { code: string; details: { field: string }[] } };
    expect(error.error.details.map((d) => d.field)).toEqual(['amountDkk']);
    const tooMuch = await app.request('/api/v1/funding-pools', {
      method: 'POST',
      ...json(newPool({ shares: [{ bfa: 'voa', amountDkk: 200_000 }] }), admin),
    });
    expect(tooMuch.status).toBe(400);
    const details = ((await tooMuch.json()) as { error: { details: { field: string }[] } }).error.details;
    expect(details.map((d) => d.field)).toEqual(['shares']);
  });

  it('flags, in the secretariat’s overview, a pool ending within 12 months with money left, and not one ending later', async () => {
    const soon = await createViaApi({ name: 'Udløber snart', periodEnd: isoDay(100) }, false);
    const later = await createViaApi({ name: 'Udløber senere', periodEnd: isoDay(400) }, false);
    const user = await makeUser(store, 'admin');
    const { cookie } = await sessionOf(store, user);
    const response = await app.request('/redaktion/puljer', { headers: { cookie } });
    expect(response.status).toBe(200);
    const { document } = parseHTML(await response.text());
    const row = (id: number) =>
      [...document.querySelectorAll('tbody tr')].find((tr) =>
        tr.querySelector(`a[href="/redaktion/puljer/${id}"]`),
      );
    expect(row(soon)?.textContent).toContain('Bemærk');
    expect(row(soon)?.textContent).toContain(
      'Puljen udløber inden for 12 måneder (om 100 dage) og har 100.000 kr. ikke brugt.',
    );
    expect(row(soon)?.textContent).toContain('Kladde');
    expect(row(later)?.textContent).not.toContain('Bemærk');
    expect(document.querySelector('.alert-warning')?.textContent).toContain('udløber inden for 12 måneder');
    expect(document.body.innerHTML).toContain('/redaktion/puljer/ny');
  });

  it('keeps what the editor typed on a conflict (409), naming the fields, with the stored version in the form', async () => {
    const id = await createViaApi({ name: 'Konfliktpuljen' }, false);
    const user = await makeUser(store, 'admin');
    const { cookie, csrf } = await sessionOf(store, user);
    const opened = await (await app.request(`/redaktion/puljer/${id}`, { headers: { cookie } })).text();
    expect(opened).toContain('name="version" value="1"');
    // Someone else saves version 2 meanwhile.
    await app.request(`/api/v1/funding-pools/${id}`, {
      method: 'PUT',
      ...json({ ...newPool({ name: 'Konfliktpuljen', legalBasis: 'Akt 2 2026' }), version: 1 }, admin),
    });
    const form = new URLSearchParams({
      _csrf: csrf,
      version: '1',
      name: 'Konfliktpuljen, rettet',
      legalBasis: 'Akt 1 2026',
      amountDkk: '1.000.000',
      periodStart: isoDay(-30),
      periodEnd: isoDay(30),
      purpose: 'Mit formål',
      'share-voa': '250.000',
    });
    const response = await app.request(`/redaktion/puljer/${id}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(response.status).toBe(409);
    const { document } = parseHTML(await response.text());
    expect(document.querySelector('input[name="version"]')?.getAttribute('value')).toBe('2');
    expect(document.querySelector('#name')?.getAttribute('value')).toBe('Konfliktpuljen, rettet');
    expect(document.querySelector('#amountDkk')?.getAttribute('value')).toBe('1.000.000');
    expect(document.querySelector('#share-voa')?.getAttribute('value')).toBe('250.000');
    expect(document.querySelector('#purpose')?.textContent).toBe('Mit formål');
    expect(document.querySelector('#legalBasis-error')?.textContent).toContain('Akt 1 2026 → Akt 2 2026');
    // Saving again over version 2 keeps the typed values.
    form.set('version', '2');
    const saved = await app.request(`/redaktion/puljer/${id}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(saved.status).toBe(303);
    const pool = (await (
      await app.request(`/api/v1/funding-pools/${id}?drafts=1`, { headers: admin })
    ).json()) as {
      data: { pool: { name: string; amountDkk: number; version: number; shares: { amountDkk: number }[] } };
    };
    expect(pool.data.pool).toMatchObject({
      name: 'Konfliktpuljen, rettet',
      amountDkk: 1_000_000,
      version: 3,
    });
    expect(pool.data.pool.shares.map((s) => s.amountDkk)).toEqual([250_000]);
  });

  it('shows problems beside their fields when the shares pass the amount or a date is wrong', async () => {
    const user = await makeUser(store, 'admin');
    const { cookie, csrf } = await sessionOf(store, user);
    const before = (await store.db.selectFrom('fundingPool').select('id').execute()).length;
    const response = await app.request('/en/redaktion/puljer', {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        name: 'Too much',
        legalBasis: 'Akt 3 2026',
        amountDkk: '100,000',
        periodStart: '2026-02-30',
        periodEnd: '2026-12-31',
        'share-voa': '80,000',
        'share-ba': '30,000',
      }),
    });
    expect(response.status).toBe(400);
    const { document } = parseHTML(await response.text());
    expect(document.querySelector('#periodStart-error')?.textContent).toBe('is not a real date');
    expect(document.querySelector('#shares .form-error-message')?.textContent).toBe(
      "the shares add up to 110000 DKK, more than the pool's amount of 100000 DKK",
    );
    expect(document.querySelector('#share-ba')?.getAttribute('value')).toBe('30,000');
    expect((await store.db.selectFrom('fundingPool').select('id').execute()).length).toBe(before);
  });
});
