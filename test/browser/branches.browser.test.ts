// A workplace finds its branch group in a real browser: types its industry code, lands on the branch page with
// its BFA, targets and accident figures; the same by name; no axe violations on the branch pages.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { useBrowserSite } from './site.js';

describe('branch look-up in Chromium', () => {
  const site = useBrowserSite();
  const url = (path: string) => site.url(path);
  let page: Page;
  beforeAll(() => {
    page = site.page;
  });

  it('lands an industry code typed from the menu on its branch group', async () => {
    await page.goto(url('/'));
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Brancher' }).click();
    await page.getByLabel('Branchekode eller navn').fill('41.20.00');
    await page.getByRole('button', { name: 'Find branchegruppe' }).click();
    await page.waitForURL(/\/branche\/opfoerelse-og-nedrivning-af-byggeri/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Opførelse og nedrivning af byggeri',
    );
    expect(await page.getByRole('status').textContent()).toContain('Branchekode 41.20.00 (DB07) hører til:');
    expect(await page.getByRole('img').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds a branch group by name, in English too, with no axe violations', async () => {
    await page.goto(url('/en/branche'));
    await page.getByLabel('Industry code or name').fill('hospitaler');
    await page.getByRole('button', { name: 'Find branch group' }).click();
    await page.waitForURL(/\/en\/branche\/hospitaler$/);
    expect(await page.getByRole('heading', { name: 'Work accidents in the branch' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(url('/branche?q=transport'));
    expect(await page.getByRole('link', { name: 'Transport af gods' }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
