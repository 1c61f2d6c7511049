// Every public page type as people see it, in Danish and English: axe-core with all its rules finds nothing, chart
// text is never drawn below 11 px on a 390 px phone or a 1280 px screen, and a target's status is on screen
// without scrolling sideways.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { bothLanguages, PAGE_TYPES } from './page-types.js';
import { useBrowserSite } from './site.js';

/** The smallest rendered font size (px) of any text in a visible chart, taking the SVG's scaling into account. */
async function smallestChartText(page: Page): Promise<number | null> {
  return page.evaluate(`(() => {
    let smallest = null;
    for (const svg of document.querySelectorAll('svg[role="img"]')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const viewBox = svg.viewBox.baseVal;
      const scale = viewBox !== null && viewBox.width > 0 ? box.width / viewBox.width : 1;
      for (const text of svg.querySelectorAll('text')) {
        if ((text.textContent ?? '').trim() === '') continue;
        const size = Number.parseFloat(getComputedStyle(text).fontSize) * scale;
        smallest = smallest === null ? size : Math.min(smallest, size);
      }
    }
    return smallest;
  })()`);
}

describe('every page type in Chromium', () => {
  const site = useBrowserSite({ accidentScale: 0.001 });

  it('has no axe violations (all rules, best practices included) in Danish or English', async () => {
    const found: string[] = [];
    for (const path of PAGE_TYPES.flatMap(bothLanguages)) {
      await site.page.goto(site.url(path));
      for (const violation of await axeViolations(site.page)) found.push(`${path}: ${violation}`);
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('draws no chart text under 11 px on a 390 px phone or a 1280 px screen', async () => {
    const small: string[] = [];
    let charts = 0;
    for (const width of [390, 1280]) {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      for (const path of PAGE_TYPES.flatMap(bothLanguages)) {
        await page.goto(site.url(path));
        const smallest = await smallestChartText(page);
        if (smallest === null) continue;
        charts += 1;
        if (smallest < 11) small.push(`${path} at ${width} px: ${smallest.toFixed(1)} px`);
      }
      await page.close();
    }
    expect(charts).toBeGreaterThan(10);
    expect(small).toEqual([]);
  }, 300_000);

  it("shows a target's status on a phone without scrolling sideways", async () => {
    const phone = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const path of ['/maaltal/1', '/en/maaltal/20']) {
      await phone.goto(site.url(path));
      const box = await phone.locator('.maaltal-status').first().boundingBox();
      expect(box, path).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390, path).toBe(true);
    }
    for (const [path, label] of [
      ['/maaltal', 'Status'],
      ['/en/maaltal', 'Status'],
    ] as const) {
      await phone.goto(site.url(path));
      const header = await phone.locator('thead th', { hasText: label }).first().boundingBox();
      expect(header, path).not.toBeNull();
      expect((header?.x ?? 0) + (header?.width ?? 0), `${path}: the status column`).toBeLessThanOrEqual(390);
    }
    await phone.close();
  }, 120_000);
});

describe('English pages and printouts in Chromium', () => {
  const site = useBrowserSite({ accidentScale: 0.001 });

  it('shows no Danish on English pages outside what is marked as Danish', async () => {
    const danish = /\b(og|ikke|før|af|kilde|beskæftigede|demodata|måltal vedtaget)\b/i;
    const found: string[] = [];
    for (const path of PAGE_TYPES.filter((p) => p !== '/').map((p) => `/en${p}`)) {
      await site.page.goto(site.url(path));
      const text = String(
        // The page is left behind: what is marked Danish is removed, and the rest read as laid out.
        await site.page.evaluate(`(() => {
          for (const element of document.body.querySelectorAll('[lang="da"]')) element.remove();
          return document.body.innerText;
        })()`),
      );
      for (const line of text.split('\n')) {
        // The product's own name is Danish in both languages.
        const match = danish.exec(line.replaceAll('Måltal', ''));
        if (match !== null) found.push(`${path}: "${match[0]}" in "${line.slice(0, 100)}"`);
      }
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('prints in the site font, with the explanation open, no empty download heading, and the address and date', async () => {
    await site.page.emulateMedia({ media: 'print' });
    await site.page.goto(site.url('/maaltal/20'));
    const printed = (await site.page.evaluate(`(() => ({
      font: getComputedStyle(document.body).fontFamily,
      footer: document.querySelector('.maaltal-print-only').innerText,
      downloadHeadings: [...document.querySelectorAll('h2, h3')]
        .filter((h) => h.nextElementSibling?.classList.contains('maaltal-downloads'))
        .map((h) => getComputedStyle(h).display),
      why: document.querySelector('#hvorfor, .maaltal-why')?.getBoundingClientRect().height ?? 0,
    }))()`)) as { font: string; footer: string; downloadHeadings: string[]; why: number };
    await site.page.emulateMedia({ media: 'screen' });
    expect(printed.font).toMatch(/^"?IBM Plex Sans/);
    expect(printed.footer).toMatch(
      /^Udskrevet fra http:\/\/127\.0\.0\.1:\d+\/maaltal\/20 · Siden dannet \d+\. \w+ \d{4}$/,
    );
    expect(printed.downloadHeadings.length).toBeGreaterThan(0);
    expect(printed.downloadHeadings.every((display) => display === 'none')).toBe(true);
    expect(printed.why).toBeGreaterThan(200);
  }, 120_000);
});
