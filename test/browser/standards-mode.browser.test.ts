// Every page type is rendered in standards mode and fits a phone's width: each page starts with `<!doctype html>`, so Chromium does not fall
// back to quirks mode (document.compatMode "BackCompat"), in which the layout and the dkfds styles go wrong.
import { describe, expect, it } from 'vitest';
import { makeUser, sessionOf } from '../accounts.js';
import { bothLanguages, PAGE_TYPES } from './page-types.js';
import { useBrowserSite } from './site.js';

const PAGES = PAGE_TYPES.flatMap(bothLanguages);

const EDITOR_PAGES = [
  '/redaktion/import',
  '/redaktion/brugere',
  '/redaktion/log',
  '/redaktion/konto',
  '/redaktion/maaltal',
];

describe('standards mode in Chromium', () => {
  const site = useBrowserSite({ accidentScale: 0.001 });

  it('renders every public page type in standards mode, each page starting with the doctype', async () => {
    for (const path of PAGES) {
      const response = await site.page.goto(site.url(path));
      expect((await response?.text())?.startsWith('<!doctype html>'), path).toBe(true);
      expect(await site.page.evaluate('document.compatMode'), path).toBe('CSS1Compat');
    }
  }, 120_000);

  it('fits a 390 px phone and a 1280 px screen on every public page type, in Danish and English: no sideways scrolling', async () => {
    const wide: string[] = [];
    for (const viewport of [390, 1280]) {
      const page = await site.browser.newPage({ viewport: { width: viewport, height: 844 } });
      for (const path of PAGES) {
        for (const localised of path.startsWith('/en/')
          ? [path]
          : [path, `/en${path === '/' ? '/' : path}`]) {
          await page.goto(site.url(localised));
          const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
          if (width > viewport) wide.push(`${localised} at ${viewport} px: ${width} px`);
        }
      }
      await page.close();
    }
    expect(wide).toEqual([]);
  }, 300_000);

  it('renders the editor area in standards mode too', async () => {
    const admin = await sessionOf(site.store, await makeUser(site.store, 'admin'));
    const context = await site.browser.newContext();
    await context.addCookies([
      { name: 'maaltal_session', value: admin.cookie.split('=')[1] ?? '', url: site.url('/') },
    ]);
    const page = await context.newPage();
    for (const path of EDITOR_PAGES) {
      const response = await page.goto(site.url(path));
      expect(response?.status(), path).toBe(200);
      expect(await page.evaluate('document.compatMode'), path).toBe('CSS1Compat');
    }
    await context.close();
  });
});
