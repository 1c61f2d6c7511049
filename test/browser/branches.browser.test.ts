// A workplace finds its branch group in a real browser: types its industry code, lands on the branch page with
// its BFA, targets and accident figures; the same by name; no axe violations on the branch pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { freshStore, type TestStore } from '../databases.js';
import { seedStore } from '../seed.js';
import { axeViolations } from './axe.js';
import { launchChromium } from './chromium.js';

describe('branch look-up in Chromium', () => {
  let store: TestStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true });
    server = await startServer(store, { port: 0, hostname: '127.0.0.1' });
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.destroy();
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
