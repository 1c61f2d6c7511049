// What a person sees on the target page, in Danish and English, in a real browser; and no axe violations.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { useBrowserSite } from './site.js';

// Scripts the browser runs (the tests' TypeScript has no DOM types, so they are plain JavaScript text).

/** The shown chart (wide or narrow) on the page. */
const SHOWN_CHART = `[...document.querySelectorAll('figure.maaltal-chart svg[role="img"]')]
  .find((chart) => chart.getBoundingClientRect().width > 0)`;

/** The size each text of the shown chart is drawn at on screen, in CSS pixels. */
const CHART_TEXT_SIZES = `(() => {
  const svg = ${SHOWN_CHART};
  if (svg === undefined) return [];
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')]
    .filter((text) => (text.textContent ?? '').trim() !== '')
    .map((text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale);
})()`;

/** Texts of the shown chart that overlap another text or an interval bar. */
const CHART_COLLISIONS = `(() => {
  const svg = ${SHOWN_CHART};
  if (svg === undefined) return ['no chart is shown'];
  const texts = [...svg.querySelectorAll('text')]
    .filter((text) => (text.textContent ?? '').trim() !== '')
    .map((text) => ({ name: text.textContent, box: text.getBoundingClientRect() }));
  const bars = [...svg.querySelectorAll('g[stroke-width="6"] line')].map((line, i) => ({
    name: 'interval bar ' + (i + 1),
    box: line.getBoundingClientRect(),
  }));
  const overlap = (a, b) =>
    a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const found = [];
  texts.forEach((text, i) => {
    for (const other of [...texts.slice(i + 1), ...bars])
      if (overlap(text.box, other.box)) found.push(text.name + ' × ' + other.name);
  });
  return found;
})()`;

describe('target page in Chromium', () => {
  const site = useBrowserSite();
  let page: Page;
  beforeAll(() => {
    page = site.page;
  });

  /** A survey target and the national accident target, in Danish and English. */
  const targetPages = async (): Promise<string[]> => {
    const response = await fetch(site.url('/api/v1/targets'));
    const { data } = (await response.json()) as { data: { id: number; scope: string }[] };
    const national = data.find((t) => t.scope === 'national')?.id;
    return ['/maaltal/1', `/maaltal/${national}`, '/en/maaltal/1', `/en/maaltal/${national}`];
  };

  it('shows the goals, the targets and the demo marker in Danish, then in English after the switch', async () => {
    await page.goto(`${site.url('')}/maaltal`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mål og måltal');
    expect(await page.locator('.maaltal-demo').textContent()).toContain('Demodata – ikke officielle tal');
    const goals = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(goals.slice(0, 4)).toEqual([
      '1. Arbejdsulykker',
      '2. Kemisk arbejdsmiljø',
      '3. Ergonomisk arbejdsmiljø',
      '4. Psykisk arbejdsmiljø',
    ]);
    const firstTable = page.getByRole('table').first();
    const header = await firstTable.getByRole('columnheader').allTextContents();
    // The status right after the branch, so a phone shows it without scrolling the table; no problem column
    // under a goal without sub-problems (it would repeat the goal).
    expect(header).toEqual([
      'Branche',
      'Status',
      'Seneste måling',
      'Måltal',
      'Udgangspunkt',
      'Indikator',
      'BFA',
    ]);
    // The national target on reported accidents comes first (read from the accident records), then branches.
    const firstRow = await firstTable.getByRole('row').nth(1).textContent();
    expect(firstRow).toMatch(/^Hele landet.*\d+,\d.*2019.*Anmeldte arbejdsulykker pr\. 10\.000 beskæftigede/);
    const secondRow = await firstTable.getByRole('row').nth(2).textContent();
    expect(secondRow).toMatch(/^Anlægsarbejde.*\d+,\d\s%2021/);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/maaltal$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Goals and targets');
    expect(await page.locator('.maaltal-demo').textContent()).toContain('Demo data – not official figures');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('takes a newcomer from the overview to a target and to why it has its status', async () => {
    await page.goto(`${site.url('')}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Arbejdsmiljøets mål for 2030');
    await page.getByRole('link', { name: '1. Arbejdsulykker' }).click();
    await page.waitForURL(/\/maal\/accidents$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('1. Arbejdsulykker');
    await page.getByRole('table').first().getByRole('link', { name: 'Anlægsarbejde' }).click();
    await page.waitForURL(/\/maaltal\/\d+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Anlægsarbejde – /);
    expect(await page.locator('#status-in-words').textContent()).toMatch(
      /^Andelen .* i 2021 til .* i 2025; målet er .* i 2030/,
    );
    await expect(page.getByRole('img').count()).resolves.toBe(1);
    // Why this status is a section of its own, open on screen and in print.
    const panel = page.getByRole('region', { name: 'Hvorfor denne status?' });
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.textContent()).toContain('Forholdstal R');
    expect(await panel.getByRole('listitem').count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    expect(await panel.locator('dl').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the status without sideways scrolling at 390 px, with chart text of at least 11 px', async () => {
    const phone = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of await targetPages()) {
        await phone.goto(site.url(path));
        const width = Number(await phone.evaluate('document.documentElement.scrollWidth'));
        expect(width, path).toBeLessThanOrEqual(390);
        const status = phone.locator('.maaltal-status h2');
        expect(await status.isVisible(), path).toBe(true);
        const box = await status.boundingBox();
        expect(box === null ? -1 : box.x, path).toBeGreaterThanOrEqual(0);
        expect(box === null ? 9999 : box.x + box.width, path).toBeLessThanOrEqual(390);
        const sizes = (await phone.evaluate(CHART_TEXT_SIZES)) as number[];
        expect(sizes.length, path).toBeGreaterThan(10);
        expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(11);
      }
    } finally {
      await phone.close();
    }
  });

  it('keeps the chart labels clear of each other and of the interval bars, wide and narrow', async () => {
    for (const width of [1280, 390]) {
      const view = await site.browser.newPage({ viewport: { width, height: 900 } });
      try {
        for (const path of await targetPages()) {
          await view.goto(site.url(path));
          expect(await view.evaluate(CHART_COLLISIONS), `${path} at ${width} px`).toEqual([]);
        }
      } finally {
        await view.close();
      }
    }
  });

  it('has no axe violations on a survey and the accident target page, wide and narrow', async () => {
    const view = await site.browser.newPage();
    try {
      for (const width of [1280, 390]) {
        await view.setViewportSize({ width, height: 900 });
        for (const path of await targetPages()) {
          await view.goto(site.url(path));
          expect(await axeViolations(view), `${path} at ${width} px`).toEqual([]);
        }
      }
    } finally {
      await view.close();
    }
  }, 120_000);

  it('has no violations of any axe-core rule (best practices included), in either language', async () => {
    for (const path of [
      '/',
      '/en/',
      '/maaltal',
      '/en/maaltal',
      '/maal/accidents',
      '/en/maal/chemical',
      '/findes-ikke',
      '/maaltal/1',
      '/en/maaltal/1',
      '/metode',
      '/en/metode',
      '/ulykker?groupBy=severity',
      '/en/ulykker',
      '/api',
      '/en/api',
      '/en/branche',
    ]) {
      await page.goto(`${site.url('')}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
  }, 180_000);
});
