// Accounts in a real browser: sign in, change the password (each problem beside its field, input kept), sign out;
// a BFA editor cannot reach another BFA's target by URL; a disabled user is signed out on the next request; every
// form passes axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorAudit } from '../../src/audit/audit.service.js';
import { setActive } from '../../src/auth/accounts.service.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { makeUser, TEST_PASSWORD } from '../accounts.js';
import { freshStore, type TestStore } from '../databases.js';
import { seedStore } from '../seed.js';
import { axeViolations } from './axe.js';
import { launchChromium } from './chromium.js';

describe('accounts in Chromium', () => {
  let store: TestStore;
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  const targets = { own: 0, other: 0, ownBfa: '' };

  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    const owners = await store.db
      .selectFrom('targetRevision')
      .innerJoin('bfa', 'bfa.id', 'targetRevision.ownerBfaId')
      .select(['bfa.code', 'targetRevision.targetId'])
      .orderBy('targetRevision.targetId')
      .execute();
    const own = owners[0];
    const other = owners.find((row) => row.code !== own?.code);
    Object.assign(targets, { own: own?.targetId, other: other?.targetId, ownBfa: own?.code });
    await makeUser(store, 'steward', { email: 'karen@example.dk' });
    await makeUser(store, 'bfa_editor', { email: 'bfa@example.dk', bfa: targets.ownBfa });
    server = await startServer(store, { port: 0, hostname: '127.0.0.1' });
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.destroy();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${base}/redaktion/login`);
    await page.getByLabel('E-mailadresse').fill(email);
    await page.getByLabel('Adgangskode').fill(password);
    await page.getByRole('button', { name: 'Log ind' }).click();
  }

  it('signs in, changes the password with each problem beside its field, and signs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/redaktion/login`);
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page, 'karen@example.dk', 'not the password');
    expect(await page.locator('#password-error').textContent()).toBe(
      'e-mailadressen eller adgangskoden er forkert',
    );
    expect(await page.getByLabel('E-mailadresse').inputValue()).toBe('karen@example.dk');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${base}/redaktion/import`);
    expect(await page.getByText('Logget ind som Test steward').count()).toBe(1);

    await page.getByRole('link', { name: 'Konto' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Din konto');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Nuværende adgangskode').fill(TEST_PASSWORD);
    await page.getByLabel('Ny adgangskode').fill('password1234');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    expect(await page.locator('#password-error').textContent()).toContain('er for almindelig');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Nuværende adgangskode').fill(TEST_PASSWORD);
    await page.getByLabel('Ny adgangskode').fill('min nye og lange sætning');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.waitForURL(/skiftet=1/);
    expect(await page.getByRole('status').textContent()).toContain('Din adgangskode er skiftet');

    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.getByText('Logget ind som').count()).toBe(0);
    await page.goto(`${base}/redaktion/konto`);
    expect(page.url()).toContain('/redaktion/login?next=');
    await signIn(page, 'karen@example.dk', 'min nye og lange sætning');
    await page.waitForURL(`${base}/redaktion/import`);
    await page.close();
  });

  it('keeps a BFA editor to their own BFA’s targets, also when the URL names another BFA’s', async () => {
    const page = await browser.newPage();
    await signIn(page, 'bfa@example.dk', TEST_PASSWORD);
    await page.waitForURL(`${base}/redaktion/maaltal`);
    expect(await page.getByRole('link', { name: 'Import' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/redaktion/maaltal/${targets.own}`);
    await page.getByLabel('Ny kommentar').fill('Vi tager det op på næste møde.');
    await page.getByRole('button', { name: 'Tilføj kommentar' }).click();
    await page.waitForURL(`${base}/redaktion/maaltal/${targets.own}`);
    expect(await page.getByText('Vi tager det op på næste møde.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const other = await page.goto(`${base}/redaktion/maaltal/${targets.other}`);
    expect(other?.status()).toBe(403);
    expect(await page.getByText('dette måltal hører til et andet BFA end dit').count()).toBe(1);
    expect(await page.getByText('Vi tager det op').count()).toBe(0);
    await page.close();
  });

  it('lets an admin add users and read the audit trail, each problem beside its field, with no axe violations', async () => {
    await makeUser(store, 'admin', { email: 'admin@example.dk' });
    const page = await browser.newPage();
    page.setDefaultTimeout(5000);
    await signIn(page, 'admin@example.dk', TEST_PASSWORD);
    await page.waitForURL(`${base}/redaktion/import`);
    await page.getByRole('link', { name: 'Brugere' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-mailadresse').fill('karen@intranet');
    await page.getByLabel('Navn', { exact: true }).fill('Ny Bruger');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    expect(await page.locator('#email-error').textContent()).toBe('er ikke en e-mailadresse');
    expect(await page.getByLabel('Navn', { exact: true }).inputValue()).toBe('Ny Bruger');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-mailadresse').fill('ny@example.dk');
    await page.getByLabel('Rolle', { exact: true }).selectOption('bfa_editor');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    expect(await page.locator('#bfa-error').textContent()).toBe('skal udfyldes for rollen bfa_editor');
    await page.getByLabel('BFA', { exact: true }).selectOption(targets.ownBfa);
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    expect(await page.getByRole('status').textContent()).toContain('ny@example.dk er oprettet');

    await page.getByRole('link', { name: 'Log', exact: true }).click();
    expect(await page.getByRole('cell', { name: 'user.create' }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Fra dato').fill('2026-13-45');
    await page.getByRole('button', { name: 'Vis' }).click();
    expect(await page.getByText('skal være en gyldig dato som ÅÅÅÅ-MM-DD').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Fra dato').inputValue()).toBe('2026-13-45');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('signs a disabled user out on their next request', async () => {
    const page = await browser.newPage();
    const user = await makeUser(store, 'viewer', { email: 'soon-gone@example.dk' });
    await signIn(page, user.email, TEST_PASSWORD);
    await page.goto(`${base}/redaktion/konto`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Din konto');
    await setActive(store.db, operatorAudit('admin'), user.email, false, new Date());
    await page.goto(`${base}/redaktion/konto`);
    expect(page.url()).toContain('/redaktion/login?next=%2Fredaktion%2Fkonto');
    await page.close();
  });
});
