// What a person sees on the target page, in Danish and English, in a real browser; and no axe violations.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { useBrowserSite } from './site.js';

describe('target page in Chromium', () => {
  const site = useBrowserSite();
  let page: Page;
  beforeAll(() => {
    page = site.page;
  });

  it('shows the goals, the targets and the demo marker in Danish, then in English after the switch', async () => {
    await page.goto(`${site.url('')}/maaltal`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mål og måltal');
    expect(await page.getByRole('note').textContent()).toContain('Demodata – ikke officielle tal');
    const goals = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(goals.slice(0, 4)).toEqual([
      '1. Arbejdsulykker',
      '2. Kemisk arbejdsmiljø',
      '3. Ergonomisk arbejdsmiljø',
      '4. Psykisk arbejdsmiljø',
    ]);
    const firstTable = page.getByRole('table').first();
    const header = await firstTable.getByRole('columnheader').allTextContents();
    expect(header).toEqual([
      'Branche',
      'Problem',
      'Indikator',
      'BFA',
      'Udgangspunkt',
      'Seneste måling',
      'Måltal',
      'Status',
    ]);
    // The national target on reported accidents comes first (read from the accident records), then branches.
    const firstRow = await firstTable.getByRole('row').nth(1).textContent();
    expect(firstRow).toMatch(/^Hele landet.*Anmeldte arbejdsulykker pr\. 10\.000 beskæftigede.*\d+,\d.*2019/);
    const secondRow = await firstTable.getByRole('row').nth(2).textContent();
    expect(secondRow).toMatch(/^Anlægsarbejde.*\d+,\d\s%2021/);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/maaltal$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Goals and targets');
    expect(await page.getByRole('note').textContent()).toContain('Demo data – not official figures');
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
    const why = page.getByText('Hvorfor denne status?');
    await why.click();
    const panel = page.locator('details.maaltal-why');
    expect(await panel.getAttribute('open')).not.toBeNull();
    expect(await panel.textContent()).toContain('Forholdstal R (faktisk / nødvendig)');
    expect(await panel.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no WCAG 2.1 A/AA violations that axe-core finds, in either language', async () => {
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
  });
});
