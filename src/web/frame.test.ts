// The page frame: head metadata for search engines and link previews, the menu's current page, the footer's links,
// the favicon, the demo banner on error pages, and the pages about the site (sources, contact, accessibility).
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { loadConfig } from '../config.js';
import { createApp } from './app.js';

const documentOf = (html: string) => parseHTML(html).document;
const attr = (html: string, selector: string, name: string) =>
  documentOf(html).querySelector(selector)?.getAttribute(name) ?? null;

describe('the page frame', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let configured: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    app = createApp(store, { logError: () => {} });
    configured = createApp(store, {
      logError: () => {},
      publicUrl: 'https://maaltal.example.dk',
      contactEmail: 'drift@maaltal.example.dk',
    });
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('gives every page a description, a canonical address, both languages and Open Graph tags', async () => {
    const da = await (await configured.request('/metode')).text();
    expect(attr(da, 'meta[name="description"]', 'content')).toMatch(/arbejdsmiljøet/);
    expect(attr(da, 'link[rel="canonical"]', 'href')).toBe('https://maaltal.example.dk/metode');
    expect(attr(da, 'link[hreflang="en"]', 'href')).toBe('https://maaltal.example.dk/en/metode');
    expect(attr(da, 'link[hreflang="da"]', 'href')).toBe('https://maaltal.example.dk/metode');
    expect(attr(da, 'link[hreflang="x-default"]', 'href')).toBe('https://maaltal.example.dk/metode');
    expect(attr(da, 'meta[property="og:url"]', 'content')).toBe('https://maaltal.example.dk/metode');
    expect(attr(da, 'meta[property="og:title"]', 'content')).toBe('Sådan regner Måltal – Måltal');
    expect(attr(da, 'meta[property="og:locale"]', 'content')).toBe('da_DK');
    expect(attr(da, 'meta[property="og:description"]', 'content')).not.toBeNull();
    const en = await (await configured.request('/en/metode')).text();
    expect(attr(en, 'link[rel="canonical"]', 'href')).toBe('https://maaltal.example.dk/en/metode');
    expect(attr(en, 'link[hreflang="da"]', 'href')).toBe('https://maaltal.example.dk/metode');
    expect(attr(en, 'meta[property="og:locale"]', 'content')).toBe('en_GB');
    expect(attr(en, 'meta[name="description"]', 'content')).toMatch(/working-environment/);
  });

  it('takes the canonical address from the request when no public address is configured', async () => {
    const html = await (await app.request('http://localhost:3000/branche')).text();
    expect(attr(html, 'link[rel="canonical"]', 'href')).toBe('http://localhost:3000/branche');
  });

  it('marks the current section in the menu, and only that one', async () => {
    for (const [path, label] of [
      ['/maaltal/1', 'Mål og måltal'],
      ['/maal/chemical', 'Mål og måltal'],
      ['/branche', 'Brancher'],
      ['/en/metode', 'Method'],
      ['/en/ulykker', 'Work accidents'],
    ] as const) {
      const html = await (await app.request(path)).text();
      const current = [...documentOf(html).querySelectorAll('.maaltal-nav [aria-current="page"]')];
      expect(
        current.map((a) => a.textContent),
        path,
      ).toEqual([label]);
    }
    const home = await (await app.request('/')).text();
    expect(documentOf(home).querySelectorAll('[aria-current]').length).toBe(0);
  });

  it('serves a favicon and links it from every page', async () => {
    const icon = await app.request('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg /);
    expect((await app.request('/favicon.ico')).status).toBe(200);
    expect(attr(await (await app.request('/')).text(), 'link[rel="icon"]', 'href')).toBe('/favicon.svg');
  });

  it('keeps the demo banner on the not-found page', async () => {
    for (const [path, banner] of [
      ['/findes-ikke', 'Demodata – ikke officielle tal'],
      ['/en/no-such-page', 'Demo data – not official figures'],
    ] as const) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(documentOf(await response.text()).querySelector('.maaltal-demo')?.textContent).toBe(banner);
    }
  });

  it('puts every part of the page inside a landmark: the banner and account bar in the header', async () => {
    const document = documentOf(await (await app.request('/')).text());
    const outside = [...document.body.children].filter(
      (element) => !['HEADER', 'MAIN', 'FOOTER'].includes(element.tagName) && !element.matches('a.skipnav'),
    );
    expect(outside.map((element) => element.outerHTML.slice(0, 60))).toEqual([]);
    expect(document.querySelector('header .maaltal-demo')).not.toBeNull();
  });

  it('links the sources, method, contact and accessibility statement from the footer, and prints the address', async () => {
    const html = await (await configured.request('/en/branche')).text();
    const links = [...documentOf(html).querySelectorAll('footer nav a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/en/kilder', '/en/metode', '/en/kontakt', '/en/tilgaengelighed']);
    expect(documentOf(html).querySelector('.maaltal-print-only')?.textContent).toMatch(
      /^Printed from https:\/\/maaltal\.example\.dk\/en\/branche · Page generated \d{1,2} \w+ \d{4}$/,
    );
  });

  it('has a sources page linking the Working Environment Authority, NFA and Statistics Denmark', async () => {
    for (const path of ['/kilder', '/en/kilder']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      const hrefs = [...documentOf(await response.text()).querySelectorAll('main a')].map((a) =>
        a.getAttribute('href'),
      );
      expect(hrefs).toEqual(expect.arrayContaining(['https://at.dk/', 'https://nfa.dk/']));
      expect(hrefs.some((href) => href?.startsWith('https://www.dst.dk/'))).toBe(true);
    }
  });

  it('has a contact page, with the operator address when one is configured', async () => {
    const plain = await (await app.request('/kontakt')).text();
    expect(documentOf(plain).querySelector('h1')?.textContent).toBe('Kontakt');
    expect(plain).not.toContain('mailto:');
    const withEmail = await (await configured.request('/en/kontakt')).text();
    expect(attr(withEmail, 'a[href^="mailto:"]', 'href')).toBe('mailto:drift@maaltal.example.dk');
  });

  it('has an accessibility statement in both languages with its status, gaps, feedback and complaint route', async () => {
    const da = await (await app.request('/tilgaengelighed')).text();
    expect(documentOf(da).querySelector('h1')?.textContent?.replace('\u00ad', '')).toBe(
      'Tilgængelighedserklæring',
    );
    expect(da).toContain('WCAG 2.1');
    expect(da).toContain('Digitaliseringsstyrelsen');
    expect(attr(da, 'main a[href="/kontakt"]', 'href')).toBe('/kontakt');
    const en = await (await app.request('/en/tilgaengelighed')).text();
    expect(documentOf(en).querySelector('h1')?.textContent).toBe('Accessibility statement');
  });

  it('refuses a contact address that is not an e-mail address', () => {
    expect(() => loadConfig({ MAALTAL_CONTACT_EMAIL: 'drift at example' })).toThrow(/Invalid configuration/);
    expect(loadConfig({ MAALTAL_CONTACT_EMAIL: ' a@b.dk ' }).contactEmail).toBe('a@b.dk');
    expect(loadConfig({}).contactEmail).toBeNull();
  });
});
