// Branch pages over HTTP (in process) on both databases: the look-up over the whole DB07 classification by code
// and by words in Danish and English (every acceptance query lands on a branch group; a division lists its codes;
// empty, blank, too long, unknown and unmatched queries each say so), the JSON form of the look-up, the branch page
// with its BFA, targets (each link saying which target) and accident figures, and 404 for an unknown group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { formatNumber } from '../format.js';
import { createApp } from '../web/app.js';

/** The rows of the look-up's code table: code cell, title, and the branch-group cell as text plus its links. */
function codeRows(html: string) {
  const table = /<table class="[^"]*maaltal-lookup-table[^"]*">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const row =
    /<tr><th scope="row"><span class="maaltal-lookup-code">([^<]*)<\/span> <span[^>]*>([^<]*)<\/span><\/th><td>([\s\S]*?)<\/td><\/tr>/g;
  return [...table.matchAll(row)].map(([, code, title, cell]) => ({
    code,
    title,
    cell: (cell ?? '').replace(/<[^>]+>/g, ''),
    links: [...(cell ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]),
  }));
}

/** The link texts of the first cells of the branch page's target table. */
function targetLinkTexts(html: string) {
  const table = /<caption class="sr-only">Måltal for branchen[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<th scope="row"><a href="\/maaltal\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]);
}

describeEachDialect('branch pages', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const page = async (path: string) => {
    const response = await app.request(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
    app = createApp(store, { logError: () => {} });
  });
  afterAll(async () => {
    await store?.destroy();
  });

  describe('look-up by code', () => {
    it('lands a code on its branch group, with its DB07 title and the code it is inferred from', async () => {
      const response = await app.request('/branche?q=41.20.00');
      expect(response.status).toBe(303);
      const location = response.headers.get('location') ?? '';
      expect(location).toMatch(
        /^\/branche\/opfoerelse-og-nedrivning-af-byggeri\?kode=41.20.00&klassifikation=DB07$/,
      );
      const html = await page(location);
      expect(html).toContain('Branchekode 41.20.00 (DB07)');
      expect(html).toContain('Opførelse af bygninger');
      expect(html).toContain('udledt af kode 41');
      expect(html).toContain('Koblingen fra branchekode til branchegruppe er udledt');
    });

    it('reads 47.11, 4711, 47.11.00 and 47 11 as the same code', async () => {
      for (const q of ['47.11', '4711', '47.11.00', '47%2011']) {
        const response = await app.request(`/branche?q=${q}`);
        expect(response.status, q).toBe(303);
        expect(response.headers.get('location'), q).toMatch(/^\/branche\/butikker\?kode=/);
      }
    });

    it('says nothing about a code that does not lead to the branch page it is put on', async () => {
      const html = await page('/branche/hospitaler?kode=47.11&klassifikation=DB07');
      expect(html).not.toContain('Branchekode 47.11');
    });

    it('lists a division with every code under it, placed in a group or not', async () => {
      const html = await page('/branche?q=86');
      const rows = codeRows(html);
      expect(rows.map((r) => r.code)).toEqual([
        '86',
        '86.1, 86.10, 86.10.00',
        '86.2',
        '86.21, 86.21.00',
        '86.22, 86.22.00',
        '86.23, 86.23.00',
        '86.9, 86.90',
        '86.90.10',
        '86.90.20',
        '86.90.30',
        '86.90.40',
        '86.90.90',
      ]);
      const [division, hospitals, , gp] = rows;
      expect(division?.title).toBe('Sundhedsvæsen');
      expect(division?.cell).toContain('Flere branchegrupper');
      expect(division?.links).toEqual(['/branche/hospitaler', '/branche/laeger-tandlaeger-og-dyrlaeger']);
      expect(division?.cell).toContain('ingen branchegruppe kendt');
      expect(hospitals?.links).toEqual(['/branche/hospitaler']);
      expect(hospitals?.cell).not.toContain('udledt');
      expect(gp?.links).toEqual(['/branche/laeger-tandlaeger-og-dyrlaeger']);
      expect(gp?.cell).toContain('udledt af kode 86.2');
      const physio = rows.find((r) => r.code === '86.90.20');
      expect(physio?.cell).toContain('Ingen branchegruppe kendt');
      expect(physio?.cell).toContain('Hovedgruppe: Social og sundhed');
      expect(physio?.links).toEqual(['/branche#main-social-og-sundhed']);
    });

    it('says when a code is not in DB07, or is no code at all', async () => {
      for (const q of ['9999', '99.99', '8']) {
        const html = await page(`/branche?q=${q}`);
        expect(html, q).toContain(`&quot;${q}&quot; er ikke en kode i DB07`);
        expect(html, q).toContain('aria-invalid="true"');
      }
    });
  });

  describe('look-up by words', () => {
    const lands: [string, string][] = [
      ['bager', 'naerings-og-nydelsesmidler'],
      ['bager', 'butikker'],
      ['tømrer', 'faerdiggoerelse-af-byggeri'],
      ['tomrer', 'faerdiggoerelse-af-byggeri'],
      ['sygehus', 'hospitaler'],
      ['vognmand', 'transport-af-gods'],
      ['lastbil', 'transport-af-gods'],
      ['frisør', 'frisoerer-og-anden-personlig-pleje'],
    ];
    it.each(lands)('finds a branch group for "%s": %s', async (q, group) => {
      const rows = codeRows(await page(`/branche?q=${encodeURIComponent(q)}`));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.flatMap((r) => r.links)).toContain(`/branche/${group}`);
    });

    it('ranks the everyday word first and shows code, Danish title and group', async () => {
      const [first] = codeRows(await page('/branche?q=vognmand'));
      expect(first).toEqual({
        code: '49.41, 49.41.00',
        title: 'Vejgodstransport',
        cell: 'Transport af gods',
        links: ['/branche/transport-af-gods'],
      });
      const lorry = codeRows(await page('/branche?q=lastbil'));
      expect(lorry[0]?.title).toBe('Vejgodstransport');
      const baker = codeRows(await page('/branche?q=bager'));
      expect(baker.slice(0, 2).map((r) => r.code)).toEqual(['10.71.20', '47.24, 47.24.00']);
      expect(baker[0]?.cell).toBe('Nærings- og nydelsesmidlerudledt af kode 10');
    });

    it('lists the branch groups named like the words above the codes', async () => {
      const html = await page('/branche?q=transport');
      expect(html).toContain('Branchegrupper med det i navnet');
      const named = html.slice(0, html.indexOf('maaltal-lookup-table'));
      expect(named).toContain('href="/branche/transport-af-gods"');
      expect(named).toContain('href="/branche/transport-af-passagerer"');
      expect(codeRows(html).length).toBeGreaterThan(0);
    });

    it('says when nothing matches, and asks for words when the query is empty, blank or too long', async () => {
      const none = await page('/branche?q=xyzzyq');
      expect(none).toContain('Ingen branchekode eller branchegruppe passer til &quot;xyzzyq&quot;.');
      for (const q of ['', '%20%20%20']) {
        const html = await page(`/branche?q=${q}`);
        expect(html, q).toContain('Skriv en branchekode (fx 47.11 eller 86)');
        expect(html, q).toContain('aria-invalid="true"');
      }
      const long = await page(`/branche?q=${'bager '.repeat(20)}`);
      expect(long).toContain('Søgningen er for lang. Skriv højst 100 tegn');
      expect(codeRows(long)).toEqual([]);
      const plain = await page('/branche');
      expect(plain).not.toContain('aria-invalid');
    });
  });

  describe('in English', () => {
    it('speaks English around the Danish titles, and says once that they are Danish', async () => {
      const html = await page('/en/branche?q=86');
      expect(html).toContain('Results for &quot;86&quot;');
      expect(html).toContain('Code 86 and the codes under it');
      expect(html).toContain('the titles are official Danish titles and are shown in Danish');
      expect(html).toContain('<span lang="da">Hospitaler</span>');
      const rows = codeRows(html);
      expect(rows[1]?.links).toEqual(['/en/branche/hospitaler']);
      expect(rows.find((r) => r.code === '86.90.20')?.cell).toContain('No branch group known');
      expect(rows.find((r) => r.code === '86.90.20')?.cell).toContain('Main group: Social care and health');
      expect(html).not.toContain('Ingen branchegruppe kendt');
    });

    it('finds Danish and English words, and says what is wrong with a query in English', async () => {
      const bakery = codeRows(await page('/en/branche?q=bakery'));
      expect(bakery.flatMap((r) => r.links)).toContain('/en/branche/naerings-og-nydelsesmidler');
      const bager = codeRows(await page('/en/branche?q=bager'));
      expect(bager.flatMap((r) => r.links)).toContain('/en/branche/butikker');
      expect(bager[0]?.cell).toContain('inferred from code 10');
      expect(await page('/en/branche?q=%20')).toContain('Type an industry code');
      expect(await page(`/en/branche?q=${'x'.repeat(101)}`)).toContain('The search is too long');
      expect(await page('/en/branche?q=9999')).toContain('&quot;9999&quot; is not a DB07 code');
      expect(await page('/en/branche?q=xyzzyq')).toContain('No industry code or branch group matches');
      const landed = await app.request('/en/branche?q=47.11');
      expect(landed.headers.get('location')).toBe('/en/branche/butikker?kode=47.11&klassifikation=DB07');
      expect(await page(landed.headers.get('location') ?? '')).toContain('Industry code 47.11 (DB07)');
    });
  });

  describe('the JSON look-up', () => {
    it('gives the groups found and every code with its title and placement', async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the answer is checked field by field
      const body: any = await (await app.request('/api/v1/branches?q=bager')).json();
      expect(body.data.map((g: { code: string }) => g.code)).toEqual([
        'naerings-og-nydelsesmidler',
        'butikker',
      ]);
      expect(body.meta.industryCodes[0]).toMatchObject({
        codes: ['10.71.20'],
        titleDa: 'Fremstilling af friske bageriprodukter',
        placement: 'mapped',
        branchGroup: { code: 'naerings-og-nydelsesmidler' },
        inferred: true,
        via: ['10'],
      });
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const division: any = await (await app.request('/api/v1/branches?q=86')).json();
      expect(division.meta.industryCodes[0].placement).toBe('split');
      expect(
        division.meta.industryCodes.find((c: { codes: string[] }) => c.codes[0] === '86.90.20'),
      ).toMatchObject({ placement: 'unknown', branchGroup: null, mainGroup: { code: 'social-og-sundhed' } });
      const long = await app.request(`/api/v1/branches?q=${'x'.repeat(101)}`);
      expect(long.status).toBe(400);
      expect(
        ((await long.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field,
      ).toBe('q');
    });
  });

  it('shows a branch group with its BFA, its targets and its accident figures', async () => {
    const html = await page('/branche/metal-og-maskiner');
    expect(html).toContain('<h1>Metal og maskiner</h1>');
    expect(html).toContain('BFA Industri');
    const { data } = (await (await app.request('/api/v1/targets?branch=metal-og-maskiner')).json()) as {
      data: { id: number }[];
    };
    for (const target of data) expect(html).toContain(`href="/maaltal/${target.id}"`);
    const rates = (await (
      await app.request('/api/v1/accidents/rates?branch=metal-og-maskiner&groupBy=year&from=2025&to=2025')
    ).json()) as { rows: { value: number; count: number }[] };
    expect(html).toContain(`<td class="num">${formatNumber(rates.rows[0]?.value, 'da', 1)}</td>`);
    expect(html).toMatch(/\d+ dødsulykker i 2012–2025 \(efter ulykkesår\)\./);
    expect((await app.request('/branche/nope')).status).toBe(404);
    expect(await (await app.request('/en/branche/metal-og-maskiner')).text()).toContain(
      'Work accidents in the branch',
    );
  });

  it('names each target in the target table by what it is about, not by the branch', async () => {
    const groups: [string, string][] = [
      ['metal-og-maskiner', 'Metal og maskiner'],
      ['hospitaler', 'Hospitaler'],
      ['opfoerelse-og-nedrivning-af-byggeri', 'Opførelse og nedrivning af byggeri'],
    ];
    for (const [code, name] of groups) {
      const texts = targetLinkTexts(await page(`/branche/${code}`));
      expect(new Set(texts).size, code).toBe(texts.length);
      expect(texts, code).not.toContain(name);
    }
    const texts = targetLinkTexts(await page('/branche/metal-og-maskiner'));
    expect(texts).toContain('Arbejdsulykker');
    expect(texts).toContain('Ergonomisk arbejdsmiljø');
  });
});
