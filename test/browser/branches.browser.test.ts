// A workplace finds its branch group in a real browser: types its industry code and lands on the branch page with
// its BFA, targets and accident figures; types a word ("bager") and picks its branch group from the codes found;
// the same in English; no axe violations on the look-up and branch pages, and none scrolls sideways at 390 px.
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
    expect(await page.getByRole('status').textContent()).toContain(
      'Branchekode 41.20.00 (DB07): Opførelse af bygninger hører til branchegruppen',
    );
    expect(await page.getByRole('img').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('finds "bager" among the codes and goes on to its branch group', async () => {
    await page.goto(url('/branche'));
    await page.getByLabel('Branchekode eller navn').fill('bager');
    await page.getByRole('button', { name: 'Find branchegruppe' }).click();
    await page.waitForURL(/\/branche\?q=bager$/);
    const table = page.getByRole('table', { name: 'Resultater for "bager"' });
    const first = table.getByRole('row').nth(1);
    expect(await first.getByRole('rowheader').textContent()).toBe(
      '10.71.20 Fremstilling af friske bageriprodukter',
    );
    expect(await axeViolations(page)).toEqual([]);
    await first.getByRole('link', { name: 'Nærings- og nydelsesmidler' }).click();
    await page.waitForURL(/\/branche\/naerings-og-nydelsesmidler$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nærings- og nydelsesmidler');
  });

  it('finds a branch group by name, in English too, with no axe violations', async () => {
    await page.goto(url('/en/branche'));
    await page.getByLabel('Industry code or name').fill('hospitaler');
    await page.getByRole('button', { name: 'Find branch group' }).click();
    await page.waitForURL(/\/en\/branche\?q=hospitaler$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('list').getByRole('link', { name: 'Hospitals' }).first().click();
    await page.waitForURL(/\/en\/branche\/hospitaler$/);
    expect(await page.getByRole('heading', { name: 'Work accidents in the branch' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(url('/en/branche?q=86'));
    expect(await page.getByRole('cell', { name: /No branch group known/ }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('does not scroll sideways on a 390 px phone', async () => {
    const phone = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of [
        '/branche?q=bager',
        '/branche?q=86',
        '/en/branche?q=86',
        '/en/branche?q=transport',
        `/branche?q=${'x'.repeat(120)}`,
        '/branche/metal-og-maskiner',
      ]) {
        await phone.goto(url(path));
        expect(
          Number(await phone.evaluate('document.documentElement.scrollWidth')),
          path,
        ).toBeLessThanOrEqual(390);
      }
    } finally {
      await phone.close();
    }
  });
});
